"""The join forms are generated from hub/schema.py: every field is asked, filled in or
deliberately left out, and each question follows its field's kind, limits and choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from mentorhub.hub.fields import Text
from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub
from mentorhub.hub.schema import PERSON, RECORD_TYPES, RESOURCE, SESSION, Field
from mentorhub.i18n import localizer
from mentorhub.site.join import OMITTED, TODAY, FormField, join_form, join_forms, time_zone_options

from conftest import FIXTURE_HUB


@pytest.fixture(scope="module")
def hub() -> Hub:
    return load_hub(FIXTURE_HUB / "content").hub


def by_name(fields: tuple[FormField, ...]) -> dict[str, FormField]:
    return {f.name: f for f in fields}


def test_every_schema_field_is_asked_filled_in_or_left_out(hub: Hub) -> None:
    for form in join_forms(hub, localizer("en")):
        asked = {f.name for f in form.fields} - {"body"}
        covered = asked | set(form.today_fields) | OMITTED.get(form.record.name, frozenset())
        assert covered == set(form.record.field_names), form.record.name
        assert set(form.today_fields) == TODAY.get(form.record.name, frozenset())


def test_questions_follow_the_field_kinds(hub: Hub) -> None:
    person = by_name(join_form(PERSON, hub, localizer("en")).fields)
    assert person["name"].widget == "text" and person["name"].required
    assert person["roles"].widget == "checkbox" and person["roles"].many
    assert [o.value for o in person["roles"].options] == ["mentor", "mentee", "peer"]
    assert person["languages"].widget == "pick" and person["languages"].required
    assert person["offers"].show_if == ("roles", "mentor")
    assert {o.value for o in person["offers"].options} == set(hub.skills)
    assert person["capacity"].widget == "number"
    assert (person["capacity"].minimum, person["capacity"].maximum) == (0, 100)
    assert person["availability"].widget == "radio" and not person["availability"].required
    assert person["headline"].max_length == 120
    assert person["contact"].widget == "contact"
    assert person["consent"].widget == "consent" and person["consent"].required
    # People pickers: mentors only where the field names a mentee's mentors.
    assert {o.value for o in person["prefers"].options} == {p.id for p in hub.mentors()}
    resource = by_name(join_form(RESOURCE, hub, localizer("en")).fields)
    assert resource["url"].widget == "url" and resource["authors"].widget == "lines"
    assert resource["summary"].max_length == 300


def test_a_changed_limit_in_the_schema_changes_the_form(hub: Hub) -> None:
    """One source of truth: the form reads the schema, it does not copy it."""
    fields = tuple(dataclasses.replace(f, kind=Text(max_length=7)) if f.name == "headline" else f
                   for f in PERSON.fields)
    changed = dataclasses.replace(PERSON, fields=fields)
    assert by_name(join_form(changed, hub, localizer("en")).fields)["headline"].max_length == 7
    extra = dataclasses.replace(PERSON, fields=(*PERSON.fields, Field("shoe_size", Text(), "a new field")))
    assert "shoe_size" in by_name(join_form(extra, hub, localizer("en")).fields)


def test_words_are_in_the_ui_language(hub: Hub) -> None:
    person = by_name(join_form(PERSON, hub, localizer("es")).fields)
    assert person["name"].label == "Tu nombre"
    assert dict((o.value, o.label) for o in person["languages"].options)["de"] == "alemán"
    assert dict((o.value, o.label) for o in person["roles"].options)["mentee"] != "mentee"
    zones = {o.value: o for o in time_zone_options(localizer("es"))}
    assert "Berlín" in zones["Europe/Berlin"].label
    assert "US/Eastern" not in zones and "UTC" in zones


def config_of(page: str) -> dict[str, Any]:
    found = re.search(r'class="mh-join__config">(.*?)</script>', page, re.S)
    assert found, "no form configuration in the page"
    config: dict[str, Any] = json.loads(found.group(1))
    return config


@pytest.mark.build
def test_the_join_pages_are_built(fixture_hub_build: Path) -> None:
    site = fixture_hub_build / "site"
    chooser = (site / "join" / "index.html").read_text(encoding="utf-8")
    for record in RECORD_TYPES:
        slug = "profile" if record.name == "person" else record.name
        assert f'href="{slug}/"' in chooser
        page = (site / "join" / slug / "index.html").read_text(encoding="utf-8")
        # Scripts only here; the form chrome is not indexed; without JS: the pull-request route.
        assert "assets/mentorhub/vendor/ajv2020.min.js" in page and "assets/mentorhub/join.js" in page
        assert 'data-mh-join data-pagefind-ignore="all"' in page
        assert '<form class="mh-join__form" novalidate hidden>' in page
        assert "pull request" in unescape(page)
        config = config_of(page)
        assert config["newBase"] == "https://github.com/example-org/fixture-hub/new/main/content/"
        assert config["folder"] == record.folder
    people = config_of((site / "join/profile/index.html").read_text(encoding="utf-8"))
    assert people["takenUrl"] == "../data/ids-person.json"
    taken = json.loads((site / "join/data/ids-person.json").read_text(encoding="utf-8"))
    assert "mia-mentor" in taken and "dora-draft" not in taken  # drafts stay unnamed
    assert "ajv2020" not in (site / "people" / "index.html").read_text(encoding="utf-8")
    assert 'href="../join/"' in (site / "people" / "index.html").read_text(encoding="utf-8")
    # Find a mentor says how to join whatever the filters show, not only when nothing matches.
    finder = (site / "find" / "index.html").read_text(encoding="utf-8")
    assert ('<p class="mh-finder__join" data-pagefind-ignore="all">Not in the hub yet? '
            '<a href="../join/">Join the hub</a>') in finder


def add_people(content: Path, count: int) -> None:
    """`count` extra peers, enough to make the people lists too long for a page."""
    for n in range(count):
        (content / "people" / f"crowd-{n:03d}.md").write_text(
            f"---\nname: Crowd Member {n:03d}\nroles: [peer]\nlanguages: [en]\nconsent: true\n---\n",
            encoding="utf-8")


def test_long_lists_are_fetched_not_written_into_the_page(tmp_path: Path) -> None:
    """Every person in every people picker would make a large hub's forms megabytes."""
    from mentorhub.site.join import INLINE_OPTIONS, data_uri, join_data
    from mentorhub.site.join_pages import join_site
    from mentorhub.site.render import RenderOptions, SiteRenderer

    from conftest import copy_fixture_hub

    project = copy_fixture_hub(tmp_path / "hub")
    add_people(project / "content", INLINE_OPTIONS)
    crowd = load_hub(project / "content").hub
    assert len(crowd.people) > INLINE_OPTIONS
    session = by_name(join_form(SESSION, crowd, localizer("en")).fields)
    assert session["facilitators"].source == session["participants"].source == "people"
    assert session["topics"].source == ""  # a short list stays in the page

    site = join_site(SiteRenderer(crowd, RenderOptions(today=dt.date(2026, 11, 22))))
    page = next(p for p in site.pages if p.src_uri == "join/session/index.md").markdown
    assert "crowd-117" not in page and 'value="python"' in page
    assert 'data-mh-source="../data/people.json"' in page
    rows = json.loads(site.data[data_uri("people")])
    assert ["crowd-117", "Crowd Member 117", "crowd-117"] in rows and len(rows) == len(crowd.people)
    assert json.loads(site.data[data_uri("ids-person")]) == sorted(crowd.people)
    assert set(join_data(join_forms(crowd, localizer("en")), crowd)) == set(site.data)
    # A small hub keeps its lists in the page; only the ~400 time zones and the 249
    # countries are always fetched.
    small = join_site(SiteRenderer(load_hub(FIXTURE_HUB / "content").hub,
                                   RenderOptions(today=dt.date(2026, 11, 22))))
    assert sorted(small.data) == sorted([*(data_uri(f"ids-{r.name}") for r in RECORD_TYPES),
                                         data_uri("time-zones"), data_uri("countries")])


def test_a_question_the_schema_requires_once_shown_says_required(hub: Hub) -> None:
    """`offers` is required for mentors by an if/then rule of the schema, not by the field."""
    person = by_name(join_form(PERSON, hub, localizer("en")).fields)
    assert person["offers"].show_if == ("roles", "mentor") and person["offers"].required
    assert person["seeks"].show_if == ("roles", "mentee") and person["seeks"].required
    assert not person["capacity"].required  # shown for mentors too, but optional
