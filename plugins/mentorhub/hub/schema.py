"""The content model: every front-matter field of every record type, in one place.

The validator, the `mentorhub new` templates and the published JSON Schemas all
read these definitions. Field names are the public contract (content-model.md):
add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .fields import (
    AnyMap,
    Boolean,
    Choice,
    Contact,
    Country,
    Date,
    Email,
    GitHubUser,
    HttpsUrl,
    Integer,
    Kind,
    Language,
    ListOf,
    MapOf,
    Number,
    PerLanguage,
    Photo,
    Private,
    RecordId,
    Sealed,
    SkillRef,
    Struct,
    Text,
    TimeZone,
)

#: What `mentorhub new` writes where only the contributor can answer (consent, roles,
#: languages …): the validator names it "fill in", so a file is never published half-done.
PLACEHOLDER = "FILL IN"

ROLES = ("mentor", "mentee", "peer")
FORMATS = ("one-on-one", "group", "peer-circle", "async")
AVAILABILITY = ("open", "limited", "closed", "paused")
RESOURCE_KINDS = (
    "toolkit", "guide", "template", "checklist", "course",
    "video", "article", "book", "funding", "tool",
)
AUDIENCES = ("mentor", "mentee", "organizer", "peer")
LEVELS = ("beginner", "intermediate", "advanced")
SESSION_FORMATS = ("group-mentoring", "peer-circle", "workshop", "lunch-and-learn", "office-hours")
OUTCOMES = (
    "promotion", "new-role", "internship", "job-placement", "skill-gained",
    "leadership", "further-education", "started-mentoring", "other",
)
SUMMARY_LIMIT = 300
#: A name (a person's, or a plain name in `authors`) and a title are copied onto many
#: pages (cards, listings, feeds, the search index, every language tree): a bound keeps
#: the site's size in proportion to what a contributor sends.
NAME_LIMIT = 100
TITLE_LIMIT = 200
#: A story's quote: the same number in the schema, docs/guide/content.md and the join form.
QUOTE_LIMIT = 1000


@dataclass(frozen=True)
class Field:
    """One front-matter field: its kind, whether it is required, what it means."""

    name: str
    kind: Kind
    doc: str
    required: bool = False
    example: Any = None


@dataclass(frozen=True)
class RecordType:
    """A record type: where its files live and which fields they hold."""

    name: str
    folder: str
    fields: tuple[Field, ...]
    reserved_ids: frozenset[str] = frozenset()

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        # Looked up for every key of every file: a dict, not a scan of the tuple.
        return {f.name: f for f in self.fields}

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _people_ids(min_items: int = 0) -> ListOf:
    return ListOf(RecordId("person"), min_items)


_DRAFT = Field("draft", Boolean(), "true: not published anywhere", example=False)
#: The language a record's own text (bio, notes, story) is written in; its page marks
#: that text with `lang` when it differs from the UI language (docs/guide/languages.md).
_LANG = Field("lang", Language(), "ISO 639-1 code of the language the text is written in "
              "(default: the hub's language)")

PERSON = RecordType(
    name="person",
    folder="people",
    reserved_ids=frozenset({"mentors", "mentees", "peers", "index", "page"}),
    fields=(
        Field("name", Text(max_length=NAME_LIMIT), "display name", required=True, example="Ana Example"),
        Field("roles", ListOf(Choice(ROLES), 1), "mentor, mentee and/or peer",
              required=True, example=["mentee"]),
        Field("languages", ListOf(Language(), 1), "ISO 639-1 codes of languages they can meet in",
              required=True, example=["en"]),
        Field("offers", ListOf(SkillRef()), "skill ids they mentor on (mentors: at least one)"),
        Field("seeks", ListOf(SkillRef()), "skill ids they want to grow in (mentees: at least one)",
              example=["public-speaking"]),
        Field("headline", Text(max_length=120), "one line under the name"),
        Field("pronouns", Text(max_length=40), "e.g. she/her"),
        Field("location", Text(max_length=80), "free text, e.g. a city"),
        Field("timezone", TimeZone(), "IANA time zone, e.g. Europe/Berlin", example="Europe/Berlin"),
        Field("country", Country(), "ISO 3166-1 alpha-2 country code, e.g. NG, CO, DE"),
        Field("photo", Photo(), "a portrait under content/media/people/ (png, jpg, webp); "
              "published re-encoded, without its metadata"),
        Field("formats", ListOf(Choice(FORMATS), 1), "how they like to meet (default one-on-one)"),
        Field("capacity", Integer(minimum=0, maximum=100),
              "most mentees at once (optional: pages say 'not stated'; matching assumes 1)"),
        Field("availability", Choice(AVAILABILITY),
              "open, limited, closed or paused (closed and paused: never suggested)"),
        Field("mentors", _people_ids(), "a mentee's current mentors (person ids)"),
        Field("prefers", _people_ids(), "mentors a mentee would like, most wanted first (person ids)"),
        Field("joined", Date(), "date they joined"),
        Field("confirmed", Date(), "last date they confirmed the profile is current"),
        Field("links", MapOf(HttpsUrl()), "name: https:// link"),
        Field("github", GitHubUser(), "GitHub user name, public; used only to @-mention them "
              "when their profile needs confirming (mentorhub nudges)"),
        Field("contact", Private(Contact((("email", Email()), ("public", Boolean()),
                                          ("sealed", Sealed())))),
              "email, published (obfuscated) only with public: true; or sealed: the hidden "
              "email encrypted to the hub's recipients (mentorhub seal)"),
        Field("consent", Boolean(), "must be true: they agreed to be published",
              required=True, example=True),
        Field("private", Private(AnyMap()), "organizer-only notes; never published anywhere"),
        _LANG,
        _DRAFT,
    ),
)

RESOURCE = RecordType(
    name="resource",
    folder="resources",
    reserved_ids=frozenset({"by-topic", "kind", "index", "page"}),
    fields=(
        Field("title", Text(max_length=TITLE_LIMIT), "title", required=True, example="A useful guide"),
        Field("kind", Choice(RESOURCE_KINDS), "what sort of resource", required=True,
              example="guide"),
        Field("summary", Text(max_length=SUMMARY_LIMIT), "one or two sentences (at most 300 characters)",
              required=True, example="What it is and who it helps."),
        Field("topics", ListOf(SkillRef(), 1), "skill ids it covers", required=True,
              example=["public-speaking"]),
        Field("audience", ListOf(Choice(AUDIENCES)), "who it is for"),
        Field("level", Choice(LEVELS), "beginner, intermediate or advanced"),
        Field("url", HttpsUrl(), "external copy (required when there is no body)"),
        Field("authors", ListOf(Text(max_length=NAME_LIMIT)), "person ids or plain names"),
        Field("updated", Date(), "last update"),
        _LANG,
        _DRAFT,
    ),
)

SESSION = RecordType(
    name="session",
    folder="sessions",
    reserved_ids=frozenset({"by-group", "groups", "index", "page"}),
    fields=(
        Field("title", Text(max_length=TITLE_LIMIT), "title", required=True, example="Session title"),
        Field("date", Date(), "when it took place", required=True),
        Field("format", Choice(SESSION_FORMATS), "kind of session", required=True,
              example="group-mentoring"),
        Field("facilitators", _people_ids(1), "person ids who led it", required=True,
              example=["ana-example"]),
        Field("topics", ListOf(SkillRef(), 1), "skill ids discussed", required=True,
              example=["public-speaking"]),
        Field("group", Text(max_length=80), "the circle or programme it belongs to"),
        Field("participants", _people_ids(), "person ids of people who agreed to be named"),
        Field("attendance", Integer(minimum=0, maximum=100_000),
              "head count (default: facilitators + participants)"),
        Field("duration", Integer(minimum=1, maximum=24 * 60), "minutes"),
        Field("feedback", Struct((("responses", Integer(minimum=0, maximum=100_000)),
                                  ("satisfaction", Number(minimum=1, maximum=5))),
                                 ("responses",)),
              "responses (count) and satisfaction (mean rating 1-5)"),
        Field("resources", ListOf(RecordId("resource")), "resource ids used"),
        _LANG,
        _DRAFT,
    ),
)

STORY = RecordType(
    name="story",
    folder="stories",
    reserved_ids=frozenset({"index", "page"}),
    fields=(
        Field("title", Text(max_length=TITLE_LIMIT), "title", required=True, example="Story title"),
        Field("date", Date(), "when it happened", required=True),
        Field("summary", Text(max_length=SUMMARY_LIMIT), "at most 300 characters",
              required=True, example="What changed, in a sentence or two."),
        Field("outcomes", ListOf(Choice(OUTCOMES), 1),
              "what came of it (required unless the story has a quote)",
              example=["skill-gained"]),
        Field("mentee", RecordId("person"), "person id (omit to stay anonymous)"),
        Field("mentors", _people_ids(), "person ids"),
        Field("group", Text(max_length=80), "circle or programme"),
        Field("skills", ListOf(SkillRef()), "skill ids"),
        Field("confidence", Struct((("before", Integer(minimum=1, maximum=5)),
                                    ("after", Integer(minimum=1, maximum=5))),
                                   ("before", "after")),
              "self-rated confidence before and after (1-5)"),
        Field("quote", Text(max_length=QUOTE_LIMIT, single_line=False),
              f"a quote (at most {QUOTE_LIMIT} characters)"),
        Field("rating", Integer(minimum=1, maximum=5), "the mentee's rating, 1 to 5"),
        Field("reviewer", Text(max_length=80),
              "plain name of the person quoted, when they have no profile"),
        _LANG,
        _DRAFT,
    ),
)

RECORD_TYPES: tuple[RecordType, ...] = (PERSON, RESOURCE, SESSION, STORY)

SKILL_FIELDS: tuple[Field, ...] = (
    Field("label", PerLanguage(Text(max_length=60)),
          "display name: a text, or a map of UI language → text", required=True),
    Field("category", Text(max_length=60), "group on the skills page", required=True),
    Field("aliases", ListOf(Text(max_length=60)), "other words contributors may use"),
    Field("description", PerLanguage(Text(max_length=300, single_line=False)),
          "one or two sentences: a text, or a map of UI language → text"),
)


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """`field:` with nothing after it means "not given", so optional fields accept null."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": [*types, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _contains(field: str, value: str) -> dict[str, Any]:
    return {"required": [field], "properties": {field: {"type": "array", "contains": {"const": value}}}}


#: The cross-field rules of the loader (loader._person_rules, _session_rules) that a
#: schema can express. tests/test_schemas.py proves they agree with the validator.
_RULES: dict[str, list[dict[str, Any]]] = {
    "person": [
        {"if": _contains("roles", "mentor"),
         "then": {"required": ["offers"], "properties": {"offers": {"type": "array", "minItems": 1}}}},
        {"if": _contains("roles", "mentee"),
         "then": {"required": ["seeks"], "properties": {"seeks": {"type": "array", "minItems": 1}}}},
        {"if": {"required": ["roles"],
                "properties": {"roles": {"type": "array", "not": {"contains": {"const": "mentee"}}}}},
         "then": {"properties": {"mentors": {"type": ["array", "null"], "maxItems": 0}}}},
    ],
    "story": [
        {"if": {"not": {"required": ["quote"]}}, "then": {"required": ["outcomes"]}},
    ],
    "session": [
        {"if": {"required": ["feedback"], "properties": {"feedback": {
            "type": "object", "required": ["responses"], "properties": {"responses": {"const": 0}}}}},
         "then": {"properties": {"feedback": {"not": {"required": ["satisfaction"]}}}}},
    ],
}

#: Field schemas stricter than their kind, from the same loader rules.
_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("person", "consent"): {"const": True},
}

