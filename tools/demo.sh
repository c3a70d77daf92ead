#!/usr/bin/env bash
# README quick start, command 1: installs what is missing, installs carelearn,
# and runs its main job: a year of a mid-sized municipality's learning formats,
# simulated into a store, and the evaluation report of it in Danish and
# English; then, the planning side, one meeting's agenda. Idempotent: the data
# set and the reports in build/demo/ are written anew each time.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-build-isolation '.[report]'

out=build/demo
mkdir -p "$out"
set -x
carelearn simulate "$out/year" --units 24 --years 1 --seed 1 --overwrite
carelearn report "$out/year" --lang da --out "$out/rapport.html"
carelearn report "$out/year" --lang en --out "$out/report.html"
carelearn agenda systematic-learning-meeting --participants 12 --lang en
