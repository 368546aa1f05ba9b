"""`load_hub(overlay=…)`: files handed over in memory load exactly as if they were written.

`mentorhub import` relies on it to check the hub it would write without copying
content/: any difference from a load of the written files would weaken its promise
("the result passes `mentorhub check`, or nothing is written").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.hub.loader import LoadResult, load_hub

from conftest import copy_fixture_hub

NEW_MENTOR = b"---\nname: Nia New\nroles: [mentor]\nlanguages: [en]\noffers: [python]\nconsent: true\n---\n"
BAD_MENTEE = b"---\nname: Bad Mentee\nroles: [mentee]\nlanguages: [xx]\nconsent: true\n---\n"
EXTRA_SKILL = b"\nknitting:\n  label: Knitting\n  category: Imported\n"


def _outcome(result: LoadResult) -> tuple[object, ...]:
    return ([(p.path, p.line, p.field, str(p.message), str(p.hint)) for p in result.problems],
            sorted(result.hub.people), sorted(result.hub.skills), sorted(result.drafts))


@pytest.mark.parametrize("changes", [
    {"people/nia-new.md": NEW_MENTOR},  # a new record
    {"people/nia-new.md": NEW_MENTOR, "people/bad-mentee.md": BAD_MENTEE},  # and a failing one
    {"people/mia-mentor.md": BAD_MENTEE},  # an existing record replaced
    {"people/nested/nia-new.md": NEW_MENTOR},  # a new folder
    {"people/mia-mentor.md": b"\xff not utf-8"},  # unreadable bytes, as a file would be
])
def test_an_overlay_loads_like_the_written_files(tmp_path: Path, changes: dict[str, bytes]) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    content = project / "content"
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    in_memory = load_hub(content, display_root=project, overlay=changes)
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before  # nothing written
    for relative, data in changes.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(data)
    assert _outcome(in_memory) == _outcome(load_hub(content, display_root=project))


def test_an_overlay_can_replace_the_skills_vocabulary(tmp_path: Path) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    skills = project / "content" / "skills.yml"
    result = load_hub(project / "content", display_root=project,
                      overlay={"skills.yml": skills.read_bytes() + EXTRA_SKILL})
    assert "knitting" in result.hub.skills and "knitting" not in skills.read_text()


def test_an_overlay_holds_only_records_and_skills(tmp_path: Path) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    with pytest.raises(ValueError, match="only record files"):
        load_hub(project / "content", display_root=project, overlay={"pages/x.md": b"# x\n"})
