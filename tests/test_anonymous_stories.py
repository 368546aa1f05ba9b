"""Anonymous stories stay anonymous (issue 19, item 7; docs/guide/privacy.md "Anonymous stories").

The rule: a story told without `mentee` publishes its `mentors`, `group` and `skills`
only in a combination that at least `min_responses` members fit (by the public
`mentors` lists, `seeks`, and the people named in the group's session notes);
otherwise those facts are withheld from every output, and `check` warns.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.anonymity import narrowed_stories
from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub, Person, Session, Source, Story

from conftest import MIA_MENTOR, TEA_MENTEE, run_mkdocs, write_project
from sitecheck import all_text

CONFIG = """\
site_name: Anonymous stories
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub
  - mentorhub-kpi:
      min_responses: 5
  - mentorhub-feeds
  - mentorhub-search
"""

STORY = """\
    ---
    title: From nothing to a first grant
    date: 2026-10-01
    summary: A mentee wrote their first grant.
    outcomes: [skill-gained]
    mentors: [mia]
    group: Grant circle
    skills: [grant-writing]
    ---
    It went well.
    """

SESSION = """\
    ---
    title: Grant circle meets
    date: 2026-09-01
    format: peer-circle
    group: Grant circle
    facilitators: [mia]
    participants: [tea]
    topics: [grant-writing]
    ---
    Notes.
    """


def mentee(pid: str, seeks: str = "[grant-writing]", mentors: str = "[]") -> str:
    return f"""\
        ---
        name: Mentee {pid.title()}
        roles: [mentee]
        languages: [en]
        seeks: {seeks}
        mentors: {mentors}
        consent: true
        ---
        """


FILES = {
    "content/people/mia.md": MIA_MENTOR,
    "content/people/tea.md": TEA_MENTEE,  # the only mentee of mia; seeks grant-writing
    "content/sessions/2026-09-01-circle.md": SESSION,
    "content/stories/first-grant.md": STORY,
}


def load(tmp_path: Path, files: dict[str, str], min_responses: int = 5):  # type: ignore[no-untyped-def]
    project = write_project(tmp_path, files)
    return load_hub(project / "content", display_root=project, min_responses=min_responses)


def test_facts_that_point_at_one_member_are_withheld_and_warned_about(tmp_path: Path) -> None:
    result = load(tmp_path, FILES)
    assert result.problems == []
    story = result.hub.stories["first-grant"]
    assert (story.mentors, story.group, story.skills) == ((), "", ())
    assert story.title == "From nothing to a first grant"  # the story itself is published
    [warning] = result.warnings
    assert warning.severity == "warning"
    assert str(warning) == (
        "content/stories/first-grant.md:6: mentors: told without a mentee; members who fit its skills, "
        "group, mentors: 1, fewer than 5, so the site leaves out its skills, group, mentors (to "
        "publish them, name the mentee (with their consent); the title, summary, quote and text "
        "are published as written: see docs/guide/privacy.md)")


def test_a_large_enough_crowd_keeps_the_facts(tmp_path: Path) -> None:
    result = load(tmp_path, FILES, min_responses=1)
    assert result.warnings == []
    story = result.hub.stories["first-grant"]
    assert (story.mentors, story.group, story.skills) == (("mia",), "Grant circle", ("grant-writing",))


def test_facts_are_generalised_to_the_largest_combination_that_hides_the_teller(tmp_path: Path) -> None:
    # five more mentees seek grant-writing, none is mia's nor in the circle: the skill alone is safe
    files = {**FILES, **{f"content/people/m{i}.md": mentee(f"m{i}") for i in range(5)}}
    result = load(tmp_path, files)
    story = result.hub.stories["first-grant"]
    assert (story.mentors, story.group, story.skills) == ((), "", ("grant-writing",))
    [item] = narrowed_stories(load(tmp_path / "raw", files, min_responses=1).hub, 5)
    assert (item.fitting, item.withheld) == (1, ("group", "mentors"))
    assert "the site leaves out its group, mentors" in str(result.warnings[0])


def test_a_named_mentee_or_a_story_without_facts_is_left_alone(tmp_path: Path) -> None:
    named = STORY.replace("    mentors: [mia]", "    mentee: tea\n    mentors: [mia]")
    bare = "\n".join(line for line in STORY.splitlines()
                     if not line.strip().startswith(("mentors:", "group:", "skills:"))) + "\n"
    result = load(tmp_path, {**FILES, "content/stories/first-grant.md": named,
                             "content/stories/bare.md": bare})
    assert result.warnings == []
    assert result.hub.stories["first-grant"].mentors == ("mia",)


def test_check_warns_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, FILES, config=CONFIG)
    assert main(["check", "--project", str(project)]) == 0
    captured = capsys.readouterr()
    assert "content/stories/first-grant.md:6: mentors: told without a mentee" in captured.err
    assert "fewer than 5" in captured.err
    # min_responses comes from the mentorhub-kpi plugin, as in the build
    (project / "mkdocs.yml").write_text(CONFIG.replace("min_responses: 5", "min_responses: 1"),
                                        encoding="utf-8")
    assert main(["check", "--project", str(project)]) == 0
    assert "told without a mentee" not in capsys.readouterr().err


@pytest.mark.build
def test_no_output_ties_the_anonymous_story_to_its_facts(tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES, config=CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "told without a mentee" in result.stderr  # an INFO line, not a failure under --strict
    site = project / "site"
    story_page = (site / "stories" / "first-grant" / "index.html").read_text(encoding="utf-8")
    assert "From nothing to a first grant" in story_page
    for fact in ("Mia Mentor", "people/mia/", "Grant circle", "grant-circle", "skills/grant-writing/"):
        assert fact not in story_page.split('<div class="md-content"')[1].split("</article>")[0], fact
    # nor anywhere else: the mentor's profile, the group's pages, the skill page, the feeds,
    # the search index and kpi.json (the group's story count)
    for path, text in all_text(site):
        if "From nothing to a first grant" in text or "first-grant" in text:
            relative = path.relative_to(site).as_posix()
            assert not relative.startswith(("people/mia", "skills/grant-writing", "impact/groups")), relative
    kpi = json.loads((site / "kpi.json").read_text(encoding="utf-8"))
    assert [g["stories"] for g in kpi["groups"] if g["name"] == "Grant circle"] == [0]


# -- the rule on hand-made hubs (each case a way the count could go wrong) ---------------------

def _person(pid: str, *, seeks: tuple[str, ...] = (), mentors: tuple[str, ...] = (),
            roles: tuple[str, ...] = ("mentee",)) -> Person:
    return Person(id=pid, source=Source(f"content/people/{pid}.md"), name=pid, roles=roles,
                  languages=("en",), seeks=seeks, mentors=mentors)


def _hub(people: list[Person], stories: list[Story], group: tuple[str, ...] = ()) -> Hub:
    sessions = {"g": Session(id="g", source=Source("content/sessions/g.md"), title="g",
                             date=dt.date(2026, 1, 1), format="workshop", facilitators=("m1",),
                             topics=("s0",), group="G", participants=group)} if group else {}
    return Hub(people={p.id: p for p in people}, stories={s.id: s for s in stories}, sessions=sessions)


def _story(sid: str, **facts: Any) -> Story:
    return Story(id=sid, source=Source(f"content/stories/{sid}.md"), title=sid,
                 date=dt.date(2026, 2, 1), summary="s", outcomes=("other",), **facts)


MENTORS = [_person("m1", roles=("mentor",)), _person("m2", roles=("mentor",))]


def test_every_fact_must_fit_all_its_values() -> None:
    """A member fits `skills: [s0, s1]` by seeking both, not either (the crowd is the
    intersection an attacker would take)."""
    people = [*MENTORS, _person("both", seeks=("s0", "s1"))]
    people += [_person(f"one{i}", seeks=("s0",)) for i in range(5)]
    hub = _hub(people, [_story("x", skills=("s0", "s1"))])
    [item] = narrowed_stories(hub)
    assert (item.fitting, item.withheld) == (1, ("skills",))
    assert narrowed_stories(hub, 1) == []
    # whichever skill fewer people seek, those who seek only it do not fit
    hub = _hub([*people, _person("only-s1", seeks=("s1",))], [_story("x", skills=("s0", "s1"))])
    assert [item.fitting for item in narrowed_stories(hub, 2)] == [1]


def test_the_storys_own_mentors_are_not_part_of_the_crowd() -> None:
    # the group: m1 (who facilitates and is the story's mentor) and four members
    people = MENTORS + [_person(f"p{i}") for i in range(4)]
    hub = _hub(people, [_story("x", group="G", mentors=("m1",))], group=("p0", "p1", "p2", "p3"))
    [item] = narrowed_stories(hub)
    assert item.withheld == ("group", "mentors")  # 4 members of G besides m1: fewer than 5


def test_the_largest_combination_that_hides_the_teller_is_kept_exactly_at_the_threshold() -> None:
    """Five members fit skills and group together (exactly min_responses): both are kept,
    only the mentor (whom one of them lists) is withheld."""
    fit = [_person(f"p{i}", seeks=("s0",), mentors=("m2",)) for i in range(4)]
    fit.append(_person("q", seeks=("s0",), mentors=("m1",)))
    outside = [_person(f"r{i}", seeks=("s0",)) for i in range(3)]  # seek s0, not in G
    hub = _hub(MENTORS + fit + outside, [_story("x", skills=("s0",), group="G", mentors=("m1",))],
               group=tuple(p.id for p in fit))
    [item] = narrowed_stories(hub)
    assert (item.fitting, item.withheld) == (1, ("mentors",))
    assert len({item, item}) == 1  # a value
    assert narrowed_stories(hub, 5) == narrowed_stories(hub)  # 5 is the default


def test_a_crowd_of_exactly_the_default_threshold_is_enough() -> None:
    people = MENTORS + [_person(f"p{i}", seeks=("s0",)) for i in range(5)]
    assert narrowed_stories(_hub(people, [_story("x", skills=("s0",))])) == []
    assert len(narrowed_stories(_hub(people[:-1], [_story("x", skills=("s0",))]))) == 1


def test_the_threshold_is_at_least_one() -> None:
    with pytest.raises(ValueError, match=r"^min_responses must be at least 1$"):
        narrowed_stories(Hub(), 0)
