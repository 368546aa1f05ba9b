#!/usr/bin/env bash
# Rebuild the browser libraries the join forms ship with (ajv, age-encryption) into
# plugins/mentorhub/assets/vendor/ from the exact versions in vendor-js/package-lock.json.
# The bundles are committed so a hub builds without npm; `--check` rebuilds them in a
# temporary folder and fails if the committed ones differ (scripts/test.sh runs it).
# To upgrade: edit vendor-js/package.json, `cd vendor-js && npm install`, run this script,
# commit the lockfile and the bundles together.
set -euo pipefail
cd "$(dirname "$0")/../vendor-js"
if ! [ node_modules/.package-lock.json -nt package-lock.json ]; then
  # --ignore-scripts: esbuild's binary comes from its pinned @esbuild/<platform> package.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
node build.mjs "$@"
