#!/usr/bin/env bash
# Builds carelearn's libFuzzer targets and runs each for a bounded time.
#
#   tests/fuzz/run.sh [seconds]     # total time, split between the targets; default 60
#
# Each target first replays every input in tests/fuzz/regressions/ (inputs
# that once crashed; they must pass now), then fuzzes from a seed corpus of
# catalog/*.json, tests/cpp/io/testdata/*.json and tests/fuzz/corpus/
# (fuzz_parse_session, fuzz_read_session_lines, fuzz_read_tables and fuzz_deserialize_tables:
# the session lines in tests/fuzz/corpus-session/, with tests/fuzz/session.dict, the last
# serializing the tables they read and fuzzing the bytes; fuzz_parse_programme: examples/programmes/ and
# tests/fuzz/corpus/, with programme.dict; fuzz_parse_rrule: the rules in
# tests/fuzz/corpus-rrule/, with rrule.dict). A crash,
# a sanitizer report or a failed check ends the run with a non-zero status
# and copies the input into tests/fuzz/regressions/, to be kept once fixed.
#
# Environment: CXX (default clang++-14), FUZZ_BUILD_DIR (default build-fuzz at
# the repository root), FUZZ_JOBS (build jobs, default 2).
set -euo pipefail

total_seconds="${1:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-${root}/build-fuzz}"
targets=(fuzz_parse_format fuzz_parse_variant fuzz_parse_document fuzz_parse_session
         fuzz_read_session_lines fuzz_read_tables fuzz_deserialize_tables fuzz_parse_programme
         fuzz_parse_rrule)
per_target=$(( total_seconds / ${#targets[@]} ))
(( per_target >= 1 )) || per_target=1

mkdir -p "${build}"
cmake -S "${here}" -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="${CXX:-clang++-14}" > "${build}/configure.log" 2>&1 ||
  { cat "${build}/configure.log"; exit 1; }
cmake --build "${build}" -j "${FUZZ_JOBS:-2}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

shopt -s nullglob
regressions=()
for input in "${here}"/regressions/*; do
  [[ "$(basename "${input}")" == README.md ]] || regressions+=("${input}")
done
status=0
for target in "${targets[@]}"; do
  binary="${build}/${target}"
  if (( ${#regressions[@]} > 0 )); then
    echo "== ${target}: replaying ${#regressions[@]} regression inputs"
    "${binary}" "${regressions[@]}" > "${build}/${target}.regressions.log" 2>&1 ||
      { tail -n 40 "${build}/${target}.regressions.log"; status=1; continue; }
  fi
  corpus="${build}/corpus/${target}"
  artifacts="${build}/artifacts/${target}/"
  mkdir -p "${corpus}" "${artifacts}"
  seeds=("${root}/catalog" "${root}/tests/cpp/io/testdata" "${here}/corpus")
  dict="${here}/json.dict"
  if [[ "${target}" == fuzz_parse_session || "${target}" == fuzz_read_session_lines ||
        "${target}" == fuzz_read_tables || "${target}" == fuzz_deserialize_tables ]]; then
    seeds=("${here}/corpus-session")
    dict="${here}/session.dict"
  fi
  if [[ "${target}" == fuzz_parse_programme ]]; then
    seeds=("${root}/examples/programmes" "${here}/corpus")
    dict="${here}/programme.dict"
  fi
  if [[ "${target}" == fuzz_parse_rrule ]]; then
    seeds=("${here}/corpus-rrule")
    dict="${here}/rrule.dict"
  fi
  echo "== ${target}: fuzzing for ${per_target} s"
  if ! "${binary}" "${corpus}" "${seeds[@]}" \
      -dict="${dict}" -max_total_time="${per_target}" -timeout=10 \
      -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="${artifacts}" > "${build}/${target}.log" 2>&1; then
    tail -n 60 "${build}/${target}.log"
    for artifact in "${artifacts}"*; do
      cp "${artifact}" "${here}/regressions/${target}-$(basename "${artifact}")"
      echo "kept ${here}/regressions/${target}-$(basename "${artifact}")"
    done
    status=1
    continue
  fi
  grep -E "stat::number_of_executed_units|stat::new_units_added|cov: " "${build}/${target}.log" |
    tail -n 3 || true
done
if (( status != 0 )); then
  echo "fuzzing found a problem" >&2
fi
exit "${status}"
