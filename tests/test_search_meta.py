"""Search facets computed from the models: labels not ids, right filters per type, escaping."""

from __future__ import annotations

import datetime as dt
import html
import re

from mentorhub.hub.models import Hub, Person, Resource, Session, Skill, Source, Story
from mentorhub.i18n import ENGLISH
from mentorhub.search import meta as sm
from mentorhub.search.pages import FIND_MENTOR_SRC, FIND_RESOURCE_SRC, SEARCH_SRC, finders

TODAY = dt.date(2026, 11, 22)
SRC = Source("content/x.md")


def _hub() -> Hub:
    skills = {
        "python": Skill("python", "Python", "Technology"),
        "grant-writing": Skill("grant-writing", "Grant writing", "Community"),
        "public-speaking": Skill("public-speaking", "Public speaking", "Communication"),
    }
    people = {
        "ana": Person("ana", SRC, "Ana Souza", ("mentor",), ("pt", "es"), offers=("python",),
                      formats=("one-on-one", "peer-circle"), capacity=2, headline="Data lead"),
        "bo": Person("bo", SRC, "Bo Chen", ("mentor", "mentee"), ("en",),
                     offers=("grant-writing",), seeks=("public-speaking",), capacity=1,
                     availability="limited", confirmed=dt.date(2024, 1, 1)),
        "cy": Person("cy", SRC, "Cy <Evil> & Co", ("mentee",), ("en",), seeks=("python",),
                     mentors=("bo",)),
        "di": Person("di", SRC, "Di Ng", ("mentor",), ("en",), offers=("python",),
                     availability="closed", capacity=3),
    }
    resources = {
        "kit": Resource("kit", SRC, "Grant kit", "toolkit", "A kit", ("grant-writing",),
                        audience=("organizer", "mentee"), level="beginner",
                        updated=dt.date(2026, 3, 1)),
        "old": Resource("old", SRC, "Undated guide", "guide", "A guide", ("python",)),
    }
    sessions = {
        "s1": Session("s1", SRC, "Circle one", dt.date(2026, 5, 2), "peer-circle", ("ana",),
                      ("python",), group="Code Forward"),
    }
    stories = {
        "st": Story("st", SRC, "A new job", dt.date(2026, 6, 1), "Summary", ("new-role", "skill-gained"),
                    group="Code Forward", skills=("grant-writing",)),
    }
    return Hub(skills=skills, people=people, resources=resources, sessions=sessions, stories=stories)


def _records() -> dict[str, sm.SearchRecord]:
    return sm.search_records(_hub(), today=TODAY, stale_after_days=365)


def test_every_record_page_has_facets_keyed_by_its_source_uri() -> None:
    records = _records()
    assert list(records) == sorted(records)
    assert records["people/ana.md"].type == "Person"
    assert records["resources/kit.md"].type == "Resource"
    assert records["sessions/s1.md"].type == "Session"
    assert records["stories/st.md"].type == "Story"
    assert records["skills/python.md"].type == "Skill"
    assert len(records) == 4 + 2 + 1 + 1 + 3


def test_person_filters_are_labels() -> None:
    ana = _records()["people/ana.md"]
    assert ana.values(sm.TYPE) == ("Person",)
    assert ana.values(sm.ROLE) == ("Mentor",)
    assert ana.values(sm.LANGUAGE) == ("Portuguese", "Spanish")
    assert ana.values(sm.FORMAT) == ("One-on-one", "Peer circle")
    assert ana.values(sm.OFFERS) == ("Python",)
    assert ana.values(sm.AVAILABILITY) == ("Open to mentees",)
    assert ana.values(sm.SEEKS) == ()
    assert dict(ana.meta)["title"] == "Ana Souza"
    assert dict(ana.meta)["details"] == "Mentor · Portuguese, Spanish · Open to mentees"


def test_availability_follows_capacity_and_staleness() -> None:
    records = _records()
    bo = records["people/bo.md"]
    # Bo is limited, but Cy fills Bo's only place: the badge and the filter say so.
    assert bo.values(sm.AVAILABILITY) == ("At capacity",)
    assert "May be inactive" in dict(bo.meta)["details"]
    assert records["people/di.md"].values(sm.AVAILABILITY) == ("Not taking mentees",)
    # Only mentors have an availability.
    assert records["people/cy.md"].values(sm.AVAILABILITY) == ()
    # Someone both mentor and mentee: what they offer and seek stay apart; Skill has both.
    assert bo.values(sm.OFFERS) == ("Grant writing",)
    assert bo.values(sm.SEEKS) == ("Public speaking",)
    assert bo.values(sm.SKILL) == ("Grant writing", "Public speaking")


def test_sort_keys_only_where_a_page_offers_that_order() -> None:
    records = _records()
    assert dict(records["people/cy.md"].sorts) == {}  # a mentee: in no sorted list
    assert dict(records["skills/python.md"].sorts) == {}
    assert set(dict(records["stories/st.md"].sorts)) == {"date"}
    assert set(dict(records["resources/kit.md"].sorts)) == {"date", "title"}


def test_availability_sort_puts_mentors_who_can_take_someone_first() -> None:
    records = _records()
    keys = {pid: dict(records[f"people/{pid}.md"].sorts)[sm.SORT_AVAILABILITY]
            for pid in ("ana", "bo", "di")}
    assert sorted(keys, key=keys.__getitem__) == ["ana", "bo", "di"]
    assert sm.SORT_AVAILABILITY not in dict(records["people/cy.md"].sorts)