#: What a schema cannot see: rules that need the file name, the body or other files.
_LIMITS = {
    "person": "the people in `mentors` exist and have the mentor role",
    "resource": "a resource with no body has a `url`",
    "session": "the facilitators, participants and resources exist",
    "story": "the mentee and mentors exist",
}


def _field_schema(record: RecordType, field: Field) -> dict[str, Any]:
    schema = {**field.kind.json_schema(), **_OVERRIDES.get((record.name, field.name), {})}
    if not field.required:
        schema = _nullable(schema)
    return {**schema, "description": field.doc}


def json_schema(record: RecordType) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one record type's front matter.

    Drafts are not checked until they are published, as in the loader, so the
    rules sit in `else`. Skill ids, time zones and references to other records are
    checked by `mentorhub check` only: they depend on the hub, not on one file.
    """
    published: dict[str, Any] = {
        "properties": {f.name: _field_schema(record, f) for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }
    if record.name in _RULES:
        published["allOf"] = _RULES[record.name]
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": f"mentorhub {record.name}",
        "description": (
            f"Front matter of content/{record.folder}/<id>.md. `mentorhub check` is the "
            f"authority; it also checks skill ids, time zones, and that {_LIMITS[record.name]}."
        ),
        "type": "object",
        "if": {"required": ["draft"], "properties": {"draft": {"const": True}}},
        "then": {"description": "a draft is not checked until it is published"},
        "else": published,
    }


def skills_json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for content/skills.yml."""
    entry = {
        "type": "object",
        "properties": {f.name: {**f.kind.json_schema(), "description": f.doc} for f in SKILL_FIELDS},
        "required": [f.name for f in SKILL_FIELDS if f.required],
        "additionalProperties": False,
    }
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "mentorhub skills vocabulary",
        "description": (
            "content/skills.yml: skill id → label, category, aliases, description. A label or "
            "description may be a map of UI language → text. `mentorhub check` also "
            "checks that no alias is used by two skills."
        ),
        "type": "object",
        "propertyNames": RecordId("skill").json_schema(),
        "additionalProperties": entry,
    }


