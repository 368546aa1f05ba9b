"""The benchmark hub generator writes valid, realistic, deterministic hubs.

No timing here: benchmarks print figures (benchmarks/bench_build.py); these tests
only make sure the data they measure is what the docs say it is.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import baseline_pages  # noqa: E402
import generate_hub  # noqa: E402

RECORDS = 200


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_hub.generate(tmp_path_factory.mktemp("bench") / "hub", RECORDS, seed=3)


@pytest.fixture(scope="module")
def hub(project: Path) -> Hub:
    result = load_hub(project / "content", display_root=project)
    assert [str(p) for p in result.problems] == []
    return result.hub


def _files(project: Path, folder: str) -> list[Path]:
    return sorted((project / "content" / folder).rglob("*.md"))


def test_record_shares(project: Path, hub: Hub) -> None:
    counts = {folder: len(_files(project, folder)) for folder in generate_hub.RECORD_FOLDERS}
    assert counts == {"people": 110, "resources": 30, "sessions": 40, "stories": 20}
    # A few drafts, never more than a handful: nearly everything is published.
    assert 0.95 * 110 <= len(hub.people) <= 110
    assert len(hub.sessions) + len(hub.stories) + len(hub.resources) >= 0.95 * 90


def test_people_are_realistic(hub: Hub) -> None:
    people = list(hub.people.values())
    mentors, mentees = list(hub.mentors()), list(hub.mentees())
    assert 0.3 * len(people) < len(mentors) < 0.6 * len(people)
    assert 0.4 * len(people) < len(mentees) < 0.75 * len(people)
    assert any(p.is_mentor and p.is_mentee for p in people)  # roles overlap
    assert any(p.is_peer for p in people)
    # English dominates, with a tail of other languages; ~30 time zones in use.
    languages = Counter(code for p in people for code in p.languages)
    assert languages.most_common(1)[0][0] == "en"
    assert languages["en"] > 0.7 * len(people)
    assert len(languages) >= 6
    assert all(1 <= len(p.languages) <= 3 for p in people)
    assert len({p.timezone for p in people}) >= 15
    # Mentors: capacity 1-4, mostly open, some limited or closed, some stale.
    assert {m.capacity for m in mentors} <= {1, 2, 3, 4}
    availability = Counter(m.availability for m in mentors)
    assert availability["open"] > len(mentors) / 2
    assert availability["limited"] + availability["closed"] > 0
    assert any(m.is_stale(generate_hub.AS_OF, 365) for m in mentors)


def test_current_mentors_respect_capacity(hub: Hub) -> None:
    paired = [m for m in hub.mentees() if m.mentors]
    assert 0.3 * sum(1 for _ in hub.mentees()) < len(paired)
    for mentor in hub.mentors():
        assert len(hub.mentees_of.get(mentor.id, ())) <= mentor.capacity
    for mentee in paired:
        assert all(hub.people[m].is_mentor for m in mentee.mentors)


def test_skill_popularity_has_a_long_tail(hub: Hub) -> None:
    assert 140 <= len(hub.skills) <= 160
    assert 8 <= len({s.category for s in hub.skills.values()}) <= 12
    offered = Counter(skill for m in hub.mentors() for skill in m.offers)
    counts = sorted(offered.values(), reverse=True)
    assert counts[0] >= 4 * statistics.median(counts)  # a few very popular skills …
    assert len(offered) > 40  # … and a long tail


def test_sessions_and_stories_point_at_real_people(hub: Hub) -> None:
    dates = sorted(s.date for s in hub.sessions.values())
    assert (generate_hub.AS_OF - dates[0]).days <= 3 * 366
    assert (dates[-1] - dates[0]).days > 365
    assert len({s.group for s in hub.sessions.values() if s.group}) >= 10
    for session in hub.sessions.values():
        assert all(p in hub.people for p in (*session.facilitators, *session.participants))
    for story in hub.stories.values():
        assert all(p in hub.people for p in (story.mentee, *story.mentors) if p)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    def snapshot(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in sorted(root.rglob("*")) if p.is_file()}

    first = snapshot(generate_hub.generate(tmp_path / "a", 60, seed=7))
    assert first == snapshot(generate_hub.generate(tmp_path / "b", 60, seed=7))
    assert first != snapshot(generate_hub.generate(tmp_path / "c", 60, seed=8))


def test_config_keeps_every_plugin_of_the_config_it_adapts() -> None:
    """The generator adapts the repository's mkdocs.yml; checked here on the showcase's."""
    text = (REPO / "tests/fixtures/showcase/mkdocs.yml").read_text(encoding="utf-8")
    generated = yaml_load(generate_hub.adapt_config(text, 100))
    assert generated["plugins"] == yaml_load(text)["plugins"]
    assert generated["docs_dir"] == "content"


def test_does_not_clear_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit):
        generate_hub.generate(tmp_path, 40)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_baseline_drops_only_our_plugins() -> None:
    entries = ["mentorhub", {"mentorhub": {"page_size": 10}}, "search", {"tags": {}}]
    assert baseline_pages.other_plugins(entries) == ["search", {"tags": {}}]
