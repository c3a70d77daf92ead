#!/usr/bin/env bash
# Builds carelearn's documentation site into build/docs/site (open index.html):
# the guides of docs/, the Python API from the installed package's docstrings,
# the C++ API from Doxygen, the examples and the executed notebooks, the changelog.
#   tools/build_docs.sh
# Warnings are errors (sphinx -W), every cross-reference must resolve (-n), and
# tools/check_links.py then fails on any broken link inside the site.
#
# Needs carelearn installed in the Python that runs it (PYTHON, default
# python3) with the docs extra (pip install 'carelearn[docs]'), and doxygen.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
site=build/docs/site

doxygen docs/Doxyfile
rm -rf "$site" build/docs/doctrees
"$python" -m sphinx -W --keep-going -n -q -b html -d build/docs/doctrees docs "$site"
"$python" tools/check_links.py "$site"
echo "carelearn: the documentation site is in $site/index.html"
