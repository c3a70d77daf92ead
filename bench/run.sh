#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them: schedule expansion against a
# naive day-by-day scan, JSON loading against plain Boost.JSON, a simulated
# year of 100 units written to a store, session JSON
# Lines and a store into column tables (docs/tables.md), and, when the
# Python package is installed, carelearn.loads against json + jsonschema,
# Programme.expand and `carelearn schedule --csv` against python-dateutil, and
# carelearn.read_tables against DuckDB, polars, pandas and json.loads.
set -euo pipefail
cd "$(dirname "$0")/.."
dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed" ||
  { apt-get update -qq && apt-get install -y -qq libbenchmark-dev >/dev/null; }
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARELEARN_BUILD_BENCH=ON \
  -DCARELEARN_BUILD_TESTS=OFF -DCARELEARN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" --target carelearn_schedule_bench carelearn_json_bench \
  carelearn_tables_bench carelearn_metrics_bench carelearn_simulate_bench
./build/bench/bench/carelearn_schedule_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
./build/bench/bench/carelearn_json_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
# JSON Lines (and a store) into the column tables; CARELEARN_TABLES_SESSIONS=1000000 for the full size.
./build/bench/bench/carelearn_tables_bench --sessions "${CARELEARN_TABLES_SESSIONS:-200000}" --threads 1,2 --store
./build/bench/bench/carelearn_metrics_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
./build/bench/bench/carelearn_simulate_bench --units 100 --years 1 --out build/bench/simulated
if python3 -c "import carelearn, jsonschema" 2>/dev/null; then
  python3 bench/compare_python.py
fi
if python3 -c "import carelearn, dateutil, pandas" 2>/dev/null; then
  python3 bench/schedule_python.py
fi
if python3 -c "import carelearn, pandas, pyarrow, polars, duckdb" 2>/dev/null; then
  # Session tables against DuckDB, polars, pandas and today's path; each way in
  # its own subprocess for its peak memory. CARELEARN_TABLES_N sessions (200,000).
  python3 bench/tables_compare.py "${CARELEARN_TABLES_N:-200000}"
fi
if python3 -c "import carelearn, jinja2, matplotlib, pandas" 2>/dev/null; then
  # The evaluation report of about 100,000 simulated sessions (80 units x 10 years).
  python3 bench/report_bench.py --units 80 --years 10
fi
