"""The "Join the hub" forms (/join/): one per record type, generated from `hub/schema.py`.

Nothing here restates a rule of the content model. Each form field is derived from a
schema `Field` — its name, whether it is required, its kind (text, number, date,
choice, list, skill, language, time zone, person), its limits and choices — and the
browser validates what was typed against `json_schema(record)`, the schema that
`mentorhub schemas` prints. What is added here is only what a schema cannot say:
the words a reader sees (translated), which fields a short form leaves out, which
it fills in itself (`joined` = today), and when a question is worth asking (offers
only for mentors). `assets/join.js` does the rest in the browser (docs/join.md).
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from markupsafe import Markup

from ..hub.countries import countries
from ..hub.fields import (
    ID_PATTERN,
    Boolean,
    Choice,
    Contact,
    Country,
    Date,
    Email,
    HttpsUrl,
    Integer,
    Kind,
    Language,
    ListOf,
    Number,
    Photo,
    Private,
    RecordId,
    SkillRef,
    Struct,
    Text,
    TimeZone,
)
from ..hub.languages import LANGUAGES
from ..hub.models import Hub
from ..hub.schema import PERSON, RECORD_TYPES, RESOURCE, SESSION, STORY, RecordType, json_schema
from ..i18n import Localizer
from ..i18n.vocabulary import N_

JOIN_SRC = "join/index.md"
#: The page kind join pages carry; their form is marked `data-pagefind-ignore`.
KIND = "join"
#: Form slug (its URL) for each record type: "profile" reads better than "person".
SLUGS: dict[str, str] = {"person": "profile", "resource": "resource", "session": "session",
                         "story": "story"}
#: The same limit as `mentorhub new` (commands/new_ids.py); join.js shortens at it.
MAX_ID_LENGTH = 64
#: A pick list longer than this is not written into the page: join.js fetches it from
#: `join/data/<list>.json` when the reader searches it and shows the best matches. A hub
#: of 10,000 people would otherwise make forms of 2–4 MB (two people pickers on the
#: session form), far over the 500 KB a page may weigh (docs/benchmarks.md).
INLINE_OPTIONS = 200
DATA_FOLDER = "join/data"

#: Fields a short form leaves out: organizer-only (`private`), publishing controls
#: (`draft`, `lang`: the hub's language is the default), and maps a phone form would
#: make hard (`links`; add them in the pull request), and `github` (only for nudges; the
#: pull request's author can add it). tests/test_join.py fails when a
#: new schema field is neither asked, filled in, nor listed here.
OMITTED: dict[str, frozenset[str]] = {
    "person": frozenset({"private", "draft", "lang", "links", "github"}),
    "resource": frozenset({"draft", "lang"}),
    "session": frozenset({"draft", "lang"}),
    "story": frozenset({"draft", "lang"}),
}
#: Dates the form fills in with today's date instead of asking.
TODAY: dict[str, frozenset[str]] = {
    "person": frozenset({"joined", "confirmed"}),
    "resource": frozenset({"updated"}),
}
#: A question shown only when another answer makes it apply (the schema's own
#: `if`/`then` rules still decide what is required).
SHOW_IF: dict[tuple[str, str], tuple[str, str]] = {
    ("person", "offers"): ("roles", "mentor"),
    ("person", "capacity"): ("roles", "mentor"),
    ("person", "availability"): ("roles", "mentor"),
    ("person", "seeks"): ("roles", "mentee"),
    ("person", "mentors"): ("roles", "mentee"),
    ("person", "prefers"): ("roles", "mentee"),
}
#: People pickers that only make sense with mentors in them.
MENTORS_ONLY = frozenset({("person", "mentors"), ("person", "prefers"), ("story", "mentors")})
#: Which display words (i18n/vocabulary.py) a choice field's values use.
CHOICE_WORDS: dict[tuple[str, str], str] = {
    ("person", "roles"): "role", ("person", "formats"): "format",
    ("resource", "kind"): "kind", ("resource", "audience"): "audience",
    ("resource", "level"): "level", ("session", "format"): "session_format",
    ("story", "outcomes"): "outcome",
}
AVAILABILITY_WORDS = {
    "open": N_("Open: happy to take mentees"),
    "limited": N_("Limited: little time at the moment"),
    "closed": N_("Closed: not taking mentees (never suggested)"),
    "paused": N_("Paused: back later, not taking mentees for now (never suggested)"),
}

#: Each field's question and help, in the UI language: the contract's explanations
#: (content-model.md), reworded for readers who never saw YAML. Keyed by field name,
#: or "record.field" where one name means different things.
LABELS: dict[str, tuple[str, str]] = {
    "name": (N_("Your name"), N_("As you would like it shown on the hub.")),
    "roles": (N_("How would you like to take part?"),
              N_("A mentor guides others; a mentee looks for guidance; a peer learns alongside "
                 "others. Choose one or more.")),
    "languages": (N_("Languages you can meet in"), N_("Choose every language you are happy to "
                                                      "talk in.")),
    "offers": (N_("What can you mentor on?"), N_("Choose at least one skill.")),
    "seeks": (N_("What would you like to grow in?"), N_("Choose at least one skill.")),
    "headline": (N_("Headline"), N_("One line under your name, e.g. what you do.")),
    "pronouns": (N_("Pronouns"), N_("For example she/her, he/him or they/them.")),
    "location": (N_("Where you are"), N_("A city or region, if you want to say.")),
    "timezone": (N_("Your time zone"), N_("Type your city or a nearby one.")),
    "country": (N_("Country"), N_("The country you live in, if you want to say.")),
    "photo": (N_("Photo"), N_("Optional. Add a portrait to the hub's media/people/ folder in the "
                              "same pull request and write its path here, e.g. "
                              "media/people/your-name.jpg. Without one, your initials are shown. "
                              "The photo is published small, without its location and camera data.")),
    "formats": (N_("How do you like to meet?"), N_("If you choose nothing, one-on-one is assumed.")),
    "capacity": (N_("How many mentees at once?"), N_("If you leave it empty, one.")),
    "availability": (N_("Are you taking mentees now?"), N_("If you leave it empty: open.")),
    "person.mentors": (N_("Your current mentors"), N_("Only if you already have a mentor in "
                                                      "this hub.")),
    "prefers": (N_("Mentors you would like"), N_("Optional; most wanted first. The organizers "
                                                 "take it into account when pairing.")),
    "contact": (N_("Email"), N_("So the organizers can introduce you.")),
    "consent": (N_("I agree that this profile is published on the hub"),
                N_("You can have it removed at any time.")),
    "title": (N_("Title"), ""),
    "resource.kind": (N_("What sort of resource is it?"), ""),
    "summary": (N_("Summary"), N_("One or two sentences, shown on cards and in search.")),
    "topics": (N_("Topics"), N_("Choose at least one skill it covers.")),
    "audience": (N_("Who is it for?"), ""),
    "level": (N_("Level"), ""),
    "url": (N_("Link"), N_("Where to find it; it must start with https://. Needed when you "
                           "write no description below.")),
    "authors": (N_("Authors"), N_("One name per line.")),
    "date": (N_("Date"), ""),
    "session.format": (N_("What kind of session was it?"), ""),
    "facilitators": (N_("Who led it?"), N_("Choose at least one person.")),
    "group": (N_("Group"), N_("The circle or programme it belongs to, if any.")),
    "participants": (N_("Who took part?"), N_("Only people who agreed to be named.")),
    "attendance": (N_("How many people came?"), N_("If you leave it empty: the people named "
                                                   "above.")),
    "duration": (N_("How long was it, in minutes?"), ""),
    "feedback": (N_("Feedback"), N_("Only if people rated the session.")),
    "feedback.responses": (N_("Number of ratings"), ""),
    "feedback.satisfaction": (N_("Average rating, from 1 to 5"), ""),
    "resources": (N_("Resources used"), ""),
    "outcomes": (N_("What came of it?"), N_("Choose at least one, unless you add a quote below.")),
    "mentee": (N_("Whose story is it?"), N_("Leave it empty to tell the story anonymously.")),
    "story.mentors": (N_("Mentors"), ""),
    "skills": (N_("Skills"), ""),
    "confidence": (N_("Confidence"), N_("Self-rated, from 1 (low) to 5 (high).")),
    "confidence.before": (N_("Before"), ""),
    "confidence.after": (N_("After"), ""),
    "quote": (N_("A quote"), N_("In their own words, if they agree.")),
}
#: The Markdown body under the front matter, for each record type.
BODIES: dict[str, tuple[str, str]] = {
    "person": (N_("About you"), N_("A short bio: what you do and what you care about.")),
    "resource": (N_("Description"), N_("Optional when you gave a link.")),
    "session": (N_("Notes"), N_("Challenges raised, solutions found, takeaways, action items.")),
    "story": (N_("The story"), N_("What happened, in a few paragraphs.")),
}
#: The chooser on /join/: each form's title and one plain sentence.
CHOOSER: dict[str, tuple[str, str]] = {
    "person": (N_("Add your profile"),
               N_("Join as a mentor, a mentee or a peer: your name, languages and skills.")),
    "resource": (N_("Share a resource"),
                 N_("A guide, toolkit, template or course that helped you.")),
    "session": (N_("Share session notes"),
                N_("What a group session talked about and what came out of it.")),
    "story": (N_("Tell a story"),
              N_("What mentoring changed for someone, with their consent.")),
}


@dataclass(frozen=True)
class Option:
    """One choice: its stored value, what the reader sees, and extra words to find it by."""

    value: str
    label: str
    search: str = ""


@dataclass(frozen=True)
class FormField:
    """One question of a join form, derived from a schema field."""

    name: str  # the front-matter key ("contact" and "body" are special)
    # text, textarea, lines, url, number, date, consent, radio, checkbox, pick, group, contact, body
    widget: str
    label: str
    help: str
    required: bool = False
    many: bool = False  # a list: several answers
    value_type: str = "string"  # string, integer, number, date, boolean
    options: tuple[Option, ...] = ()
    max_length: int = 0
    minimum: float | None = None
    maximum: float | None = None
    parts: tuple[FormField, ...] = ()  # a group's questions (feedback, confidence)
    show_if: tuple[str, str] = ("", "")
    #: The pick list's name (`people`, `skills` …) when it is too long to be written into
    #: the page (over INLINE_OPTIONS); join.js then fetches it from `data_uri(source)`.
    source: str = ""

    @property
    def filterable(self) -> bool:
        """Long lists (skills, languages, time zones, people) get a search box."""
        return self.widget == "pick"


@dataclass(frozen=True)
class JoinForm:
    """One form: its record type, URL, title and questions, and what it fills in itself."""

    record: RecordType
    slug: str
    title: str
    intro: str
    fields: tuple[FormField, ...]
    today_fields: tuple[str, ...]

    @property
    def src_uri(self) -> str:
        return f"join/{self.slug}/index.md"


@dataclass(frozen=True)
class Pickers:
    """The hub's lists a form chooses from, in the UI language."""

    skills: tuple[Option, ...]
    languages: tuple[Option, ...]
    time_zones: tuple[Option, ...]
    people: tuple[Option, ...]
    mentors: tuple[Option, ...]
    resources: tuple[Option, ...]
    countries: tuple[Option, ...] = ()

    def named(self, name: str) -> tuple[Option, ...]:
        """A list by the name `FormField.source` uses (`time-zones` for `time_zones`)."""
        options: tuple[Option, ...] = getattr(self, name.replace("-", "_"))
        return options


