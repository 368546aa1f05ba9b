"""The README's contributor examples are real: each one validates against the demo hub."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mentorhub.hub.loader import load_hub

from conftest import REPO, SHOWCASE

EXAMPLES = {
    "A person": "content/people/readme-person.md",
    "A resource": "content/resources/grant-proposal-starter-kit.md",
    "Session notes": "content/sessions/2026-05-14-readme-session.md",
    "A success story": "content/stories/readme-story.md",
}


def readme_example(heading: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"### {re.escape(heading)}.*?\n```\w+\n(.*?)```", readme, re.S)
    assert match, f"no example under '### {heading}'"
    return match.group(1)


def test_readme_examples_validate(tmp_path: Path) -> None:
    shutil.copytree(SHOWCASE / "content", tmp_path / "content")
    for heading, relative in EXAMPLES.items():
        (tmp_path / relative).write_text(readme_example(heading), encoding="utf-8")
    result = load_hub(tmp_path / "content", display_root=tmp_path)
    assert result.problems == []
    assert "readme-person" in result.hub.people
    assert result.hub.people["readme-person"].public_email == ""
    assert "grant-proposal-starter-kit" in result.hub.resources
    assert "readme-story" in result.hub.stories


def test_readme_skills_example_is_the_demo_entry() -> None:
    example = readme_example("Skills")
    assert example.strip().splitlines()[0] == "grant-writing:"
    assert "grant-writing:\n  label: Grant writing" in (SHOWCASE / "content/skills.yml").read_text()
