"""The contributor loop's rough edges (issue 24, item 5): a broken skills.yml, a missing feature plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project

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
    assert lines[1] == ("content/skills.yml:1: references: skill references not checked because "
                        "content/skills.yml could not be read: 6; files held back until it can be: 3 "
                        "(fix the problem above, then check again)")
    assert not any("unknown skill" in line for line in lines)
    assert any(line.startswith("content/people/bad.md:1: languages: missing required field")
               for line in lines)


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


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
STORY = """\
---
title: Links
date: 2026-06-30
summary: Some lead nowhere.
outcomes: [other]
---
![me](photo.png) and ![logo](../media/logo.png)

[Mo](p0.md) · [part](#team) · [web](https://example.org/x.png) · [mail](mailto:organizers)
<img src="/media/Logo.png" alt="">

```markdown
![an example, not a link](example.png)
```
"""


def _links_project(tmp_path: Path, config: str = MINIMAL_CONFIG) -> Path:
    project = write_project(tmp_path, {**_people(1), "content/stories/links.md": STORY}, config=config)
    (project / "content/media").mkdir()
    (project / "content/media/logo.png").write_bytes(PNG)
    return project


def test_relative_links_are_warnings_and_a_wrong_case_image_an_error_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    project = _links_project(tmp_path)
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("content/stories/links.md:10: body: links to /media/Logo.png, but the file is "
                      "content/media/logo.png: the case differs, which breaks on case-sensitive web "
                      "hosts (write /media/logo.png)")
    (project / "content/stories/links.md").write_text(STORY.replace("/media/Logo.png", "/media/logo.png"))
    assert main(["check", "--project", str(project)]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "links to" in line]
    assert warnings == [
        "content/stories/links.md:7: body: links to ../media/logo.png, a relative link, which does "
        "not lead there on the built page (write /media/logo.png)",
        "content/stories/links.md:7: body: links to photo.png, a relative link, which does not lead "
        "there on the built page (link from the content root: /media/<file> for an image, "
        "/<folder>/<id>.md for a record)",
        "content/stories/links.md:9: body: links to p0.md, a relative link, which does not lead "
        "there on the built page (link from the content root: /media/<file> for an image, "
        "/<folder>/<id>.md for a record)",
    ]


def test_a_relative_link_fails_build_strict(tmp_path: Path) -> None:
    project = _links_project(tmp_path)
    story = project / "content/stories/links.md"
    story.write_text(STORY.replace("/media/Logo.png", "/media/logo.png"), encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "content/stories/links.md:7: body: links to photo.png, a relative link" in result.stderr
    fixed = (STORY.replace("/media/Logo.png", "/media/logo.png").replace("](photo.png)", "](/media/logo.png)")
             .replace("../media/logo.png", "/media/logo.png").replace("(p0.md)", "(/people/p0.md)"))
    story.write_text(fixed, encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
