#!/usr/bin/env bash
# Set up everything the tests need and run the whole suite (lint, types, tests).
# Extra arguments go to pytest, e.g. scripts/test.sh -k matching
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
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
