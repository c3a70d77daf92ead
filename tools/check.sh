#!/usr/bin/env bash
# README quick start, command 2: installs what is missing and runs the whole
# test suite: C++ tests and examples (ctest), the consumer project against the
# installed package, the sanitizer build, the fuzzers, the API docs, the format
# check, and the Python tests. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)

section() { printf '\n==== %s (%ds so far)\n' "$1" "$SECONDS"; }

section "dependencies"
bash tools/install-deps.sh --test

section "C++ build and tests"
cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_INSTALL_PREFIX="$root/build/stage"
cmake --build build/ci -j "$jobs"
ctest --test-dir build/ci --output-on-failure -j "$jobs"

section "install and the consumer project"
rm -rf build/stage build/consumer
cmake --install build/ci >/dev/null
cmake -S tests/consumer -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$root/build/stage"
cmake --build build/consumer
./build/consumer/consumer

section "sanitizers (address, undefined)"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 \
  -DCARELEARN_SANITIZE=address,undefined -DCARELEARN_BUILD_EXAMPLES=OFF
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

if [[ -f tests/fuzz/run.sh ]]; then
  section "fuzzing"
  bash tests/fuzz/run.sh 60
fi

section "API documentation (doxygen, warnings are errors)"
doxygen docs/Doxyfile

section "format check (clang-format)"
git ls-files -co --exclude-standard -- '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

section "Python package and tests"
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-build-isolation ".[test]"
python3 -m pytest -W error tests/python

section "done"
echo "all checks passed in ${SECONDS}s"
