#!/usr/bin/env bash
# Set up everything solar_nb needs on a fresh machine: system libraries, a virtual environment in .venv and the
# pinned Python packages. Safe to run again: each step is skipped when already done.
#   tools/setup.sh          the library, its command line and what the main job needs
#   tools/setup.sh --test   also what the tests need (Chromium for the docs-site test)
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0; [[ "${1:-}" == "--test" ]] && want_test=1
PYTHON=${PYTHON:-python3}
VENV=.venv

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {  # apt_install PACKAGE...: install Debian packages, or say exactly what is missing
  if ! command -v apt-get >/dev/null; then
    echo "solar_nb setup: please install $* with your system's package manager" >&2; return 1; fi
  if [[ ! -f /tmp/.solar_nb_apt_updated ]]; then
    as_root apt-get update -qq && touch /tmp/.solar_nb_apt_updated || true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { echo "solar_nb setup: could not install $* (needs root or sudo)" >&2; return 1; }
}

# 1. OpenJPEG, the C library glymur decodes JPEG 2000 with.
if ! ldconfig -p 2>/dev/null | grep -q 'libopenjp2\.so'; then
  echo "solar_nb setup: installing the OpenJPEG library (libopenjp2-7) for glymur"
  apt_install libopenjp2-7
fi
# 2. Chromium, for the test that opens the built docs pages (tests only).
if [[ $want_test == 1 ]] && ! command -v chromium >/dev/null; then
  echo "solar_nb setup: installing Chromium for the docs-site test"
  apt_install chromium
fi
# 3. The virtual environment with the pinned packages; redone only when the requirements change.
stamp=$VENV/.solar_nb-installed
inputs=$(cat settings.ini setup.py tools/constraints.txt | sha256sum | cut -c1-16)
if [[ ! -f $stamp || $(cat "$stamp") != "$inputs" ]]; then
  [[ -x $VENV/bin/python ]] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  echo "solar_nb setup: installing solar_nb and its pinned dependencies into $VENV"
  "$VENV/bin/python" -m pip install -q -c tools/constraints.txt -e ".[dev]"
  echo "$inputs" > "$stamp"
fi
"$VENV/bin/python" -c "import glymur, sys; sys.exit(0 if glymur.lib.openjp2.OPENJP2 is not None else 1)" \
  || { echo "solar_nb setup: glymur cannot find the OpenJPEG library (libopenjp2)" >&2; exit 1; }
