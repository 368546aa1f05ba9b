"""The questions `mentorhub new` asks in a terminal, one field at a time.

Each answer is checked with the same field kinds as the validator and asked again
until it is right, so the file written passes `mentorhub check`. Skills are offered
from the hub's vocabulary (number, id, label or alias), languages by name, time zones
by city, people by name, and fixed values as numbered choices. Input and output are
passed in, so tests can answer without a terminal.

It speaks the hub's language: the questions and help are the join forms' (site/join.py,
in the catalogs), choices show their translated words, and answers are understood in
that language too (commands/new_words.py).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as default
from functools import cache
from typing import Any

from ..hub.countries import country_code
from ..hub.fields import (
    Boolean,
    Choice,
    Country,
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
from ..hub.problems import translated
from ..hub.schema import PERSON, Field, RecordType
from ..hub.vocabulary import SkillVocabulary
from ..i18n import localizer
from ..site.join import AVAILABILITY_WORDS, BODIES, CHOICE_WORDS, LABELS
from .new_words import AnswerWords, plain

Ask = Callable[[str], str]
Say = Callable[[str], None]

#: Fields never asked: set by the command (joined, confirmed), organizer-only, or
#: structured beyond a one-line answer (edit the file for those); `github` only serves nudges.
_NOT_ASKED = frozenset({"joined", "confirmed", "draft", "lang", "private", "links", "contact",
                        "feedback", "confidence", "attendance", "prefers", "github"})
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
    answers: AnswerWords = default(default_factory=lambda: AnswerWords(localizer("en")))
    record_type: RecordType = PERSON

    def record(self, record_type: RecordType, title: str | None) -> dict[str, Any]:
        self.record_type = record_type
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
        words = self.answers.words
        optional = "" if required else " " + words.gettext("(Enter to skip)")
        question, help_ = (LABELS.get(f"{self.record_type.name}.{field.name}") or LABELS.get(field.name)
                           or ("", ""))
        self.say(f"\n{words.gettext(question)}" + (f"\n  {words.gettext(help_)}" if help_ else "")
                 if question else f"\n{field.name}: {field.doc}")
        self._show_choices(field)
        while True:
            text = self._read(f"{field.name}{optional}: ")
            if not text:
                if isinstance(kind, Date) and required:
                    return self.today
                if not required:
                    return None
                self.say("  " + words.gettext("This one is needed."))
                continue
            try:
                return self._checked(field, kind, text)
            except FieldError as exc:
                message, hint = (translated(exc.message, words.gettext), translated(exc.hint, words.gettext))
                self.say(f"  {message}" + (f" ({hint})" if hint else ""))

    def body(self) -> str:
        """The text under the front matter (a bio, notes …), several lines ending with an
        empty one; '' when skipped."""
        words = self.answers.words
        title, help_ = BODIES[self.record_type.name]
        self.say(f"\n{words.gettext(title)}: {words.gettext(help_)}")
        self.say("  " + words.gettext("Several lines; an empty line ends it (Enter now to skip)."))
        lines: list[str] = []
        while True:
            try:
                line = self.ask("  > " if lines else "> ").rstrip()
            except EOFError:
                break
            if not line:
                break
            lines.append(line)
        return "\n".join(lines) + "\n" if lines else ""

    # -- one answer -----------------------------------------------------------------------

    def _checked(self, field: Field, kind: Kind, text: str) -> Any:
        checked: Any
        if isinstance(kind, ListOf):
            items = [self._item(kind.item, part.strip(), field) for part in text.split(",") if part.strip()]
            checked = list(kind.check(items, self.vocab))
        else:
            checked = kind.check(self._item(kind, text, field), self.vocab)
        if field.name == "consent" and checked is not True:
            words = self.answers.words
            raise Cancelled(words.gettext("a profile is published only with the person's agreement"))
        return checked

    def _item(self, kind: Kind, text: str, field: Field) -> Any:
        """An answer turned into the value the kind checks (a number picks from a list)."""
        if isinstance(kind, Choice):
            words = {plain(word): value for value, word in self._choice_words(field, kind.choices)}
            return words.get(plain(text)) or _pick(text, kind.choices)
        if isinstance(kind, SkillRef):
            return _pick(text, list(self.vocab.skills))
        if isinstance(kind, Language):
            return self.answers.language(text) or language_code(text) or text
        if isinstance(kind, TimeZone):
            return self._time_zone(text)
        if isinstance(kind, Country):  # "Nigeria" or "ng" → NG
            return country_code(text) or text
        if isinstance(kind, RecordId) and kind.target == "person":
            return self._person(text)
        if isinstance(kind, Boolean):
            found = self.answers.yes_no(text)
            return text if found is None else found
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
        words = self.answers.words
        found, near = self.answers.time_zones(text)
        if len(found) == 1 and not near:
            self.say(f"  → {self.answers.city(found[0])}")
            return found[0]
        if not found:
            return text  # the kind says why, with a hint
        if near:
            self.say("  " + words.gettext("No city is called %(answer)s; did you mean one of these?",
                                          answer=f"'{text}'")
                     + " " + words.gettext("(Or type your country.)"))
        return self._choose(found, self.answers.city, self._time_zone)

    def _person(self, text: str) -> str:
        if text in self.people:
            return text
        found = self.answers.people(text, {p.id: p.name for p in self.people.values()})
        if len(found) == 1:
            self.say(f"  → {found[0]} ({self.people[found[0]].name})")
            return found[0]
        if not found:
            words = self.answers.words
            raise FieldError(words.gettext("nobody in the hub is called %(answer)s", answer=f"'{text}'"),
                             words.gettext("type a name or an id from content/people/"))
        return self._choose(found, lambda pid: f"{self.people[pid].name} ({pid})")

    def _choose(self, options: Sequence[str], show: Callable[[str], str],
                again: Callable[[str], str] | None = None) -> str:
        words = self.answers.words
        shown = list(options[:MOST_CHOICES])
        self.say("  " + (words.ngettext("%(num)s answer fits:", "%(num)s answers fit:", len(options))
                         if len(options) <= MOST_CHOICES else
                         words.gettext("%(count)s answers fit; the first %(most)s:",
                                       count=len(options), most=MOST_CHOICES)))
        for number, option in enumerate(shown, 1):
            self.say(f"    {number}. {show(option)}")
        while True:
            answer = self._read("  " + words.gettext("pick a number (or type more to narrow): "))
            if answer.isdigit() and 1 <= int(answer) <= len(shown):
                return shown[int(answer) - 1]
            if again is not None and not any(plain(answer) in plain(show(o)) for o in options):
                return again(answer)  # not one of these: a new answer ("España")
            narrower = [o for o in options if plain(answer) in plain(show(o))]
            if len(narrower) == 1:
                return narrower[0]
            if narrower:
                return self._choose(narrower, show, again)

    # -- helpers ------------------------------------------------------------------------

    def _choice_words(self, field: Field, choices: Sequence[str]) -> list[tuple[str, str]]:
        """(value, word in the UI language) for a fixed choice: ("group", "en grupo")."""
        words = self.answers.words
        vocabulary = CHOICE_WORDS.get((self.record_type.name, field.name))
        if field.name == "availability":
            return [(c, words.gettext(AVAILABILITY_WORDS[c]).split(":")[0]) for c in choices
                    if c in AVAILABILITY_WORDS]
        return [(c, words.choice(vocabulary, c)) for c in choices] if vocabulary else []

    def _show_choices(self, field: Field) -> None:
        kind = field.kind
        words = self.answers.words
        item = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(item, Choice):
            shown = dict(self._choice_words(field, item.choices))
            self.say("  " + "  ".join(f"{n}. {shown[c]} ({c})" if c in shown and shown[c] != c
                                      else f"{n}. {c}" for n, c in enumerate(item.choices, 1)))
        elif isinstance(item, SkillRef):
            for number, skill in enumerate(self.vocab.skills.values(), 1):
                self.say(f"  {number:>3}. {skill.label} ({skill.id})")
        elif isinstance(item, Language):
            self.say("  " + words.gettext("Names or codes, e.g. %(name)s, en", name=words.language("es")))
        elif isinstance(item, TimeZone):
            self.say("  " + words.gettext("A city or an IANA name, e.g. %(city)s or Europe/Berlin",
                                          city=words.time_zone("America/Chicago")[0]))
        elif isinstance(item, RecordId) and item.target == "person":
            self.say("  " + words.gettext("Names or ids of people in the hub"))
        elif isinstance(item, Boolean):
            self.say(f"  {words.gettext('yes')} / {words.gettext('no')}")
        if isinstance(kind, ListOf):
            self.say("  " + words.gettext("Several answers: separate them with commas"))
        elif isinstance(kind, HttpsUrl):
            self.say("  " + words.gettext("A link starting with https://"))
        elif isinstance(kind, Text) and kind.max_length:
            self.say("  " + words.gettext("At most %(most)s characters", most=kind.max_length))

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
