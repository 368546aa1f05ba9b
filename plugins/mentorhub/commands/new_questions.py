"""The questions `mentorhub new` asks in a terminal, one field at a time.

Each answer is checked with the same field kinds as the validator and asked again
until it is right, so the file written passes `mentorhub check`. Skills are offered
from the hub's vocabulary (number, id, label or alias), languages by name, time zones
by city, people by name, and fixed values as numbered choices. Input and output are
passed in, so tests can answer without a terminal.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..hub.fields import (
    Boolean,
    Choice,
    Date,
    FieldError,
    HttpsUrl,
    Integer,
    Kind,
    Language,
    ListOf,
    RecordId,
    SkillRef,
    Text,
    TimeZone,
    language_code,
)
from ..hub.models import Person
from ..hub.schema import PERSON, Field, RecordType
from ..hub.vocabulary import SkillVocabulary

Ask = Callable[[str], str]
Say = Callable[[str], None]

#: Fields never asked: set by the command (joined, confirmed), organizer-only, or
#: structured beyond a one-line answer (edit the file for those).
_NOT_ASKED = frozenset({"joined", "confirmed", "draft", "lang", "private", "links", "contact",
                        "feedback", "confidence", "attendance", "prefers"})
#: Person fields asked only for some roles.
_FOR_ROLE = {"offers": "mentor", "capacity": "mentor", "availability": "mentor",
             "seeks": "mentee", "mentors": "mentee"}
#: Optional in the schema but needed for that role (the loader's rules say so too).
#: Asked as if required: offers and seeks depend on the role, and `new story` asks for
#: outcomes before the optional quote that would let a story go without them.
_NEEDED_FOR_ROLE = frozenset({"offers", "seeks", "outcomes"})
MOST_CHOICES = 9  # matches shown when an answer fits several time zones or people


class Cancelled(Exception):
    """The contributor stopped (end of input, or consent not given)."""


@dataclass
class Questions:
    """Asks for each field of a record type and returns checked front-matter values."""

    ask: Ask
    say: Say
    vocab: SkillVocabulary
    people: Mapping[str, Person]
    today: dt.date

    def record(self, record_type: RecordType, title: str | None) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field in record_type.fields:
            if field.name in _NOT_ASKED or not self._applies(record_type, field, values):
                continue
            if field.name in ("name", "title") and title:
                values[field.name] = title
                continue
            answer = self.field(field, required=field.required or field.name in _NEEDED_FOR_ROLE)
            if answer is not None:
                values[field.name] = answer
        if record_type is PERSON:
            values.update(joined=self.today, confirmed=self.today)
        return values

    def field(self, field: Field, *, required: bool) -> Any:
        """One field's checked value, or None when an optional field is skipped."""
        kind = field.kind
        optional = "" if required else " (Enter to skip)"
        self.say(f"\n{field.name}: {field.doc}")
        self._show_choices(kind)
        while True:
            text = self._read(f"{field.name}{optional}: ")
            if not text:
                if isinstance(kind, Date) and required:
                    return self.today
                if not required:
                    return None
                self.say("  This one is needed.")
                continue
            try:
                return self._checked(field, kind, text)
            except FieldError as exc:
                self.say(f"  {exc.message}" + (f" ({exc.hint})" if exc.hint else ""))

    # -- one answer -----------------------------------------------------------------------

    def _checked(self, field: Field, kind: Kind, text: str) -> Any:
        checked: Any
        if isinstance(kind, ListOf):
            items = [self._item(kind.item, part.strip()) for part in text.split(",") if part.strip()]
            checked = list(kind.check(items, self.vocab))
        else:
            checked = kind.check(self._item(kind, text), self.vocab)
        if field.name == "consent" and checked is not True:
            raise Cancelled("a profile is published only with the person's agreement")
        return checked

    def _item(self, kind: Kind, text: str) -> Any:
        """An answer turned into the value the kind checks (a number picks from a list)."""
        if isinstance(kind, Choice):
            return _pick(text, kind.choices)
        if isinstance(kind, SkillRef):
            return _pick(text, list(self.vocab.skills))
        if isinstance(kind, Language):
            return language_code(text) or text
        if isinstance(kind, TimeZone):
            return self._time_zone(text)
        if isinstance(kind, RecordId) and kind.target == "person":
            return self._person(text)
        if isinstance(kind, Boolean):
            return {"y": True, "yes": True, "true": True, "n": False, "no": False,
                    "false": False}.get(text.lower(), text)
        if isinstance(kind, Integer):
            return int(text) if text.lstrip("-").isdigit() else text
        if isinstance(kind, Date):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text
        return text  # Text, HttpsUrl and ids are checked as written

    def _time_zone(self, text: str) -> str:
        zones = _time_zones()
        if text in zones:
            return text
        wanted = text.strip().lower().replace(" ", "_")
        found = sorted(z for z in zones if wanted in z.lower())
        if len(found) == 1:
            self.say(f"  → {found[0]}")
            return found[0]
        if not found:
            return text  # the kind says why, with a hint
        return self._choose(found, "time zones")

    def _person(self, text: str) -> str:
        if text in self.people:
            return text
        wanted = text.lower()
        found = sorted(p.id for p in self.people.values() if wanted in p.name.lower())
        if len(found) == 1:
            self.say(f"  → {found[0]} ({self.people[found[0]].name})")
            return found[0]
        if not found:
            raise FieldError(f"nobody in the hub is called '{text}'",
                             "type a name or an id from content/people/")
        return self._choose(found, "people")

    def _choose(self, options: Sequence[str], what: str) -> str:
        shown = list(options[:MOST_CHOICES])
        self.say(f"  {len(options)} {what} match:" if len(options) <= MOST_CHOICES else
                 f"  {len(options)} {what} match; the first {MOST_CHOICES}:")
        for number, option in enumerate(shown, 1):
            self.say(f"    {number}. {option}")
        while True:
            answer = self._read("  pick a number (or type more to narrow): ")
            if answer.isdigit() and 1 <= int(answer) <= len(shown):
                return shown[int(answer) - 1]
            narrower = [o for o in options if answer.lower().replace(" ", "_") in o.lower()]
            if len(narrower) == 1:
                return narrower[0]
            if narrower:
                return self._choose(narrower, what)

    # -- helpers ------------------------------------------------------------------------

    def _show_choices(self, kind: Kind) -> None:
        item = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(item, Choice):
            self.say("  " + "  ".join(f"{n}. {c}" for n, c in enumerate(item.choices, 1)))
        elif isinstance(item, SkillRef):
            for number, skill in enumerate(self.vocab.skills.values(), 1):
                self.say(f"  {number:>3}. {skill.label} ({skill.id})")
        elif isinstance(item, Language):
            self.say("  Names or codes, e.g. Spanish, en")
        elif isinstance(item, TimeZone):
            self.say("  A city or an IANA name, e.g. Chicago or Europe/Berlin")
        elif isinstance(item, RecordId) and item.target == "person":
            self.say("  Names or ids of people in the hub")
        if isinstance(kind, ListOf):
            self.say("  Several answers: separate them with commas")
        elif isinstance(kind, HttpsUrl):
            self.say("  A link starting with https://")
        elif isinstance(kind, Text) and kind.max_length:
            self.say(f"  At most {kind.max_length} characters")

    def _applies(self, record_type: RecordType, field: Field, values: Mapping[str, Any]) -> bool:
        role = _FOR_ROLE.get(field.name) if record_type is PERSON else None
        return role is None or role in values.get("roles", ())

    def _read(self, prompt: str) -> str:
        try:
            return self.ask(prompt).strip()
        except EOFError:
            raise Cancelled("no more answers") from None


def _pick(text: str, options: Sequence[str]) -> str:
    """A numbered choice ('2') as its value; any other answer as written."""
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    return text


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())
