"""One UI language: its translations and its CLDR formats (dates, numbers, language names).

Where the hub's English had a house style before it was translatable, English keeps
it: day-first dates ("14 Nov 2026") and lists without a serial comma ("a, b and c",
CLDR's en_GB list patterns). Every other language follows CLDR as Babel ships it.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton, get_timezone_location
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

from .catalogs import translations
from .vocabulary import CHOICES, KIND_TITLES, ROLE_TITLES, fallback_word


class Translator(Protocol):
    """What matching and the pages need from a catalog: `gettext.NullTranslations` fits."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class Localizer:
    """Translates and formats for one UI language (`theme.language`)."""

    def __init__(self, lang: str, catalog: Translator | None = None) -> None:
        self.lang = lang
        self.catalog: Translator = catalog if catalog is not None else translations(lang)
        self.locale = _parse_locale(lang)
        self.english = self.locale.language == "en"
        self._list_locale = Locale.parse("en_GB") if self.english else self.locale
        # CLDR formatting costs tens of microseconds a call and a big hub asks for the same
        # dates, numbers, durations and words tens of thousands of times: remember them.
        self._cache: dict[tuple[str, object], str] = {}

    def __repr__(self) -> str:
        return f"Localizer({self.lang!r})"

    # -- words -------------------------------------------------------------------------

    def gettext(self, message: str, /, **values: Any) -> str:
        """The translation of `message`, with `%(name)s` placeholders filled from `values`."""
        text = self.catalog.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        """The plural form for `n` in this language; `%(num)s` is `n`, formatted."""
        text = self.catalog.ngettext(singular, plural, n)
        return text % {"num": self.number(n), **values}

    _ = gettext

    # -- formats -----------------------------------------------------------------------

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        key = ("date", value)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = format_date(value, "d MMM y" if self.english else "medium",
                                                   locale=self.locale)
        return found

    def month(self, value: dt.date) -> str:
        """`November 2026`, `noviembre de 2026`: a heading over a month of sessions."""
        return format_skeleton("yMMMM", value, locale=self.locale)

    def period(self, start: dt.date, end: dt.date) -> str:
        """`16 Sep – 15 Oct 2026`: the year once when both ends share it."""
        if self.english:
            first = "d MMM" if start.year == end.year else "d MMM y"
            return (f"{format_date(start, first, locale=self.locale)} – "
                    f"{format_date(end, 'd MMM y', locale=self.locale)}")
        return str(format_interval(start, end, "yMMMd", locale=self.locale))

    def number(self, value: float) -> str:
        """Whole numbers with grouping ("1,234", "1.234"); others with one decimal."""
        key = ("number", value)
        found = self._cache.get(key)
        if found is None:
            if float(value).is_integer():
                found = format_decimal(int(value), "#,##0", locale=self.locale)
            else:
                found = format_decimal(value, "#,##0.0", locale=self.locale)
            self._cache[key] = found
        return found

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def language(self, code: str) -> str:
        """A language's name in the UI language: `es` → "Spanish", "español", "Spanisch"."""
        key = ("language", code)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = str(self.locale.languages.get(code)
                                           or _ENGLISH_FALLBACK.get(code, code))
        return found

    def country(self, code: str) -> str:
        """A country's CLDR name in the UI language: `DE` → "Germany", "Alemania", "Allemagne"."""
        key = ("country", code)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = str(self.locale.territories.get(code) or code)
        return found

    def time_zone(self, zone: str) -> tuple[str, str]:
        """A time zone's CLDR city and location in the UI language.

        `Europe/Berlin` → ("Berlín", "hora de Alemania (Berlín)") in Spanish: what the
        join form lists, since people know their city, not an IANA id.
        """
        try:
            city = str(get_timezone_location(zone, locale=self.locale, return_city=True))
            where = str(get_timezone_location(zone, locale=self.locale))
        except LookupError:  # a zone CLDR does not know: its own last segment
            city = where = zone.rsplit("/", 1)[-1].replace("_", " ")
        return city, where

    def languages(self, codes: Sequence[str]) -> list[str]:
        return [self.language(c) for c in codes]

    def duration(self, minutes: int) -> str:
        """90 → "1 hour 30 minutes" ("1 hora 30 minutos"): CLDR's unit patterns."""
        key = ("duration", minutes)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._duration(minutes)
        return found

    def _duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        parts = []
        if hours:
            parts.append(format_unit(hours, "duration-hour", length="long", locale=self.locale))
        if rest or not hours:
            parts.append(format_unit(rest, "duration-minute", length="long", locale=self.locale))
        return " ".join(parts)

    def choice(self, vocabulary: str, value: str) -> str:
        """A stored choice as an inline word: ("format", "peer-circle") → "peer circle"."""
        key = (vocabulary, value)
        found = self._cache.get(key)
        if found is not None:
            return found
        word = CHOICES.get(vocabulary, {}).get(value)
        if not word:
            found = fallback_word(value)
        else:
            found = self.catalog.gettext(word)
            if found == word:  # "mentor" is also the singular of a plural entry ("mentor"/"mentors")
                found = self.catalog.ngettext(word, word, 1)
        self._cache[key] = found
        return found

    def choice_label(self, vocabulary: str, value: str) -> str:
        """The same word starting with a capital, for filters and headings: "Peer circle"."""
        word = self.choice(vocabulary, value)
        return word[:1].upper() + word[1:]

    def title(self, table: str, key: str) -> str:
        """A listing title: ("kind", "toolkit") → "Toolkits"; ("role", "mentors") → "Mentors"."""
        titles = KIND_TITLES if table == "kind" else ROLE_TITLES
        word = titles.get(key)
        return self.catalog.gettext(word) if word else key.capitalize()

    def join(self, words: Sequence[str], last: str = "and") -> str:
        """["a", "b", "c"] → "a, b and c" ("a, b y c"); `last="or"` → "a, b or c"."""
        if not words:
            return ""
        if last == "or":
            return format_list(list(words), style="or", locale=self._list_locale)
        return format_list(list(words), style="standard", locale=self._list_locale)


#: Codes CLDR has no name for (the deprecated `bh`, Bihari).
_ENGLISH_FALLBACK = {"bh": "Bihari"}


def _parse_locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=32)
def localizer(lang: str) -> Localizer:
    """The localizer for `lang` (one per language per process: catalogs load once)."""
    return Localizer(lang)


#: The default: the engine's own words, untranslated.
ENGLISH = Localizer("en", gettext.NullTranslations())