#: Free-form pages (content/index.md, content/pages/**.md): a small, strict schema.
#: `private` is refused by name: a page is public as a whole, so nothing in it is private.
PAGE_FIELDS: tuple[Field, ...] = (
    Field("title", Text(max_length=TITLE_LIMIT), "title", required=True, example="About us"),
    Field("description", Text(max_length=SUMMARY_LIMIT),
          "one or two sentences for search results and link previews"),
    Field("lang", Language(), "ISO 639-1 code of the language the page is written in"),
    _DRAFT,
)


def page_json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for the front matter of a free page (index.md, pages/**.md)."""
    def field_schema(spec: Field) -> dict[str, Any]:
        schema = {**spec.kind.json_schema(), "description": spec.doc}
        return schema if spec.required else _nullable(schema)

    published = {
        "properties": {f.name: field_schema(f) for f in PAGE_FIELDS},
        "required": [f.name for f in PAGE_FIELDS if f.required],
        "additionalProperties": False,  # typos, and `private`: a page is public as a whole
    }
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "mentorhub page",
        "description": "Front matter of content/index.md and content/pages/**.md (docs/guide/content.md).",
        "type": "object",
        "if": {"required": ["draft"], "properties": {"draft": {"const": True}}},
        "then": {"description": "a draft is not checked until it is published"},
        "else": published,
    }
