"""`serve` keeps a parsed record while skills.yml answers what it asked as before (hub/loader.py)."""

from __future__ import annotations

from pathlib import Path

from mentorhub.hub.loader import LoadResult, RecordCache, load_hub

from conftest import MENTOR_MO, MINIMAL_SKILLS, write_project

BY_LABEL = MENTOR_MO.replace("Mo Mentor", "Lu Label").replace("offers: [python]", "offers: [Grant writing]")
BY_ALIAS = MENTOR_MO.replace("Mo Mentor", "Al Alias").replace("offers: [python]", "offers: [presenting]")
UNKNOWN = MENTOR_MO.replace("Mo Mentor", "Un Known").replace("offers: [python]", "offers: [pythn]")


def _load(project: Path, cache: RecordCache | None = None) -> LoadResult:
    return load_hub(project / "content", display_root=project, cache=cache)


def _edit_skills(project: Path, old: str, new: str) -> None:
    path = project / "content" / "skills.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _read_again(cache: RecordCache, project: Path) -> tuple[int, LoadResult]:
    before = cache.misses
    loaded = _load(project, cache)
    assert loaded == _load(project)  # what a load without the cache gives
    return cache.misses - before, loaded


def test_only_records_whose_words_changed_meaning_are_read_again(tmp_path: Path) -> None:
    project = write_project(tmp_path / "hub", {
        "content/people/mo.md": MENTOR_MO, "content/people/lu.md": BY_LABEL,
        "content/people/al.md": BY_ALIAS})
    cache = RecordCache()
    assert _load(project, cache) == _load(project) and cache.misses == 3
    # Python's label: nobody wrote it (Mo wrote the id), so nobody is read again.
    _edit_skills(project, "label: Python", "label: Python 3")
    assert _read_again(cache, project)[0] == 0
    # Lu wrote the label "Grant writing": renamed, it no longer resolves.
    _edit_skills(project, "label: Grant writing", "label: Grant proposals")
    read, loaded = _read_again(cache, project)
    assert read == 1 and any("Grant writing" in p.message for p in loaded.problems)
    # Al wrote the alias: an alias moved to another skill changes what Al offers (and Lu,
    # whose unknown word is compared with every skill, is read again on any change).
    _edit_skills(project, "aliases: [presenting]", "aliases: []")
    _edit_skills(project, "category: Community\n", "category: Community\n  aliases: [presenting]\n")
    read, loaded = _read_again(cache, project)
    assert read == 2 and loaded.hub.people["al"].offers == ("grant-writing",)


def test_a_record_with_an_unknown_skill_is_read_again_on_any_change(tmp_path: Path) -> None:
    """Its problem suggests the nearest skill ids: it read the whole vocabulary."""
    project = write_project(tmp_path / "hub", {"content/people/mo.md": MENTOR_MO,
                                               "content/people/un.md": UNKNOWN})
    cache = RecordCache()
    _load(project, cache)
    _edit_skills(project, "label: Public speaking", "label: Speaking in public")
    assert _read_again(cache, project)[0] == 1
    _edit_skills(project, MINIMAL_SKILLS.splitlines()[0], "pythn:\n  label: Pythn\n  category: X\npython:")
    read, loaded = _read_again(cache, project)
    assert read == 1 and not loaded.problems
