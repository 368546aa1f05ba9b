"""skills.yml is a data file, not front matter: thousands of skills load, alias bombs do not."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mentorhub.hub.loader import load_hub
from mentorhub.hub.strict_yaml import NODE_BUDGET, YamlError, load

from conftest import MENTOR_MO


def _bomb(levels: int = 7) -> str:
    lines = ["a: &a [" + ", ".join(["x"] * 10) + "]"]
    for prev, name in zip("abcdefghij", "bcdefghijk", strict=False):
        if len(lines) >= levels:
            break
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _hub(tmp_path: Path, skills: str) -> Path:
    content = tmp_path / "content"
    (content / "people").mkdir(parents=True)
    (content / "skills.yml").write_text(skills, encoding="utf-8")
    (content / "people/mentor-mo.md").write_text(textwrap.dedent(MENTOR_MO), encoding="utf-8")
    return content


def test_a_long_list_without_aliases_is_not_blamed_on_aliases() -> None:
    text = "items: [" + ", ".join(str(n) for n in range(NODE_BUDGET + 5)) + "]\n"
    with pytest.raises(YamlError) as caught:
        load(text)
    assert caught.value.message == f"too many values (more than {NODE_BUDGET})"
    assert "alias" not in caught.value.message + caught.value.hint


def test_an_alias_bomb_is_still_named_as_one() -> None:
    with pytest.raises(YamlError) as caught:
        load(_bomb())
    assert "aliases expand beyond" in caught.value.message
    assert caught.value.hint == "front matter does not need anchors and aliases"


def test_a_vocabulary_of_thousands_of_skills_loads(tmp_path: Path) -> None:
    skills = "python:\n  label: Python\n  category: Technology\n  aliases: [py]\n" + "".join(
        f"skill-{n:05d}:\n  label: Skill {n}\n  category: Group {n % 40}\n"
        f"  aliases: [alias-{n:05d}]\n"
        for n in range(3_400)
    )
    result = load_hub(_hub(tmp_path, skills), display_root=tmp_path)
    assert result.problems == []
    assert len(result.hub.skills) == 3_401
    assert "mentor-mo" in result.hub.people


def test_a_real_list_of_ten_thousand_skills_loads(tmp_path: Path) -> None:
    skills = "python: {label: Python, category: Technology}\n" + "".join(
        f"s{n}: {{label: S{n}, category: C}}\n" for n in range(12_000)
    )
    result = load_hub(_hub(tmp_path, skills), display_root=tmp_path)
    assert result.problems == []
    assert len(result.hub.skills) == 12_001


def test_an_alias_bomb_in_skills_yml_is_refused_with_an_accurate_message(tmp_path: Path) -> None:
    result = load_hub(_hub(tmp_path, _bomb(9)), display_root=tmp_path)
    skills_problems = [str(p) for p in result.problems
                       if p.path == "content/skills.yml" and p.field == "file"]
    assert len(skills_problems) == 1
    assert "aliases expand beyond" in skills_problems[0]
    assert "skills.yml does not need anchors and aliases" in skills_problems[0]
