"""ISO 3166-1 alpha-2 country codes, from CLDR (Babel), for `country:`.

CLDR's territory list also holds regions that are not countries in ISO 3166-1
(`EU`, `UN`, `ZZ`, the `Q*`/`X*` private-use codes and the "exceptionally
reserved" ones such as `AC`, `IC`, `TA`): they are left out, which leaves
ISO 3166-1's 249 codes. Pages show the CLDR name in the UI language
(`mentorhub.i18n`); this table only validates codes and words hints.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

#: CLDR territories that are not ISO 3166-1 alpha-2 countries.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA",
                            "XB", "XK", "ZZ"})


@cache
def countries() -> dict[str, str]:
    """Code → English name, for every ISO 3166-1 alpha-2 code, sorted by code."""
    names = Locale.parse("en").territories
    return {code: str(names[code]) for code in sorted(names)
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


@cache
def _by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in countries().items()}


def country_code(text: str) -> str | None:
    """The code for a code in any case or an English country name ('nigeria' → 'NG')."""
    word = text.strip()
    if word.upper() in countries():
        return word.upper()
    return _by_name().get(word.casefold())
