#!/usr/bin/env bash
# Re-extract the engine's words into locale/mentorhub.pot and merge them into every
# catalog (new messages arrive empty, changed ones fuzzy: translate them, then run the
# tests: tests/test_i18n_catalogs.py fails on any empty or fuzzy entry). docs/i18n.md.
#   scripts/i18n.sh            extract + update every catalog
#   scripts/i18n.sh init LANG  start a catalog for a new language
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
LOCALE=plugins/mentorhub/locale
"$PYBABEL" extract -F babel.cfg -k N_ -k Msg -k plural_forms:2,3 --add-location=file --sort-by-file --no-wrap \
    --project=mentorhub --copyright-holder="mentorhub contributors" \
    -o "$LOCALE/mentorhub.pot" plugins/mentorhub
if [[ "${1:-}" == init ]]; then
    "$PYBABEL" init -D mentorhub -i "$LOCALE/mentorhub.pot" -d "$LOCALE" -l "$2" --no-wrap
else
    "$PYBABEL" update -D mentorhub -i "$LOCALE/mentorhub.pot" -d "$LOCALE" --no-wrap \
        --ignore-obsolete --previous
fi
