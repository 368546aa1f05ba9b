"""The finder script's words, translated at build time and handed to it as data.

The browser has no catalog, so each finder page carries its messages as JSON:
plain strings, and for counts every plural form of the catalog together with the
catalog's own plural expression (gettext's `Plural-Forms`, the C-like formula
that `.po` files carry), which the script evaluates for the number it shows.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import Localizer

#: gettext plural formulas use only n, digits, comparisons, arithmetic and ?: — anything
#: else in a catalog header is refused rather than handed to the browser to evaluate.
_SAFE_FORMULA = re.compile(r"^[n0-9\s()?:<>=!&|%+\-*/]+$")
_ENGLISH_FORMULA = "n != 1"


def plural_formula(i18n: Localizer) -> tuple[str, int]:
    """The catalog's plural expression and its number of forms (English's for none)."""
    info = getattr(i18n.catalog, "_info", {})
    header = info.get("plural-forms", "") if isinstance(info, dict) else ""
    count = re.search(r"nplurals\s*=\s*(\d+)", header)
    formula = re.search(r"plural\s*=\s*(.+?);?\s*$", header)
    if not count or not formula or not _SAFE_FORMULA.match(formula.group(1)):
        return _ENGLISH_FORMULA, 2
    return formula.group(1).strip(), int(count.group(1))


def plural_forms(i18n: Localizer, singular: str, plural: str) -> list[str]:
    """Every form of a message, in the catalog's order (index = the plural formula's value)."""
    chooser = getattr(i18n.catalog, "plural", None)
    formula, count = plural_formula(i18n)
    if chooser is None or (count == 2 and formula == _ENGLISH_FORMULA):
        return [i18n.catalog.ngettext(singular, plural, 1), i18n.catalog.ngettext(singular, plural, 2)]
    forms: list[str] = []
    for index in range(count):
        n = next((k for k in range(1000) if chooser(k) == index), None)
        forms.append(i18n.catalog.ngettext(singular, plural, n) if n is not None else plural)
    return forms


def script_messages(i18n: Localizer, noun: str) -> dict[str, Any]:
    """What `search.js` says on a finder whose results are `noun` (results, mentors, resources)."""
    _ = i18n.gettext
    if noun == "mentors":
        count = plural_forms(i18n, "{n} mentor", "{n} mentors")
        count_for = plural_forms(i18n, "{n} mentor for “{q}”", "{n} mentors for “{q}”")
        none, none_for = _("No mentors match"), _("No mentors match “{q}”")
    elif noun == "resources":
        count = plural_forms(i18n, "{n} resource", "{n} resources")
        count_for = plural_forms(i18n, "{n} resource for “{q}”", "{n} resources for “{q}”")
        none, none_for = _("No resources match"), _("No resources match “{q}”")
    else:
        count = plural_forms(i18n, "{n} result", "{n} results")
        count_for = plural_forms(i18n, "{n} result for “{q}”", "{n} results for “{q}”")
        none, none_for = _("No results match"), _("No results match “{q}”")
    return {
        "plural": plural_formula(i18n)[0],
        "count": count,
        "countFor": count_for,
        "none": none,
        "noneFor": none_for,
        "withFilters": _("with these filters. Try removing a filter."),
        "filtered": _(", filtered"),
        "prompt": _("Type a word, or choose a filter, to search."),
        # The finders' filter disclosure, and how many filter values are chosen in it.
        "filters": _("Filters"),
        "filtersChosen": plural_forms(i18n, "Filters ({n} selected)", "Filters ({n} selected)"),
        "unavailable": _("Search could not be loaded here (the site must be opened through a "
                         "web server). You can browse the directories instead."),
    }
