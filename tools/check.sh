#!/usr/bin/env bash
# README quick start, command 2: installs what is missing and runs the whole
# test suite: the C++ tests and examples (ctest) built with AddressSanitizer and
# UndefinedBehaviorSanitizer, the consumer project against the installed
# package, the fuzzers, the API docs, the format check, the binary wheel and
# its smoke test, the Python tests against that wheel, and the docs site.
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)

section() { printf '\n==== %s (%ds so far)\n' "$1" "$SECONDS"; }

section "dependencies"
bash tools/install-deps.sh --test

# The C++ tests and examples are compiled once, with AddressSanitizer and
# UndefinedBehaviorSanitizer, and every ctest test runs instrumented.
section "C++ tests and examples (ctest, with address and undefined-behaviour sanitizers)"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCARELEARN_SANITIZE=address,undefined
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

# The package as a newcomer builds it: no build type given, so Release.
section "install and the consumer projects (CMake and pkg-config)"
cmake -S . -B build/ci -G Ninja -DCARELEARN_BUILD_TESTS=OFF \
  -DCARELEARN_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX="$root/build/stage"
cmake --build build/ci -j "$jobs"
rm -rf build/stage build/consumer
cmake --install build/ci >/dev/null
cmake -S tests/consumer -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$root/build/stage"
cmake --build build/consumer
./build/consumer/consumer
pc_dir=$(dirname "$(find build/stage -name carelearn.pc)")
c++ -std=c++20 -Wall -Wextra -Werror tests/consumer/pkg_config.cpp -o build/consumer/pkg_config \
  $(PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs carelearn)
./build/consumer/pkg_config

if [[ -f tests/fuzz/run.sh ]]; then
  section "fuzzing"
  bash tests/fuzz/run.sh 60
fi

section "API documentation (doxygen, warnings are errors)"
doxygen docs/Doxyfile

section "format check (clang-format)"
git ls-files -co --exclude-standard -- '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

# The wheel is built once (tools/build_wheel.sh: pip wheel, then auditwheel
# repair), proven in a fresh venv with no compiler (tests/wheel/smoke.py), and
# that same repaired wheel is what the Python tests run against.
section "Python wheel (build, auditwheel repair, smoke test in a fresh venv)"
bash tools/build_wheel.sh --smoke
wheel=$(ls build/wheel/repaired/carelearn-*.whl)

section "Python package and tests"
pip_quiet=(-q --disable-pip-version-check --root-user-action=ignore)
python3 -m pip install "${pip_quiet[@]}" "$wheel[test]"
python3 -m pip install "${pip_quiet[@]}" --force-reinstall --no-deps "$wheel"
# Two processes, each taking whole files (their module fixtures, such as a
# LocalCluster or a Ralph server, start once); -p no:benchmark, since
# pytest-benchmark, where it is installed, refuses to run under xdist.
python3 -m pytest -W error -p no:benchmark -n "$jobs" --dist loadfile tests/python

# In a venv of its own over the system's packages (so Sphinx's docutils does
# not replace the system's), with the wheel just tested.
section "documentation site (Sphinx, warnings are errors, no broken internal link)"
python3 -m venv --system-site-packages build/venvs/docs
build/venvs/docs/bin/python -m pip install "${pip_quiet[@]}" "$wheel[docs]"
build/venvs/docs/bin/python -m pip install "${pip_quiet[@]}" --force-reinstall --no-deps "$wheel"
PYTHON=build/venvs/docs/bin/python bash tools/build_docs.sh

section "done"
echo "all checks passed in ${SECONDS}s"
