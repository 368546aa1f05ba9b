#!/usr/bin/env bash
# Create .venv (once) and install mentorhub with its pinned dependencies into it.
# Usage: scripts/setup.sh [--test]   (--test adds the test and lint tools)
# pip runs only when needed: the install is editable, so code changes need no reinstall;
# a stamp in .venv records the last install, and pip runs again when pyproject.toml is
# newer than it, when the stamp is for another checkout, or with MENTORHUB_REINSTALL=1.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "mentorhub needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
stamp=".venv/.mentorhub-installed${extra:+-test}"
fresh() {  # $1: a stamp written by a complete install of this checkout, newer than pyproject.toml
  [ -f "$1" ] && [ "$1" -nt pyproject.toml ] && [ "$(cat "$1")" = "$PWD" ]
}
if [ "${MENTORHUB_REINSTALL:-}" != 1 ] && [ -x .venv/bin/mentorhub ]; then
  # A test install holds everything a plain one has.
  if fresh .venv/.mentorhub-installed-test || { [ -z "$extra" ] && fresh "$stamp"; }; then
    exit 0
  fi
fi
rm -f "$stamp"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra}"
echo "$PWD" > "$stamp"