def data_uri(name: str) -> str:
    """Where a long pick list (or a record type's taken ids, `ids-person`) is published."""
    return f"{DATA_FOLDER}/{name}.json"


def pickers(hub: Hub, i18n: Localizer) -> Pickers:
    """Skills by label (aliases searchable), languages by name, time zones by city, people by name."""
    skills = sorted((Option(s.id, s.label, " ".join((s.id, s.category, *s.aliases)))
                     for s in hub.skills.values()), key=lambda o: (o.label.casefold(), o.value))
    languages = sorted((Option(code, i18n.language(code), f"{code} {name}")
                        for code, name in LANGUAGES.items()),
                       key=lambda o: (o.label.casefold(), o.value))
    people = tuple(Option(p.id, p.name, p.id) for p in
                   sorted(hub.people.values(), key=lambda p: (p.name.casefold(), p.id)))
    mentor_ids = {p.id for p in hub.mentors()}
    resources = tuple(Option(r.id, r.title, r.id) for r in
                      sorted(hub.resources.values(), key=lambda r: (r.title.casefold(), r.id)))
    places = sorted((Option(code, i18n.country(code), f"{code} {name}")
                     for code, name in countries().items()), key=lambda o: (o.label.casefold(), o.value))
    return Pickers(tuple(skills), tuple(languages), time_zone_options(i18n), people,
                   tuple(o for o in people if o.value in mentor_ids), resources, tuple(places))


