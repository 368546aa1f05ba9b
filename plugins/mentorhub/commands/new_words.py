"""What `mentorhub new` understands in the hub's language: answers as people type them.

Language names in the UI language and in English ("español", "Spanish", "es"), the
UI language's yes and no ("sí", "oui", "ja"), time zones by city in the UI language
and in English (CLDR's exemplar cities, through Babel: "Sevilla" → did you mean …)
or by country ("España"),
and names typed without their accents ("Lucia" finds "Lucía").
"""

from __future__ import annotations

import difflib
import unicodedata
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from babel.core import get_global

from ..hub.languages import LANGUAGES
from ..i18n import Localizer, localizer


def plain(text: str) -> str:
    """`Lucía` → `lucia`: case and accents left out, to compare what people type."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class AnswerWords:
    """One UI language's words for answers (English is always understood too)."""

    words: Localizer
    english: Localizer = field(default_factory=lambda: localizer("en"))

    # -- yes / no -------------------------------------------------------------------------

    def yes_no(self, text: str) -> bool | None:
        """True for yes, False for no (in the UI language or English), else None."""
        answer = plain(text)
        yes, no = plain(self.words.gettext("yes")), plain(self.words.gettext("no"))
        for value, own, english in ((True, yes, ("yes", "y", "true")), (False, no, ("no", "n", "false"))):
            if answer in english or answer == own or (len(answer) == 1 and own.startswith(answer)):
                return value
        return None

    # -- languages ------------------------------------------------------------------------

    @cached_property
    def _languages(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for localized in (self.english, self.words):
            for code in LANGUAGES:
                names.setdefault(plain(localized.language(code)), code)
        return names

    def language(self, text: str) -> str | None:
        """The ISO 639-1 code for a code or a language's name in the UI language or English."""
        answer = plain(text)
        return answer if answer in LANGUAGES else self._languages.get(answer)

    # -- time zones -----------------------------------------------------------------------

    @cached_property
    def _cities(self) -> dict[str, list[str]]:
        """City (plain) → zones, from the zone ids and CLDR's cities in both languages."""
        found: dict[str, list[str]] = {}
        for zone in sorted(_zones()):
            names = {zone.rsplit("/", 1)[-1].replace("_", " ")}
            names |= {self.words.time_zone(zone)[0], self.english.time_zone(zone)[0]}
            for name in names:
                found.setdefault(plain(name), []).append(zone)
        return found

    @cached_property
    def _countries(self) -> dict[str, list[str]]:
        """Country (plain, in both languages) → its zones (CLDR's territory zones)."""
        found: dict[str, list[str]] = {}
        zones = set(_zones())
        for territory, in_it in get_global("territory_zones").items():
            for localized in (self.english, self.words):
                name = localized.locale.territories.get(territory)
                if name:
                    found.setdefault(plain(name), []).extend(z for z in in_it if z in zones)
        return found

    def city(self, zone: str) -> str:
        """`Europe/Madrid` → "Madrid (Europe/Madrid)": what a choice shows."""
        return f"{self.words.time_zone(zone)[0]} ({zone})"

    def time_zones(self, text: str) -> tuple[list[str], bool]:
        """Zones for a city or part of a zone id, and whether they are only near misses
        ("did you mean"): "Sevilla" finds no city, so the closest city names are offered."""
        answer = plain(text).replace("_", " ")
        exact = self._cities.get(answer) or self._countries.get(answer)
        if exact:
            return list(dict.fromkeys(exact)), False
        found = [zone for name, zones in self._cities.items() if answer and answer in name for zone in zones]
        found += [zone for zone in sorted(_zones()) if answer.replace(" ", "_") in zone.casefold()]
        if found:
            return list(dict.fromkeys(found)), False
        close = difflib.get_close_matches(answer, list(self._cities), n=5, cutoff=0.6)
        return list(dict.fromkeys(zone for name in close for zone in self._cities[name])), True

    # -- people ---------------------------------------------------------------------------

    @staticmethod
    def people(text: str, names: Mapping[str, str]) -> list[str]:
        """Ids of people whose name (or id) holds `text`, accents and case aside."""
        answer = plain(text)
        return sorted(pid for pid, name in names.items() if answer in plain(name) or answer == pid)


def _zones() -> Iterable[str]:
    return [z for z in zoneinfo.available_timezones()
            if "/" in z and not z.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))]
