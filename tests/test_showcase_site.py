"""The showcase fixture hub (a frozen copy of the demo), built end to end with Material, under --strict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentorhub.hub.loader import load_hub

from conftest import REPO, SHOWCASE
from sitecheck import broken_links, parse


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_demo_content_is_valid_and_big_enough() -> None:
    result = load_hub(SHOWCASE / "content", display_root=REPO)
    assert result.problems == []
    hub = result.hub
    assert len(hub.people) >= 30
    assert len(hub.resources) >= 12
    assert len(hub.sessions) >= 10
    assert len(hub.stories) >= 8
    assert len(hub.skills) >= 30
    assert len({s.category for s in hub.skills.values()}) >= 5
    assert len({code for p in hub.people.values() for code in p.languages}) >= 6
    assert len({p.timezone for p in hub.people.values() if p.timezone}) >= 8
    assert len({s.group for s in hub.sessions.values() if s.group}) >= 3
    assert len({s.format for s in hub.sessions.values()}) >= 3
    assert len({r.kind for r in hub.resources.values()}) >= 5
    assert len({o for s in hub.stories.values() for o in s.outcomes}) >= 5
    mentors = list(hub.mentors())
    assert any(m.availability == "closed" for m in mentors)
    assert any(hub.free_capacity(m) == 0 and m.availability != "closed" for m in mentors)
    assert any(m.confirmed and (hub.sessions_newest_first()[0].date - m.confirmed).days > 365
               for m in mentors)


def test_every_page_kind_is_built(demo_site: Path) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    for page in ["index.html", "people/index.html", "people/mentors/index.html",
                 "resources/index.html", "resources/by-topic/index.html", "sessions/index.html",
                 "sessions/by-group/index.html", "stories/index.html", "skills/index.html"]:
        assert (demo_site / page).is_file(), page
    for person_id in hub.people:
        assert (demo_site / "people" / person_id / "index.html").is_file()
    for resource_id in hub.resources:
        assert (demo_site / "resources" / resource_id / "index.html").is_file()
    for session_id in hub.sessions:
        assert (demo_site / "sessions" / session_id / "index.html").is_file()
    for story_id in hub.stories:
        assert (demo_site / "stories" / story_id / "index.html").is_file()
    for skill_id in hub.skills:
        assert (demo_site / "skills" / skill_id / "index.html").is_file()


def test_sources_and_drafts_are_not_published(demo_site: Path) -> None:
    assert not list(demo_site.rglob("*.md"))
    assert not (demo_site / "skills.yml").exists()
    drafts = [p.stem for p in (SHOWCASE / "content").rglob("*.md")
              if re.search(r"^draft: true$", p.read_text(encoding="utf-8"), re.M)]
    assert drafts, "the demo should show a draft being held back"
    for stem in drafts:
        assert not list(demo_site.rglob(f"{stem}/index.html"))


def test_every_link_resolves(demo_site: Path) -> None:
    assert broken_links(demo_site) == []


def test_record_pages_stay_out_of_the_navigation(demo_site: Path) -> None:
    page = read(demo_site, "people/index.html")
    start = page.index("md-nav--primary")
    nav = page[start:page.index("</nav>", start)]
    assert "Amara" not in nav
    assert "People" in nav


def test_home_page_has_live_numbers_and_highlights(demo_site: Path) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    home = read(demo_site, "index.html")
    mentors = sum(1 for _ in hub.mentors())
    assert re.search(rf"<strong>{mentors}</strong><span>mentors</span>", home)
    newest_story = hub.stories_newest_first()[0]
    assert newest_story.title.replace("'", "&#39;") in home
    assert hub.sessions_newest_first()[0].title.replace("'", "&#39;") in home


def test_directory_cards_and_badges(demo_site: Path) -> None:
    page = read(demo_site, "people/index.html")
    for heading in ("Mentors", "Mentees", "Peers"):
        assert f">{heading}<" in page
    assert "May be inactive" in page  # a mentor not confirmed for over a year
    assert "Not taking mentees" in page  # the closed mentor
    assert "At capacity" in page


def test_profile_page_shows_facts_bio_and_relations(demo_site: Path) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    facilitator = next(iter(hub.sessions_newest_first())).facilitators[0]
    person = hub.people[facilitator]
    page = read(demo_site, f"people/{person.id}/index.html")
    collector = parse(demo_site / f"people/{person.id}/index.html")
    assert person.name.replace("'", "&#39;") in page
    assert "Facilitated" in page
    assert any(u.startswith("../../sessions/") for u in collector.urls)
    assert any(u.startswith("../../skills/") for u in collector.urls)


def test_public_email_is_obfuscated_and_hidden_email_absent(demo_site: Path) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    public = next(p for p in hub.people.values() if p.public_email)
    page = read(demo_site, f"people/{public.id}/index.html")
    assert public.public_email not in page  # not in clear text
    assert "mh-email" in page


def test_pages_make_no_third_party_requests(demo_site: Path) -> None:
    for page in ("index.html", "people/index.html"):
        collector = parse(demo_site / page)
        for tag, attrs in collector.start_tags:
            values = dict(attrs)
            if tag in ("script", "img", "iframe") and values.get("src"):
                assert "//" not in (values["src"] or ""), values
            if tag == "link" and values.get("rel") in ("stylesheet", "preconnect"):
                assert "//" not in (values.get("href") or ""), values


def test_skill_page_lists_mentors_mentees_and_resources(demo_site: Path) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    skill_id = max(hub.skills, key=lambda s: sum(s in p.offers for p in hub.mentors()))
    page = read(demo_site, f"skills/{skill_id}/index.html")
    for heading in ("Mentors", "Mentees"):
        assert f">{heading}<" in page
    mentor = next(p for p in hub.mentors() if skill_id in p.offers)
    assert f'href="../../people/{mentor.id}/"' in page


def test_home_find_a_mentor_opens_the_finder_when_search_is_on(demo_site: Path) -> None:
    home = read(demo_site, "index.html")
    assert '<a class="md-button md-button--primary" href="find/">Find a mentor</a>' in home


def test_only_the_pagefind_files_the_pages_use_are_deployed(demo_site: Path) -> None:
    bundle = demo_site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-entry.json").is_file()
    assert not list(bundle.glob("pagefind*-ui.*"))


def test_the_showcase_passes_mentorhub_verify(demo_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mentorhub.commands.cli import main

    assert main(["verify", "--project", str(demo_build)]) == 0, capsys.readouterr().out
