#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them: schedule expansion against a
# naive day-by-day scan, JSON loading against plain Boost.JSON, a simulated
# year of 100 units written to a store, and, when the
# Python package is installed, carelearn.loads against json + jsonschema.
set -euo pipefail
cd "$(dirname "$0")/.."
dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed" ||
  { apt-get update -qq && apt-get install -y -qq libbenchmark-dev >/dev/null; }
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARELEARN_BUILD_BENCH=ON \
  -DCARELEARN_BUILD_TESTS=OFF -DCARELEARN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" --target carelearn_schedule_bench carelearn_json_bench \
  carelearn_simulate_bench
./build/bench/bench/carelearn_schedule_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
./build/bench/bench/carelearn_json_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
./build/bench/bench/carelearn_simulate_bench --units 100 --years 1 --out build/bench/simulated
if python3 -c "import carelearn, jsonschema" 2>/dev/null; then
  python3 bench/compare_python.py
fi
