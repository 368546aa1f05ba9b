#!/usr/bin/env bash
# Set up and build the demo hub into site/ (organizer reports go to reports/).
# Usage: scripts/build.sh          build once, strictly
#        scripts/build.sh --serve  build and preview at http://127.0.0.1:8000/mentorhub/ (the path
#                                  of site_url in mkdocs.yml) with live reload
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "--serve" ]; then
  exec .venv/bin/mkdocs serve
fi
.venv/bin/mkdocs build --strict
echo "Built the site into site/. Open site/index.html through a web server, e.g.: .venv/bin/python -m http.server -d site"