def test_resource_session_story_skill_filters() -> None:
    records = _records()
    kit = records["resources/kit.md"]
    assert kit.values(sm.KIND) == ("Toolkit",)
    assert kit.values(sm.LEVEL) == ("Beginner",)
    assert kit.values(sm.AUDIENCE) == ("Mentees", "Organizers")
    assert kit.values(sm.SKILL) == ("Grant writing",)
    assert dict(kit.sorts) == {"date": "2026-03-01 kit", "title": "grant kit kit"}
    # No `updated`: no date to sort by (rather than a made-up one).
    assert "date" not in dict(records["resources/old.md"].sorts)
    session = records["sessions/s1.md"]
    assert session.values(sm.SESSION_FORMAT) == ("Peer circle",)
    assert session.values(sm.GROUP) == ("Code Forward",)
    assert dict(session.sorts)["date"] == "2026-05-02 s1"
    story = records["stories/st.md"]
    assert story.values(sm.OUTCOME) == ("New role", "Skill gained")
    assert story.values(sm.GROUP) == ("Code Forward",)
    assert records["skills/python.md"].values(sm.CATEGORY) == ("Technology",)


def test_no_filter_value_is_an_id_or_code() -> None:
    hub = _hub()
    ids = set(hub.skills) | {"pt", "es", "en", "one-on-one", "peer-circle", "toolkit", "beginner",
                             "organizer", "mentee", "new-role", "skill-gained", "open", "limited"}
    for record in _records().values():
        for _name, values in record.filters:
            assert not ids & set(values), record


def test_labels() -> None:
    """One source for choice words (i18n/vocabulary.py): filters capitalise the inline word."""
    assert ENGLISH.choice_label("format", "one-on-one") == "One-on-one"
    assert ENGLISH.choice("format", "one-on-one") == "one-on-one"
    assert ENGLISH.choice_label("format", "peer-circle") == "Peer circle"
    assert ENGLISH.choice_label("session_format", "lunch-and-learn") == "Lunch and learn"
    assert ENGLISH.choice_label("format", "async") == "Async"
    assert not hasattr(sm, "label"), "a second source of choice labels"


def test_rendered_facets_are_hidden_escaped_and_not_indexed_as_text() -> None:
    out = sm.render_record(_records()["people/cy.md"])
    assert out.startswith('<div class="mh-search-record" hidden data-pagefind-ignore>')
    assert "Cy &lt;Evil&gt; &amp; Co" in out
    assert "<Evil>" not in out
    spans = re.findall(r'<span data-pagefind-(filter|sort|meta)="([^"]+)">([^<]*)</span>', out)
    assert ("filter", "Type", "Person") in spans
    assert ("filter", "Role", "Mentee") in spans
    assert ("meta", "title", html.escape("Cy <Evil> & Co", quote=False)) in spans
    bo = sm.render_record(_records()["people/bo.md"])
    assert '<span data-pagefind-sort="availability">21 bo chen bo</span>' in bo


def test_facet_values_for_forms() -> None:
    records = list(_records().values())
    mentors = {sm.TYPE: "Person", sm.ROLE: "Mentor"}
    assert sm.facet_values(records, sm.LANGUAGE, mentors) == ["English", "Portuguese", "Spanish"]
    # Availability in its natural order, not alphabetical.
    assert sm.facet_values(records, sm.AVAILABILITY, mentors) == [
        "Open to mentees", "At capacity", "Not taking mentees"]
    assert sm.facet_values(records, sm.OFFERS, mentors) == ["Grant writing", "Python"]


def test_finders_offer_only_values_that_exist_in_their_scope() -> None:
    pages = {f.src_uri: f for f in finders(_records())}
    assert set(pages) == {SEARCH_SRC, FIND_MENTOR_SRC, FIND_RESOURCE_SRC}
    mentor = pages[FIND_MENTOR_SRC]
    # Only mentors have an availability: "any availability" scopes the finder to mentors.
    assert mentor.base_filters == {"Availability": {"any": [
        "Open to mentees", "At capacity", "Not taking mentees"]}}
    assert pages[FIND_RESOURCE_SRC].base_filters == {"Kind": {"any": ["Guide", "Toolkit"]}}
    assert all(r.values(sm.KIND) for r in _records().values() if r.type == "Resource")
    assert not any(r.values(sm.AVAILABILITY) for r in _records().values()
                   if sm.ROLE not in dict(r.filters) or "Mentor" not in r.values(sm.ROLE))
    facets = {f.filter: f for f in mentor.facets}
    assert set(facets) == {sm.OFFERS, sm.LANGUAGE, sm.COUNTRY, sm.AVAILABILITY, sm.FORMAT}
    assert facets[sm.COUNTRY].values == ()  # nobody here says a country: the form hides it
    # What mentors offer, not what they seek: Bo seeks public speaking, and it is no option.
    assert facets[sm.OFFERS].values == ("Grant writing", "Python")
    assert mentor.list_without_query
    resource = {f.filter: f for f in pages[FIND_RESOURCE_SRC].facets}
    assert resource[sm.KIND].values == ("Guide", "Toolkit")
    assert resource[sm.SKILL].values == ("Grant writing", "Python")
    search = pages[SEARCH_SRC]
    assert not search.list_without_query
    assert {f.filter for f in search.more_facets} >= {
        sm.SKILL, sm.ROLE, sm.LANGUAGE, sm.AVAILABILITY, sm.FORMAT, sm.KIND, sm.LEVEL,
        sm.AUDIENCE, sm.OUTCOME, sm.GROUP}
