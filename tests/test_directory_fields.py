"""Issue 21's fields: `availability: paused`, capacity "not stated", story rating,
reviewer and outcomes-with-a-quote, `check --drafts`, links to drafts, the https hint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub
from mentorhub.hub.problems import format_problems
from mentorhub.hub.schema import QUOTE_LIMIT, STORY
from mentorhub.impact.kpis import compute_kpis
from mentorhub.search.meta import PAUSED, availability
from mentorhub.site.render import RenderOptions, SiteRenderer

from conftest import REPO, write_project

AS_OF = dt.date(2026, 11, 22)
PAUSED_MENTOR = ("---\nname: Pia Paused\nroles: [mentor]\nlanguages: [en]\noffers: [python]\n"
                 "capacity: 2\navailability: paused\nconsent: true\n---\n")
UNSTATED_MENTOR = "---\nname: Una\nroles: [mentor]\nlanguages: [en]\noffers: [python]\nconsent: true\n---\n"
MENTEE = ("---\nname: Tia\nroles: [mentee]\nlanguages: [en]\nseeks: [python]\nmentors: [una]\n"
          "consent: true\n---\n")


def _story(extra: str, name: str = "s") -> dict[str, str]:
    return {f"content/stories/{name}.md": f"---\ntitle: T\ndate: 2026-01-01\nsummary: S.\n{extra}---\n"}


def _hub(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    project = write_project(tmp_path, files)
    return load_hub(project / "content", display_root=project)


def test_a_paused_mentor_is_published_shown_as_paused_and_never_counted_as_open(tmp_path: Path) -> None:
    result = _hub(tmp_path, {"content/people/pia.md": PAUSED_MENTOR,
                             **_story("quote: Pia helped.\nmentors: [pia]\n")})
    assert result.problems == []
    pia = result.hub.people["pia"]
    assert availability(result.hub, pia) == PAUSED
    report = compute_kpis(result.hub, AS_OF)
    assert report.capacity.total == 0  # her 2 places are not open
    assert next(s for s in report.skills if s.id == "python").supply == 0
    page = next(p for p in SiteRenderer(result.hub, RenderOptions(today=AS_OF)).people_pages()
                if p.src_uri == "people/pia.md")
    assert "Paused" in page.markdown and "paused: not taking mentees for now" in page.markdown


def test_capacity_not_stated_is_never_invented(tmp_path: Path) -> None:
    result = _hub(tmp_path, {"content/people/una.md": UNSTATED_MENTOR, "content/people/tia.md": MENTEE})
    assert result.problems == []
    una = result.hub.people["una"]
    assert not una.capacity_stated and una.capacity == 1  # matching keeps its documented default
    data = compute_kpis(result.hub, AS_OF).to_json()["capacity"]
    assert data == {"total": 0, "used": 0, "utilization": None, "unstated": 1}
    page = next(p for p in SiteRenderer(result.hub, RenderOptions(today=AS_OF)).people_pages()
                if p.src_uri == "people/una.md")
    assert "1 place taken; places not stated" in page.markdown
    assert "of 1 place" not in page.markdown


def test_story_outcomes_are_optional_only_with_a_quote(tmp_path: Path) -> None:
    ok = _hub(tmp_path / "a", _story("quote: It changed my year.\nrating: 5\nreviewer: Sam Reader\n"))
    assert ok.problems == []
    story = ok.hub.stories["s"]
    assert (story.outcomes, story.rating, story.reviewer) == ((), 5, "Sam Reader")
    page = next(p for p in SiteRenderer(ok.hub, RenderOptions(today=AS_OF)).story_pages()
                if p.src_uri == "stories/s.md")
    assert "— Sam Reader" in page.markdown and "mh-chip--outcome" not in page.markdown
    bad = _hub(tmp_path / "b", _story(""))
    assert [(p.field, p.message) for p in bad.problems] == [("outcomes", "missing required field")]


def test_rating_range_and_reviewer_pii(tmp_path: Path) -> None:
    result = _hub(tmp_path, _story("quote: Q.\nrating: 6\nreviewer: sam@example.org\n"))
    text = format_problems(result.problems)
    assert "rating: 6 is out of range: use 1 to 5" in text
    assert "reviewer: contains an email address" in text and "sam@example.org" not in text


def test_the_quote_limit_is_the_same_in_schema_docs_and_join_form() -> None:
    field = STORY.field("quote")
    assert field is not None and field.kind.max_length == QUOTE_LIMIT
    assert f"at most {QUOTE_LIMIT} characters" in (REPO / "docs" / "content.md").read_text()
    assert f"at most {QUOTE_LIMIT} characters" in (REPO / "README.md").read_text()
    schema = (REPO / "plugins" / "mentorhub" / "schemas" / "story.schema.json").read_text()
    assert f'"maxLength": {QUOTE_LIMIT}' in schema  # the join form validates with this schema


def test_story_ratings_follow_the_small_group_rule(tmp_path: Path) -> None:
    files: dict[str, str] = {}
    for index, rating in enumerate((5, 4, 5, 3)):
        files.update(_story(f"quote: Q{index}.\nrating: {rating}\n", f"s{index}"))
    hub = _hub(tmp_path / "four", files).hub
    assert compute_kpis(hub, AS_OF, min_responses=5).stories.rating.value is None
    files.update(_story("quote: Q.\nrating: 3\n", "s9"))
    rating = compute_kpis(_hub(tmp_path / "five", files).hub, AS_OF, min_responses=5).stories.rating
    assert (rating.responses, rating.value) == (5, 4.0)


def test_check_drafts_validates_drafts_without_publishing_them(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    project = write_project(tmp_path, {"content/people/dee.md":
                                       "---\nname: Dee\nroles: [mentor]\nlanguages: [klingon]\n"
                                       "consent: true\ndraft: true\n---\n"})
    assert main(["check", "-p", str(project)]) == 0
    capsys.readouterr()
    assert main(["check", "--drafts", "-p", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/people/dee.md:4: languages: 'klingon' is not an ISO 639-1 language code" in err
    assert "offers: a mentor must offer at least one skill" in err
    assert load_hub(project / "content", check_drafts=True).hub.people == {}


def test_a_body_link_to_a_draft_says_it_is_a_draft(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    project = write_project(tmp_path, {
        "content/people/dee.md": "---\nname: Dee\ndraft: true\n---\n",
        "content/stories/s.md": "---\ntitle: T\ndate: 2026-01-01\nsummary: S.\noutcomes: [other]\n---\n"
                                "Thanks to [Dee](/people/dee.md).\n",
    })
    assert main(["check", "-p", str(project)]) == 0
    err = capsys.readouterr().err
    assert "links to /people/dee.md, which is a draft, not published" in err
    assert "not in the hub" not in err


def test_an_http_link_gets_the_exact_https_address(tmp_path: Path) -> None:
    result = _hub(tmp_path, {"content/people/a.md": "---\nname: A\nroles: [peer]\nlanguages: [en]\n"
                             "links: {site: 'http://example.org/a?b=1#c'}\nconsent: true\n---\n"})
    assert "(use https://example.org/a?b=1#c instead)" in format_problems(result.problems)
