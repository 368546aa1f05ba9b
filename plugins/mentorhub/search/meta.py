"""What the search index knows about each record: filters, sort keys, result details.

Engine-agnostic: this module turns hub models into plain facets — filter name →
values, sort key → value, and a few metadata strings a result list shows — keyed
by the source URI of the record's page. An adapter (the Pagefind plugin) writes
them into pages as hidden attributes; another engine could read the same records.

Every value is a human-readable label ("English", "Peer circle", "Grant writing"),
never an id or a code: search UIs show filter values as they are, and readers pick
from them, so values are in the UI language ("español", "Círculo de pares").
Filter *names* are the engine's keys (they appear in finder URLs) and stay English;
the forms label them in the UI language. Only published model values are used, so
nothing private can appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..hub.models import Hub, Person, Resource, Session, Skill, Story
from ..i18n import ENGLISH, Localizer
from ..i18n.vocabulary import N_
from ..site.places import utc_offset_label, utc_offset_minutes
from ..site.render import person_src, resource_src, session_src, skill_src, story_src

TEMPLATE_DIR = Path(__file__).parent.parent / "templates"

# Filter names, as readers see them in the search UI.
TYPE = "Type"
ROLE = "Role"
SKILL = "Skill"
OFFERS = "Offers"
SEEKS = "Seeks"
LANGUAGE = "Language"
AVAILABILITY = "Availability"
FORMAT = "Format"
KIND = "Kind"
LEVEL = "Level"
AUDIENCE = "Audience"
OUTCOME = "Outcome"
GROUP = "Group"
SESSION_FORMAT = "Session format"
CATEGORY = "Category"
COUNTRY = "Country"
#: A mentor's offset from UTC on the hub's date ("UTC+1"), for "Meets in my hours": the
#: finder's script asks for every offset within the reader's chosen number of hours.
#: Mentors without a time zone carry NO_OFFSET, so they can be listed separately.
UTC_OFFSET = "UTC offset"
NO_OFFSET = "none"

#: Every filter, in the order a full search form offers them.
FILTERS = (
    TYPE, ROLE, SKILL, OFFERS, SEEKS, LANGUAGE, AVAILABILITY, FORMAT, KIND, LEVEL,
    AUDIENCE, OUTCOME, GROUP, SESSION_FORMAT, CATEGORY, COUNTRY, UTC_OFFSET,
)

# Sort keys. Pagefind drops records without the key from a sorted result list, and
# every key costs each page it is on about two bytes of the metadata that every first
# search downloads (40 KB on a 20k hub), so a key exists only where a page offers that
# order: `date` on dated records, `title` on resources (the library A to Z), and
# `availability` on mentors (who can take someone now first, then by name).
SORT_DATE = "date"
SORT_TITLE = "title"
SORT_AVAILABILITY = "availability"

# Pagefind loads its whole word index for a search without words (filters only),
# megabytes on a big hub. So every indexed page carries, invisibly, one word for
# all pages and one for its type; a finder that lists "all mentors" searches for
# the type's word instead, which loads one small chunk of the index.
LIST_WORD_PREFIX = "mhfind"
LIST_ALL = LIST_WORD_PREFIX + "all"


def list_word(type_label: str) -> str:
    """The invisible word every indexed page of this type carries (`mhfindperson`)."""
    return LIST_WORD_PREFIX + "".join(c for c in type_label.lower() if c.isalnum())


def list_words_html(type_label: str) -> str:
    """The words, hidden from sight and from assistive technology, but indexed."""
    return (f'<span class="mh-visually-hidden" aria-hidden="true">'
            f"{LIST_ALL} {list_word(type_label)}</span>")


#: Inside indexed pages, the lists of *other* records (cards, session rows, people
#: lists, "more" links, pagers) are not indexed: each record is found on its own page,
#: so a name does not also match every skill page or profile that lists it, and the
#: postings of common words stay small enough for a first search on a big hub.
RELATED_LISTS = (".mh-card", ".mh-sessions", ".mh-people-list", ".mh-more", ".mh-pager")
#: Fixed labels ("Languages", "Time zone") and badges ("mentor", "Open to mentees"):
#: the same words on thousands of pages, which the filters already cover. The profile
#: header's "Nigeria · local time UTC+1" repeats its facts (Country, Time zone).
FIXED_LABELS = (".mh-facts dt", ".mh-badge", ".mh-stale-why", ".mh-card__place")
#: Every part of an indexed page that Pagefind must skip.
UNINDEXED = RELATED_LISTS + FIXED_LABELS

TYPE_LABELS = {
    "person": N_("Person"), "resource": N_("Resource"), "session": N_("Session"),
    "story": N_("Story"), "skill": N_("Skill"),
}
#: The type of any other indexed page (a site's own Markdown pages).
PAGE_TYPE = N_("Page")
PAGE_KEY = "page"

OPEN, LIMITED, FULL, CLOSED = (N_("Open to mentees"), N_("Limited availability"), N_("At capacity"),
                               N_("Not taking mentees"))
STALE = N_("May be inactive")
PAUSED = N_("Paused")
#: Availability values in the order a form offers them (and the `availability` sort).
AVAILABILITY_ORDER = (OPEN, LIMITED, FULL, CLOSED, PAUSED)


@dataclass(frozen=True)
class SearchRecord:
    """One page's facets. Tuples of pairs, sorted, so output is deterministic."""

    type: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    sorts: tuple[tuple[str, str], ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    key: str = ""  # the type's key ("person"), for the list word, whatever the UI language

    def values(self, name: str) -> tuple[str, ...]:
        return next((values for key, values in self.filters if key == name), ())

    def matches(self, where: Mapping[str, str]) -> bool:
        """True when the record has every `filter: value` pair in `where`."""
        return all(value in self.values(name) for name, value in where.items())


def _record(labels: _Labels, type_key: str, title: str, filters: Mapping[str, Iterable[str]], *,
            sorts: Mapping[str, str], meta: Mapping[str, str]) -> SearchRecord:
    """`title` replaces the page's first heading as the result title (no pronouns, no markup)."""
    type_label = labels.i18n.gettext(TYPE_LABELS[type_key])
    cleaned = {name: tuple(sorted(set(v for v in values if v))) for name, values in filters.items()}
    return SearchRecord(
        type=type_label,
        filters=((TYPE, (type_label,)), *sorted((k, v) for k, v in cleaned.items() if v)),
        sorts=tuple(sorted((k, v) for k, v in sorts.items() if v)),
        meta=tuple(sorted((k, v) for k, v in {"type": type_label, "title": title, **meta}.items() if v)),
        key=type_key,
    )


@dataclass(frozen=True)
class _Labels:
    """Id → label lookups for one hub."""

    hub: Hub
    i18n: Localizer = ENGLISH

    def skill(self, skill_id: str) -> str:
        skill = self.hub.skills.get(skill_id)
        return skill.label if skill else skill_id

    def skills(self, ids: Iterable[str]) -> list[str]:
        return [self.skill(i) for i in ids]

    def languages(self, codes: Iterable[str]) -> list[str]:
        return [self.i18n.language(code) for code in codes]

    def choices(self, vocabulary: str, values: Iterable[str]) -> list[str]:
        return [self.i18n.choice_label(vocabulary, v) for v in values]


def availability(hub: Hub, person: Person) -> str:
    """A mentor's availability as the profile badge shows it ("At capacity" beats "open"),
    in English: the msgid, translated where it is shown."""
    if person.availability == "paused":
        return PAUSED
    if person.availability == "closed":
        return CLOSED
    if hub.free_capacity(person) == 0:
        return FULL
    return LIMITED if person.availability == "limited" else OPEN


def search_records(hub: Hub, *, today: dt.date, stale_after_days: int,
                   i18n: Localizer = ENGLISH,
                   images: Mapping[str, str] | None = None) -> dict[str, SearchRecord]:
    """The facets of every record page, keyed by the page's source URI, sorted.

    `images`: person id → their thumbnail's path from the site root, shown in results.
    """
    labels = _Labels(hub, i18n)
    records: dict[str, SearchRecord] = {}
    for person in hub.people.values():
        records[person_src(person.id)] = _person(hub, labels, person, today, stale_after_days,
                                                 (images or {}).get(person.id, ""))
    for resource in hub.resources.values():
        records[resource_src(resource.id)] = _resource(labels, resource)
    for session in hub.sessions.values():
        records[session_src(session.id)] = _session(labels, session)
    for story in hub.stories.values():
        records[story_src(story.id)] = _story(labels, story)
    for skill in hub.skills.values():
        records[skill_src(skill.id)] = _skill(labels, skill)
    return dict(sorted(records.items()))


def _person(hub: Hub, labels: _Labels, person: Person, today: dt.date,
            stale_after_days: int, image: str = "") -> SearchRecord:
    offers = labels.skills(person.offers) if person.is_mentor else []
    seeks = labels.skills(person.seeks) if person.is_mentee else []
    languages = labels.languages(person.languages)
    roles = labels.choices("role", person.roles)
    filters: dict[str, list[str]] = {
        ROLE: roles, LANGUAGE: languages, FORMAT: labels.choices("format", person.formats),
        OFFERS: offers, SEEKS: seeks, SKILL: offers + seeks,
        COUNTRY: [labels.i18n.country(person.country)] if person.country else [],
    }
    sorts: dict[str, str] = {}
    details = [", ".join(roles), ", ".join(languages)]
    if person.country:
        details.append(labels.i18n.country(person.country))
    if person.is_mentor:
        state = availability(hub, person)
        stale = person.is_stale(today, stale_after_days)
        shown = labels.i18n.gettext(state)
        filters[AVAILABILITY] = [shown]
        if stale:  # said in words, as on the profile: why the mentor may be inactive
            why = labels.i18n.gettext("Profile not confirmed since %(date)s") % {
                "date": labels.i18n.date(person.confirmed)}
            shown += f" · {labels.i18n.gettext(STALE)} · {why}"
        details.append(shown)
        minutes = utc_offset_minutes(person.timezone, today) if person.timezone else None
        filters[UTC_OFFSET] = [NO_OFFSET if minutes is None else utc_offset_label(minutes)]
        # Open first, then limited, then full or closed; unconfirmed profiles last in each.
        rank = AVAILABILITY_ORDER.index(state)
        sorts[SORT_AVAILABILITY] = f"{rank}{int(stale)} {_sort_text(person.name, person.id)}"
    tags = offers or seeks
    return _record(labels, "person", person.name, filters, sorts=sorts, meta={
        "details": " · ".join(details),
        "summary": person.headline,
        "tags": ", ".join(tags),
        "image": image,  # Pagefind's own key for a result's thumbnail (from the site root)
    })


def _resource(labels: _Labels, resource: Resource) -> SearchRecord:
    topics = labels.skills(resource.topics)
    i18n = labels.i18n
    audience = labels.choices("audience", resource.audience)
    kind = i18n.choice_label("kind", resource.kind)
    level = i18n.choice_label("level", resource.level) if resource.level else ""
    details = [kind] + ([level] if level else [])
    if audience:
        details.append(i18n.gettext("for %(audience)s", audience=", ".join(
            i18n.choice("audience", a) for a in resource.audience)))
    if resource.updated:
        details.append(i18n.gettext("updated %(date)s", date=i18n.date(resource.updated)))
    return _record(labels, "resource", resource.title, {
        KIND: [kind], LEVEL: [level] if level else [],
        AUDIENCE: audience, SKILL: topics,
    }, sorts={
        SORT_TITLE: _sort_text(resource.title, resource.id),
        SORT_DATE: _sort_date(resource.updated, resource.id),
    }, meta={"details": " · ".join(details), "summary": resource.summary, "tags": ", ".join(topics)})


def _session(labels: _Labels, session: Session) -> SearchRecord:
    topics = labels.skills(session.topics)
    session_format = labels.i18n.choice_label("session_format", session.format)
    details = [labels.i18n.date(session.date), session_format]
    if session.group:
        details.append(session.group)
    return _record(labels, "session", session.title, {
        SESSION_FORMAT: [session_format], GROUP: [session.group], SKILL: topics,
    }, sorts={
        SORT_DATE: _sort_date(session.date, session.id),
    }, meta={"details": " · ".join(details), "tags": ", ".join(topics)})


def _story(labels: _Labels, story: Story) -> SearchRecord:
    outcomes = labels.choices("outcome", story.outcomes)
    details = [labels.i18n.date(story.date)] + ([story.group] if story.group else [])
    return _record(labels, "story", story.title, {
        OUTCOME: outcomes, GROUP: [story.group], SKILL: labels.skills(story.skills),
    }, sorts={
        SORT_DATE: _sort_date(story.date, story.id),
    }, meta={"details": " · ".join(details), "summary": story.summary, "tags": ", ".join(outcomes)})


def _skill(labels: _Labels, skill: Skill) -> SearchRecord:
    return _record(labels, "skill", skill.label, {CATEGORY: [skill.category]}, sorts={},
                   meta={"details": skill.category, "summary": skill.description})


def _sort_text(name: str, record_id: str) -> str:
    """Case-insensitive alphabetical order; the id breaks ties between equal names."""
    return f"{name.casefold()} {record_id}"


def _sort_date(date: dt.date | None, record_id: str) -> str:
    """ISO dates sort as text; the id makes every key unique, so ties never depend on
    the order Pagefind happens to read pages in."""
    return f"{date.isoformat()} {record_id}" if date else ""


def facet_values(records: Iterable[SearchRecord], name: str,
                 where: Mapping[str, str] | None = None,
                 first: Iterable[str] = AVAILABILITY_ORDER) -> list[str]:
    """The values of filter `name` among records matching `where`, sorted for a form
    (`first`: values that lead, in this order: availability, in the UI language)."""
    values = {
        value for record in records if record.matches(where or {})
        for value in record.values(name)
    }
    order = {v: i for i, v in enumerate(first)}
    return sorted(values, key=lambda v: (order.get(v, len(order)), v.casefold(), v))


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
)


def page_type_record(type_label: str = PAGE_TYPE) -> SearchRecord:
    """The facets of a page that is not a hub record: only its type."""
    return SearchRecord(type=type_label, filters=((TYPE, (type_label,)),), meta=(("type", type_label),))


def render_record(record: SearchRecord) -> str:
    """The record as hidden, escaped HTML carrying Pagefind's filter/sort/meta attributes."""
    return _ENV.get_template("search_record.html").render(record=record)
