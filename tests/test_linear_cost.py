"""What a contributor sends costs in proportion to its size: 100× the input, at most ~100× the work.

Work is counted where it can be (characters the phone matcher reads, suggestion
computations), so the tests do not depend on the machine's load; where it is timed,
it is process CPU time with a generous margin. `benchmarks/bench_bad_shapes.py`
prints the figures.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import phonenumbers
import pytest

from mentorhub.hub import pii, problems
from mentorhub.hub.loader import load_hub

from conftest import write_project


@pytest.fixture
def matcher_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text handed to the phone matcher (its work is linear in it)."""
    read: list[int] = []
    real = phonenumbers.PhoneNumberMatcher

    def counting(text: str, *args: object, **kwargs: object) -> object:
        read.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pii.phonenumbers, "PhoneNumberMatcher", counting)
    pii._phones_in.cache_clear()
    return read


def figures(rows: int, seed: int) -> str:
    """A table of dates and figures, all different, as in a session's notes."""
    rng = random.Random(seed)
    return "\n".join(f"| 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} | "
                     f"{rng.randint(1000, 99999)} {rng.random() * 100:.2f} 45-60 |"
                     for _ in range(rows))


def test_the_phone_matcher_reads_digit_runs_not_the_whole_text(matcher_reads: list[int]) -> None:
    """Before: every region's matcher read the whole text once it held one digit run."""
    phone = " Call +44 20 7946 0958 tonight."
    for size in (1_000, 100_000):
        matcher_reads.clear()
        pii._phones_in.cache_clear()
        found = pii.find_pii("word " * (size // 5) + phone)
        assert [f.kind for f in found] == [pii.PHONE_KIND]
        assert sum(matcher_reads) <= 2 * (len(pii.NATIONAL_REGIONS) + 1) * (len(phone) + 2)


@pytest.mark.parametrize("shape", [
    lambda n, seed: figures(n, seed),
    lambda n, seed: " ".join(f"{i % 97} ({i % 89}) {i}-{i % 7}/{i % 5}.{i % 3}"
                             for i in range(seed, seed + n)),
    lambda n, seed: "1 " * (10 * n) + str(seed),  # one run as long as the text
], ids=["table", "separators", "one-long-run"])
def test_digit_heavy_text_costs_in_proportion(matcher_reads: list[int],
                                              shape: Callable[[int, int], str]) -> None:
    small, large = shape(5, 1), shape(500, 2)
    pii.find_pii(small)
    read_small = sum(matcher_reads)
    matcher_reads.clear()
    pii._phones_in.cache_clear()
    pii.find_pii(large)
    # Each character is read at most twice per region (a window's overlap, a wrapped line).
    regions = len(pii.NATIONAL_REGIONS) + 1
    assert sum(matcher_reads) <= 2.5 * regions * len(large)
    assert sum(matcher_reads) <= 1.5 * (len(large) / len(small)) * max(read_small, 1) + 1_000


def test_suggestions_are_computed_once_per_unknown_value(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    """3,000 skills and the same typo in many files: one comparison, not one per file."""
    calls: list[str] = []
    real = problems.difflib.get_close_matches

    def counting(word: str, *args: object, **kwargs: object) -> list[str]:
        calls.append(word)
        return real(word, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(problems.difflib, "get_close_matches", counting)
    problems._did_you_mean.cache_clear()
    skills = "".join(f"skill-{i}: {{label: Skill {i}, category: Many}}\n" for i in range(3_000))
    people = {f"content/people/p{i}.md": "---\nname: P\nroles: [mentee]\nlanguages: [en]\n"
              "seeks: [pyhton, skill-1x]\nconsent: true\n---\n" for i in range(200)}
    write_project(tmp_path, {"content/skills.yml": skills, **people})
    result = load_hub(tmp_path / "content", display_root=tmp_path)
    assert len([p for p in result.problems if p.field.startswith("seeks")]) == 400
    assert sorted(calls) == ["pyhton", "skill-1x"]
    assert problems.did_you_mean("x" * 10_000, ["x"]) == ""  # no quadratic comparison


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.mark.parametrize("field, template", [
    ("name", "---\nname: {text}\nroles: [peer]\nlanguages: [en]\nconsent: true\n---\n"),
    ("title", "---\ntitle: {text}\nkind: guide\nsummary: S.\ntopics: [python]\n"
              "url: https://example.org/x\n---\n"),
    ("authors", "---\ntitle: T\nkind: guide\nsummary: S.\ntopics: [python]\n"
                "url: https://example.org/x\nauthors: [{text}]\n---\n"),
], ids=["name", "title", "authors"])
def test_a_longer_name_or_title_costs_in_proportion(tmp_path: Path, field: str, template: str) -> None:
    """A 100 KB name used to be copied onto ~96 pages; now it is refused, at a cost in
    proportion to its size."""
    folder = "people" if field == "name" else "resources"
    timings = []
    for size in (1_000, 100_000):
        root = write_project(tmp_path / str(size), {
            f"content/{folder}/x.md": template.format(text="Ab " * (size // 3))})
        result = load_hub(root / "content", display_root=root)  # warm up the loader
        timings.append(min(cpu_seconds(lambda r=root: load_hub(r / "content", display_root=r))
                           for _ in range(3)))
        assert [p.field for p in result.problems] == [field]
        assert "characters long; at most" in result.problems[0].message
    assert timings[1] <= 100 * timings[0] * 3 + 0.05, timings


def test_the_matcher_never_reads_more_than_a_window_at_once(matcher_reads: list[int]) -> None:
    """A long run of digits and separators (a table of figures) is read in overlapping
    windows of a few hundred characters, never whole, so the cost stays linear in its length
    whatever the matcher does inside one piece."""
    pii.find_pii("1 " * 5_000 + "7")
    assert matcher_reads and max(matcher_reads) <= 300
