#!/usr/bin/env bash
# Proves the engine's tests never depend on the demo: copies the repository, replaces
# its hub (content/, mkdocs.yml, overrides/, hooks/, records/) with an empty `mentorhub init`
# hub, and runs the test suite there. Browser tests are left out (they drive the
# showcase fixture, as in the normal run, and need Chromium). Extra arguments go to
# pytest. Uses the project's .venv (scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/repo"
mkdir "$copy"
# Everything git knows about (tracked, or new and not ignored), minus the hub's parts.
git ls-files -z --cached --others --exclude-standard \
  | grep -z -v -E '^(content/|mkdocs\.yml$|overrides/|hooks/|records/)' \
  | xargs -0 cp --parents -t "$copy" 2>/dev/null || true
ln -s "$repo/.venv" "$copy/.venv"
[ -d .venv-properdocs ] && ln -s "$repo/.venv-properdocs" "$copy/.venv-properdocs"
# The same address as the demo (example-org/mentorhub), which the README describes.
.venv/bin/mentorhub init "$work/empty-hub" --no-input --repository example-org/mentorhub >/dev/null
for part in content mkdocs.yml overrides hooks; do
  mv "$work/empty-hub/$part" "$copy/$part"
done
echo "Running the suite in $copy with an empty 'mentorhub init' hub instead of the demo" >&2
cd "$copy"
export NO_MKDOCS_2_WARNING=1
# The editable install imports the package from $repo; the copy's tests read the copy's files.
.venv/bin/python -m pytest -p no:cacheprovider -m "not browser" "$@"