@cache
def _zones() -> tuple[str, ...]:
    """Place-named IANA zones (`Europe/Berlin`), plus UTC; not the legacy aliases (`US/Eastern`)."""
    regions = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/",
               "Europe/", "Indian/", "Pacific/")
    return (*sorted(z for z in zoneinfo.available_timezones() if z.startswith(regions)), "UTC")


def time_zone_options(i18n: Localizer) -> tuple[Option, ...]:
    """Every zone by its city in the UI language ("Berlín — hora de Alemania (Berlín)")."""
    options = []
    for zone in _zones():
        city, where = i18n.time_zone(zone)
        label = where if city in where else f"{city} — {where}"
        options.append(Option(zone, label, f"{city} {zone.replace('_', ' ')}"))
    return tuple(sorted(options, key=lambda o: (o.label.casefold(), o.value)))


def _words(record: RecordType, name: str, i18n: Localizer, doc: str) -> tuple[str, str]:
    label, help_ = LABELS.get(f"{record.name}.{name}") or LABELS.get(name) or (name, doc)
    return i18n.gettext(label), i18n.gettext(help_) if help_ else ""


def _choice_options(record: RecordType, name: str, choices: Sequence[str],
                    i18n: Localizer) -> tuple[Option, ...]:
    words = CHOICE_WORDS.get((record.name, name))
    if name == "availability":
        return tuple(Option(c, i18n.gettext(AVAILABILITY_WORDS[c])) for c in choices)
    return tuple(Option(c, i18n.choice_label(words, c) if words else c) for c in choices)


