#!/usr/bin/env bash
# Set up everything the tests need and run the whole suite (lint, types, tests).
# Extra arguments go to pytest, e.g. scripts/test.sh -k matching
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# Browser tests (tests/test_browser*.py): Debian's Chromium, which Playwright drives
# through executable_path (Playwright's own browser download is never used), and
# axe-core from npm. Installed here when missing and we are root (CI containers);
# elsewhere those tests skip with the reason, except with CI=true, where they fail.
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="chromium"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  if [ -n "$missing" ]; then
    apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi
if command -v npm >/dev/null 2>&1 \
   && ! [ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
# The committed browser bundles of the join forms must be what their pinned sources build.
if command -v npm >/dev/null 2>&1; then
  scripts/vendor-js.sh --check
fi
# ProperDocs, the maintained MkDocs 1.x fork: tests/test_properdocs.py builds the
# fixture hub with it. It gets its own environment so MkDocs and ProperDocs never
# share one; reinstalled only when pyproject.toml changes.
if ! [ .venv-properdocs/.installed -nt pyproject.toml ]; then
  [ -x .venv-properdocs/bin/python ] || "${PYTHON:-python3}" -m venv .venv-properdocs
  .venv-properdocs/bin/python -m pip install --quiet --disable-pip-version-check -e . "properdocs>=1.6,<1.7"
  touch .venv-properdocs/.installed
fi
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check plugins tests benchmarks hooks
.venv/bin/mypy
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
