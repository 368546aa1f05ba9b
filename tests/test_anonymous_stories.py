"""Anonymous stories stay anonymous (issue 19, item 7; docs/privacy.md "Anonymous stories").

The rule: a story told without `mentee` publishes its `mentors`, `group` and `skills`
only in a combination that at least `min_responses` members fit (by the public
`mentors` lists, `seeks`, and the people named in the group's session notes);
otherwise those facts are withheld from every output, and `check` warns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.anonymity import narrowed_stories
from mentorhub.hub.loader import load_hub

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
        "content/stories/first-grant.md:6: mentors: told without a mentee, but its skills, group "
        "and mentors fit 1 member (fewer than 5): the site leaves out its skills, group and "
        "mentors (to publish them, name the mentee (with their consent); the title, summary, "
        "quote and text are published as written: see docs/privacy.md)")


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
    assert "the site leaves out its group and mentors" in str(result.warnings[0])


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