def required_when(record: RecordType) -> dict[str, tuple[str, str]]:
    """Fields the schema requires once a list holds a value: `offers` when `roles` has
    "mentor". Read from the schema's own `if: {contains}` / `then: {required}` rules, so a
    question shown only then (SHOW_IF) is marked "(required)" exactly when it is."""
    rules = json_schema(record)["else"].get("allOf", [])
    found: dict[str, tuple[str, str]] = {}
    for rule in rules:
        condition = rule.get("if", {}).get("properties", {})
        for controller, spec in condition.items():
            value = spec.get("contains", {}).get("const")
            if isinstance(value, str):
                found.update((name, (controller, value)) for name in rule.get("then", {}).get("required", []))
    return found


_REQUIRED_WHEN = {record.name: required_when(record) for record in RECORD_TYPES}


def _field(record: RecordType, name: str, kind: Kind, required: bool, doc: str,
           i18n: Localizer, lists: Pickers) -> FormField:
    """The question for one schema field: the widget follows from the field's kind."""
    label, help_ = _words(record, name, i18n, doc)
    show_if = SHOW_IF.get((record.name, name), ("", ""))
    # Shown only when the schema's condition holds, and then required: say so.
    required = required or (show_if[0] != "" and _REQUIRED_WHEN.get(record.name, {}).get(name) == show_if)
    common: dict[str, Any] = {"name": name, "label": label, "help": help_, "required": required,
                              "show_if": show_if}
    many = isinstance(kind, ListOf)
    item = kind.item if isinstance(kind, ListOf) else kind
    if isinstance(item, Private):
        item = item.inner
    if isinstance(item, Contact):
        return FormField(widget="contact", **common)
    if isinstance(item, Struct):
        parts = tuple(_field(record, f"{name}.{part}", part_kind, part in item.required, "", i18n, lists)
                      for part, part_kind in item.fields)
        return FormField(widget="group", parts=parts, **common)
    if isinstance(item, Choice):
        options = _choice_options(record, name, item.choices, i18n)
        return FormField(widget="checkbox" if many else "radio", many=many, options=options, **common)
    picked = _pick_list(record, name, item)
    if picked is not None:
        options = lists.named(picked)
        source = picked if len(options) > INLINE_OPTIONS else ""
        return FormField(widget="pick", many=many, options=options, source=source, **common)
    if isinstance(item, Text):
        widget = "lines" if many else ("text" if item.single_line else "textarea")
        return FormField(widget=widget, many=many, max_length=item.max_length, **common)
    if isinstance(item, Integer | Number):
        return FormField(widget="number", value_type="integer" if isinstance(item, Integer) else "number",
                         minimum=item.minimum, maximum=item.maximum, **common)
    if isinstance(item, HttpsUrl):
        return FormField(widget="url", **common)
    if isinstance(item, Photo):  # a path in the same pull request: the form cannot upload
        return FormField(widget="text", max_length=200, **common)
    if isinstance(item, Date):
        return FormField(widget="date", value_type="date", **common)
    if isinstance(item, Boolean):
        return FormField(widget="consent", value_type="boolean", **common)
    raise ValueError(f"{record.name}.{name}: no form widget for {type(kind).__name__}; "
                     "add one in site/join.py or list the field in OMITTED")


