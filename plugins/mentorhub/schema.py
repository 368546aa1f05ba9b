"""The content model: every front-matter field of every record type, in one place.

The validator, the `mentorhub new` templates and the published JSON Schemas all
read these definitions. Field names are the public contract (content-model.md):
add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .fields import (
    AnyMap,
    Boolean,
    Choice,
    Date,
    Email,
    HttpsUrl,
    Integer,
    Kind,
    Language,
    ListOf,
    MapOf,
    Number,
    RecordId,
    SkillRef,
    Struct,
    Text,
    TimeZone,
)

ROLES = ("mentor", "mentee", "peer")
FORMATS = ("one-on-one", "group", "peer-circle", "async")
AVAILABILITY = ("open", "limited", "closed")
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
        return next((f for f in self.fields if f.name == name), None)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _people_ids(min_items: int = 0) -> ListOf:
    return ListOf(RecordId("person"), min_items)


_DRAFT = Field("draft", Boolean(), "true: not published anywhere", example=False)

PERSON = RecordType(
    name="person",
    folder="people",
    reserved_ids=frozenset({"mentors", "mentees", "peers", "index", "page"}),
    fields=(
        Field("name", Text(), "display name", required=True, example="Ana Example"),
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
        Field("formats", ListOf(Choice(FORMATS), 1), "how they like to meet (default one-on-one)"),
        Field("capacity", Integer(minimum=0, maximum=100), "most mentees at once (mentors, default 1)"),
        Field("availability", Choice(AVAILABILITY), "open, limited or closed (never suggested)"),
        Field("mentors", _people_ids(), "a mentee's current mentors (person ids)"),
        Field("joined", Date(), "date they joined"),
        Field("confirmed", Date(), "last date they confirmed the profile is current"),
        Field("links", MapOf(HttpsUrl()), "name: https:// link"),
        Field("contact", Struct((("email", Email()), ("public", Boolean())), ("email",)),
              "email, published (obfuscated) only with public: true"),
        Field("consent", Boolean(), "must be true: they agreed to be published",
              required=True, example=True),
        Field("private", AnyMap(), "organizer-only notes; never published anywhere"),
        _DRAFT,
    ),
)

RESOURCE = RecordType(
    name="resource",
    folder="resources",
    reserved_ids=frozenset({"by-topic", "kind", "index", "page"}),
    fields=(
        Field("title", Text(), "title", required=True, example="A useful guide"),
        Field("kind", Choice(RESOURCE_KINDS), "what sort of resource", required=True,
              example="guide"),
        Field("summary", Text(max_length=SUMMARY_LIMIT), "one or two sentences (at most 300 characters)",
              required=True, example="What it is and who it helps."),
        Field("topics", ListOf(SkillRef(), 1), "skill ids it covers", required=True,
              example=["public-speaking"]),
        Field("audience", ListOf(Choice(AUDIENCES)), "who it is for"),
        Field("level", Choice(LEVELS), "beginner, intermediate or advanced"),
        Field("url", HttpsUrl(), "external copy (required when there is no body)"),
        Field("authors", ListOf(Text()), "person ids or plain names"),
        Field("updated", Date(), "last update"),
        _DRAFT,
    ),
)

SESSION = RecordType(
    name="session",
    folder="sessions",
    reserved_ids=frozenset({"by-group", "groups", "index", "page"}),
    fields=(
        Field("title", Text(), "title", required=True, example="Session title"),
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
        _DRAFT,
    ),
)

STORY = RecordType(
    name="story",
    folder="stories",
    reserved_ids=frozenset({"index", "page"}),
    fields=(
        Field("title", Text(), "title", required=True, example="Story title"),
        Field("date", Date(), "when it happened", required=True),
        Field("summary", Text(max_length=SUMMARY_LIMIT), "at most 300 characters",
              required=True, example="What changed, in a sentence or two."),
        Field("outcomes", ListOf(Choice(OUTCOMES), 1), "what came of it", required=True,
              example=["skill-gained"]),
        Field("mentee", RecordId("person"), "person id (omit to stay anonymous)"),
        Field("mentors", _people_ids(), "person ids"),
        Field("group", Text(max_length=80), "circle or programme"),
        Field("skills", ListOf(SkillRef()), "skill ids"),
        Field("confidence", Struct((("before", Integer(minimum=1, maximum=5)),
                                    ("after", Integer(minimum=1, maximum=5))),
                                   ("before", "after")),
              "self-rated confidence before and after (1-5)"),
        Field("quote", Text(max_length=500, single_line=False), "a quote"),
        _DRAFT,
    ),
)

RECORD_TYPES: tuple[RecordType, ...] = (PERSON, RESOURCE, SESSION, STORY)

SKILL_FIELDS: tuple[Field, ...] = (
    Field("label", Text(max_length=60), "display name", required=True),
    Field("category", Text(max_length=60), "group on the skills page", required=True),
    Field("aliases", ListOf(Text(max_length=60)), "other words contributors may use"),
    Field("description", Text(max_length=300, single_line=False), "one or two sentences"),
)


def json_schema(record: RecordType) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one record type's front matter."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"mentorhub {record.name}",
        "type": "object",
        "properties": {
            f.name: {**f.kind.json_schema(), "description": f.doc} for f in record.fields
        },
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }
