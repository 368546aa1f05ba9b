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
(Leniency.VALID), which is what keeps dates, years and durations out. The matcher reads
only the runs of digits and separators in a text (Unicode dashes and spaces included,
and a number wrapped across one line break), each at most a window long, so the cost
is linear in the text and independent of the prose around the figures.

Emails are found by a pattern (:data:`EMAIL`): a local part of the characters real
addresses use, an `@`, and a domain with at least one dot and a letter-only top-level
label. An `@` inside a web address (`https://example.org/@ana`, `user@` in
`https://user@host/`) is not an email and is skipped; `mailto:` addresses are found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from .problems import Msg

EMAIL_KIND = Msg("an email address")
PHONE_KIND = Msg("a phone number")

EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,}"
)
#: A web address with a scheme: an `@` inside one is part of the address, not an email.
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://\S+")
#: What people put between digit groups on one line: ASCII separators, every Unicode
#: space but the line break (no-break, thin, ideographic …), and the Unicode dashes
#: (hyphen, non-breaking hyphen, figure, en and em dash, minus, small and full-width
#: hyphen-minus), which the matcher reads but an ASCII class misses.
_SEPARATORS = "().\\-/\t\f\v \r\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000" \
              "\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
#: Seven or more characters of digits and separators, starting and ending with a digit,
#: on one line or wrapped across one line break (a blank line ends it): only these runs
#: can hold a phone number, so the (slow) matcher reads them, never the whole text. The
#: two alternatives are disjoint, so the search never backtracks beyond one run.
_DIGIT_RUN = re.compile(rf"\d(?:[\d{_SEPARATORS}]|\n(?![ \t]*\n)){{5,}}\d")
#: The matcher reads a run as a whole, as it would read the text (its candidates depend
#: on what comes before them); only a run longer than this (a table of figures) is read
#: in windows of this many characters that overlap by :data:`_LONGEST`, the most a
#: written phone number takes, so every number lies wholly in some window and the cost
#: stays linear in the run's length.
_WINDOW = 256
_LONGEST = 40
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_AS_SPACE = {ord(c): " " for c in "\r\t\f\v\u00a0\u1680\u202f\u205f\u3000"} | \
    {code: " " for code in range(0x2000, 0x200B)}
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
    if not may_hold_pii(text):
        return []  # most text: checked for each text field of every record
    allowed = {e.lower() for e in allowed_emails}
    spans = [(m.start(), m.end(), EMAIL_KIND) for m in _emails(text) if m.group().lower() not in allowed]
    spans += [(start, end, PHONE_KIND) for start, end in _phones(text)]
    spans.sort()
    return [Finding(kind, start, end, text.count("\n", 0, start)) for start, end, kind in spans]


def may_hold_pii(text: str) -> bool:
    """False when `text` cannot hold an email or a phone number (no `@`, no run of digits).

    Texts joined with a blank line between them can be asked at once: a run of digits
    never crosses a blank line, so a False for the whole is a False for each part.
    """
    return "@" in text or _DIGIT_RUN.search(text) is not None


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
    found: set[tuple[int, int]] = set()
    for run in _DIGIT_RUN.finditer(text):
        for start, end in _windows(text, run.start(), run.end()):
            # One character either side: a `+` or `(` before the digits, and the letter
            # checks of the matcher (a number glued to a word is not a phone number).
            before = max(start - 1, 0)
            piece = text[before:end + 1]
            found.update((before + a, before + b) for a, b in _phones_in(piece))
    return sorted(found)


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The run text[start:end] in overlapping windows that begin and end on digit groups."""
    if end - start <= _WINDOW:
        return [(start, end)]
    windows = []
    position = start
    while position < end:
        first = position
        while first > start and text[first - 1].isdigit():  # back to the start of its group
            first -= 1
        last = min(first + _WINDOW, end)
        while last < end and text[last].isdigit() and last > first + 1:  # not mid-group
            last -= 1
        windows.append((first, last))
        if last >= end:
            break
        position = max(last - _LONGEST, position + 1)
    return windows


@lru_cache(maxsize=4096)
def _phones_in(piece: str) -> frozenset[tuple[int, int]]:
    """Spans of phone numbers in one short piece of text (tables repeat their figures)."""
    # The matcher knows only some Unicode spaces: each becomes " " (same offsets). Read as
    # written, and again with line breaks as spaces, so a number wrapped across a line is
    # found, and one followed by a figure on the next line is not hidden by joining them.
    spaced = piece.translate(_AS_SPACE)
    found = _matches(spaced)
    if "\n" in spaced:
        # The line break and the indentation around it read as one space; `where` maps each
        # character of the joined text back to the piece.
        joined: list[str] = []
        where: list[int] = []
        last = 0
        for brk in _LINE_BREAK.finditer(spaced):
            joined += [spaced[last:brk.start()], " "]
            where += [*range(last, brk.start()), brk.start()]
            last = brk.end()
        joined.append(spaced[last:])
        where += range(last, len(spaced))
        text = "".join(joined)
        found |= {(where[a], where[b - 1] + 1) for a, b in _matches(text)}
    return frozenset(found)


def _matches(text: str) -> set[tuple[int, int]]:
    return {
        (match.start, match.end)
        for region in ("ZZ", *NATIONAL_REGIONS)  # ZZ: only numbers with a +/00 prefix
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=_LENIENCY)
    }


_LENIENCY = phonenumbers.Leniency.VALID
