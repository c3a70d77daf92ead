#!/usr/bin/env bash
# README quick start, command 1: installs what is missing, installs carelearn,
# and runs its main job: the built-in catalog and today's meeting agenda.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-build-isolation .

set -x
carelearn catalog
carelearn agenda systematic-learning-meeting --participants 12 --lang en