def _pick_list(record: RecordType, name: str, item: Kind) -> str | None:
    """The name of the hub list a field chooses from (see `Pickers.named`), if any."""
    if isinstance(item, SkillRef):
        return "skills"
    if isinstance(item, Language):
        return "languages"
    if isinstance(item, TimeZone):
        return "time-zones"
    if isinstance(item, Country):
        return "countries"
    if isinstance(item, RecordId):
        if item.target == "resource":
            return "resources"
        return "mentors" if (record.name, name) in MENTORS_ONLY else "people"
    return None


def join_form(record: RecordType, hub: Hub, i18n: Localizer, lists: Pickers | None = None) -> JoinForm:
    """The form for one record type, every question derived from its schema fields."""
    lists = lists or pickers(hub, i18n)
    omitted = OMITTED.get(record.name, frozenset())
    today = TODAY.get(record.name, frozenset())
    fields = [_field(record, f.name, f.kind, f.required, f.doc, i18n, lists)
              for f in record.fields if f.name not in omitted and f.name not in today]
    body_label, body_help = BODIES[record.name]
    fields.append(FormField("body", "body", i18n.gettext(body_label), i18n.gettext(body_help)))
    title, intro = CHOOSER[record.name]
    return JoinForm(record, SLUGS[record.name], i18n.gettext(title), i18n.gettext(intro),
                    tuple(fields), tuple(f.name for f in record.fields if f.name in today))


def join_forms(hub: Hub, i18n: Localizer) -> list[JoinForm]:
    lists = pickers(hub, i18n)
    return [join_form(record, hub, i18n, lists) for record in RECORD_TYPES]


def taken_ids(record: RecordType, hub: Hub) -> list[str]:
    """The ids a new record of this type may not use: those of published records only (a
    draft's id is not made public here: `mentorhub check` catches that clash in the pull
    request)."""
    records: dict[str, Mapping[str, object]] = {
        PERSON.name: hub.people, RESOURCE.name: hub.resources,
        SESSION.name: hub.sessions, STORY.name: hub.stories}
    return sorted(records[record.name])


def join_data(forms: Sequence[JoinForm], hub: Hub) -> dict[str, Any]:
    """What join.js fetches instead of finding it in the page, by URI: each long pick list
    as `[value, label, search words]` rows, and each record type's taken ids (fetched
    when the answers are checked, so a 10,000-person hub does not weigh on every form)."""
    data: dict[str, Any] = {}
    for form in forms:
        data[data_uri(f"ids-{form.record.name}")] = taken_ids(form.record, hub)
        for field in form.fields:
            if field.source:
                data[data_uri(field.source)] = [[o.value, o.label, o.search] for o in field.options]
    return data


