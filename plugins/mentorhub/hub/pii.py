"""Find email addresses and phone numbers in free text, so they are not published.

:func:`find_pii` takes any text (a headline, a bio, a free page) and returns what it
found and on which line; the loader turns findings into problems, and the
problem-message code uses :func:`kind_of` to describe a rejected value instead of
quoting it.

Phones are found by `phonenumbers` (Google's libphonenumber data), not by a pattern
of our own: a digit pattern cannot tell "+44 20 7946 0958" from "2026-11-14", an
ISO number or "45-60 minutes". Numbers written with an international prefix (`+49 …`,
`0049 …`) are found whatever the country; numbers in national form only for the
countries in :data:`NATIONAL_REGIONS`, and only when they are *valid* there
(Leniency.VALID), which is what keeps dates, years and durations out.

Emails are found by a pattern (:data:`EMAIL`): a local part of the characters real
addresses use, an `@`, and a domain with at least one dot and a letter-only top-level
label. An `@` inside a web address (`https://example.org/@ana`, `user@` in
`https://user@host/`) is not an email and is skipped; `mailto:` addresses are found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers

EMAIL_KIND = "an email address"
PHONE_KIND = "a phone number"

EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,}"
)
#: A web address with a scheme: an `@` inside one is part of the address, not an email.
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://\S+")
#: Seven or more characters of digits and separators, starting and ending with a digit:
#: text without such a run holds no phone number, so the (slow) matcher runs only on
#: text that has one. One character class, so the search never backtracks.
_DIGIT_RUN = re.compile(r"\d[\d\s().\-/]{5,}\d")
#: Countries whose national number formats (no `+` prefix) are recognised, besides
#: every number written with its international prefix. More regions find more
#: numbers but also read more digit groups as numbers somewhere: these are the
#: countries of the hub's people; all were checked against the demo content.
NATIONAL_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "PL", "IN", "BR", "NG", "KE", "ZA", "JP")


@dataclass(frozen=True)
class Finding:
    """An email address or phone number at `start`..`end` of the text, on line `line` (0-based)."""

    kind: str  # EMAIL_KIND or PHONE_KIND
    start: int
    end: int
    line: int


def find_pii(text: str, allowed_emails: Iterable[str] = ()) -> list[Finding]:
    """Every email address and phone number in `text`, in order; `allowed_emails` are skipped."""
    if "@" not in text and not _DIGIT_RUN.search(text):
        return []  # most text: checked for each text field of every record
    allowed = {e.lower() for e in allowed_emails}
    spans = [(m.start(), m.end(), EMAIL_KIND) for m in _emails(text) if m.group().lower() not in allowed]
    spans += [(start, end, PHONE_KIND) for start, end in _phones(text)]
    spans.sort()
    return [Finding(kind, start, end, text.count("\n", 0, start)) for start, end, kind in spans]


def kind_of(text: str) -> str | None:
    """'an email address' or 'a phone number' if `text` holds one, else None."""
    found = find_pii(text)
    return found[0].kind if found else None


def _emails(text: str) -> list[re.Match[str]]:
    if "@" not in text:
        return []
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    return [m for m in EMAIL.finditer(text) if not any(a <= m.start() < b for a, b in urls)]


def _phones(text: str) -> list[tuple[int, int]]:
    if not _DIGIT_RUN.search(text):
        return []
    found: set[tuple[int, int]] = set()
    for region in ("ZZ", *NATIONAL_REGIONS):  # ZZ: only numbers with a +/00 prefix
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=_LENIENCY):
            found.add((match.start, match.end))
    return sorted(found)


_LENIENCY = phonenumbers.Leniency.VALID
