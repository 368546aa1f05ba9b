"""The contributor loop's rough edges (issue 24, item 5): a broken skills.yml, a missing feature plugin."""

from __future__ import annotations

from pathlib import Path

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project

from mentorhub.hub.loader import load_hub

PERSON = """\
---
name: {name}
roles: [mentor]
languages: [en]
offers: [python, public-speaking]
consent: true
---
"""


def _people(count: int) -> dict[str, str]:
    return {f"content/people/p{n}.md": PERSON.format(name=f"Person {n}") for n in range(count)}


def test_an_unreadable_skills_file_comes_first_and_its_cascade_is_one_line(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        **_people(3),
        "content/skills.yml": "python:\n  label: [Python\n",  # an unclosed list
        "content/people/bad.md": "---\nname: Bad\nroles: [mentor]\n---\n",  # its own problems stay
    })
    problems = load_hub(project / "content", display_root=project).problems
    lines = [str(p) for p in problems]
    assert lines[0].startswith("content/skills.yml:")
    assert lines[1] == ("content/skills.yml:1: references: 6 references could not be checked because "
                        "content/skills.yml could not be read (fix the problem above, then check again)")
    assert not any("unknown skill" in line for line in lines)
    assert any(line.startswith("content/people/bad.md:1: languages: missing required field") for line in lines)


def test_a_readable_skills_file_still_reports_each_unknown_skill(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/ana.md": PERSON.format(name="Ana").replace("python,", "pyhton,"),
    })
    lines = [str(p) for p in load_hub(project / "content", display_root=project).problems]
    assert lines == ["content/people/ana.md:5: offers: unknown skill 'pyhton' (did you mean 'python'?)"]


def test_a_nav_page_of_a_plugin_left_out_stops_the_build(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG + "nav:\n  - Home: index.md\n  - Find a mentor: find/index.md\n"
    project = write_project(tmp_path, _people(1), config=config)
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert ("the nav links to 'find/index.md', a page of the 'mentorhub-search' plugin, which is not in "
            "plugins: add '- mentorhub-search' to plugins in mkdocs.yml") in result.stderr
    with_search = config.replace("  - mentorhub\n", "  - mentorhub\n  - mentorhub-search\n")
    (project / "mkdocs.yml").write_text(with_search, encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