def form_config(form: JoinForm, *, today: dt.date, new_base: str, recipients: Sequence[str],
                find_url: str, taken_url: str, content_dir: str = "content") -> dict[str, Any]:
    """What join.js needs besides the form itself: the schema, where the taken ids are, …

    `new_base` is the repository's "new file" URL of the content folder ('' without
    `edit_uri`); `taken_url` links the page to `data_uri("ids-<type>")`.
    """
    return {
        "type": form.record.name,
        "folder": form.record.folder,
        "contentDir": content_dir,
        "schema": json_schema(form.record),
        "takenUrl": taken_url,
        "reserved": sorted(form.record.reserved_ids),
        "idPattern": "^" + ID_PATTERN.pattern.removesuffix(r"\Z") + "$",
        "maxIdLength": MAX_ID_LENGTH,
        "datePrefix": form.record is SESSION,  # as `mentorhub new`: 2026-11-02-topic.md
        "today": today.isoformat(),
        "todayFields": list(form.today_fields),
        "newBase": new_base,
        "recipients": list(recipients) if form.record is PERSON else [],
        "findUrl": find_url if form.record is PERSON else "",
        "order": [f.name for f in form.record.fields],
        "emailPattern": Email().json_schema()["pattern"],
    }


def script_json(value: Mapping[str, Any] | Sequence[Any]) -> Markup:
    """JSON safe inside a `<script type="application/json">` element (no `</script>`)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


#: join.js's words: error messages per JSON Schema keyword, buttons and notes.
SCRIPT_MESSAGES: dict[str, str] = {
    "summary": N_("There is a problem"),
    "required": N_("Answer this question."),
    "requiredPick": N_("Choose at least one."),
    "tooLong": N_("Too long: at most %(max)s characters."),
    "oneLine": N_("Write it on one line."),
    "empty": N_("Write something here, not just spaces."),
    "range": N_("Enter a number from %(min)s to %(max)s."),
    "min": N_("Enter a number of at least %(min)s."),
    "whole": N_("Enter a whole number."),
    "email": N_("Enter an email address such as name@example.org."),
    "url": N_("Enter a link that starts with https://."),
    "date": N_("Enter a real date."),
    "consent": N_("Tick the box to agree, or the profile cannot be published."),
    "invalid": N_("Check this answer."),
    "idPattern": N_("Use only lowercase letters a-z, digits and hyphens, starting with a letter "
                    "or digit."),
    "idTaken": N_("This name is already taken. Change the file name below, e.g. add a number."),
    "idReserved": N_("This name is reserved for a page of the hub. Choose another file name."),
    "idLong": N_("Use at most %(max)s characters."),
    "idMissing": N_("Write a file name using letters a-z, digits and hyphens."),
    "needsLinkOrBody": N_("Give a link or write a description."),
    "noEmail": N_("Do not write an email address here: everything here is published. Use the "
                  "Email question instead."),
    "publicEmail": N_("Your email will be shown on your profile, hidden from simple spam robots."),
    "plainHidden": N_("This hub cannot seal emails: a hidden email is still readable by anyone "
                      "who can read the hub's repository. Leave it out, or show it on purpose."),
    "sealed": N_("Your email is sealed: only the hub's organizers can read it."),
    "sealFailed": N_("Your email could not be sealed in this browser. Leave it out, or send it "
                     "to the organizers."),
    "chosen": N_("Chosen: %(list)s"),
    "listHint": N_("Type a few letters to search the list (%(count)s entries)."),
    "listMore": N_("Showing the first %(shown)s matches: type more letters to narrow the list."),
    "listNone": N_("Nothing in the list matches. Check the spelling, or try fewer letters."),
    "listFailed": N_("The list could not be loaded. Check your connection and reload the page."),
    "copied": N_("Copied."),
    "copyFailed": N_("Could not copy: select the text above and copy it."),
}


def script_messages(i18n: Localizer) -> dict[str, str]:
    """The script's words in the UI language; placeholders stay `%(name)s` for the script."""
    return {key: i18n.gettext(message) for key, message in SCRIPT_MESSAGES.items()}
