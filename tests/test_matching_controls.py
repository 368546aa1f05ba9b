"""Organizer controls: content/matching.yml is validated like content and changes matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.hub.models import Hub
from mentorhub.matching import MatchContext, MatchOptions, match_hub, propose_cohort
from mentorhub.matching.controls import Controls, PairRule, check_controls, load_controls

from matching_support import TODAY, person, skill_vocabulary


def _controls(tmp_path: Path, text: str) -> tuple[Controls, list[str]]:
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    (content / "matching.yml").write_text(text, encoding="utf-8")
    controls, problems = load_controls(content, tmp_path)
    return controls, [str(p) for p in problems]


def test_a_valid_file(tmp_path: Path) -> None:
    controls, problems = _controls(tmp_path, (
        "weights: {skills: 0.7, timezone: 0.3}\n"
        "off: [formats]\n"
        "pinned:\n  - {mentee: bo, mentor: xena}\n"
        "blocked:\n  - mentee: ana\n    mentor: xena\n"))
    assert problems == []
    assert controls.pinned == (PairRule("bo", "xena", 4),)
    assert controls.blocked == (PairRule("ana", "xena", 6),)
    options = controls.apply(MatchOptions(today=TODAY))
    assert options.weights.thousandths() == (700, 300, 0)
    assert options.blocked == frozenset({("ana", "xena")}) and options.pinned == (("bo", "xena"),)


def test_every_problem_with_its_line(tmp_path: Path) -> None:
    _, problems = _controls(tmp_path, (
        "weigths: {skills: 1}\n"
        "weights:\n  skills: -1\n  timezon: 2\n"
        "off: [format]\n"
        "pinned:\n  - {mentee: bo}\n  - {mentee: bo, mentor: xena, note: x}\n"
        "blocked: nope\n"))
    assert problems == [
        "content/matching.yml:1: weigths: unknown setting (did you mean 'weights'?)",
        "content/matching.yml:3: weights.skills: expected a number, 0 or more",
        "content/matching.yml:4: weights.timezone: unknown criterion (did you mean 'timezone'?)"
        .replace("weights.timezone", "weights.timezon"),
        "content/matching.yml:5: off.0: unknown criterion 'format' (did you mean 'formats'?)",
        "content/matching.yml:7: pinned.0: needs mentor (a person id)",
        "content/matching.yml:8: pinned.1.note: unknown key (a pair has only mentee and mentor)",
        "content/matching.yml:9: blocked: expected a list of {mentee: id, mentor: id}",
    ]


def test_broken_yaml_and_conflicts(tmp_path: Path) -> None:
    _, problems = _controls(tmp_path, "off: [skills\n")
    assert len(problems) == 1 and problems[0].startswith("content/matching.yml:2: file: invalid YAML")
    _, problems = _controls(tmp_path, (
        "pinned:\n  - {mentee: bo, mentor: xena}\n  - {mentee: bo, mentor: yann}\n"
        "blocked:\n  - {mentee: bo, mentor: xena}\n"))
    assert problems == [
        "content/matching.yml:2: pinned: 'bo' and 'xena' are both pinned and blocked (keep one of the two)",
        "content/matching.yml:3: pinned: 'bo' is pinned twice (also on line 2) (the cohort gives each "
        "mentee one mentor)",
    ]
    _, problems = _controls(tmp_path, "off: [skills, timezone, formats]\n")
    assert problems == ["content/matching.yml:1: off: every criterion is off or weighs 0 (keep at "
                        "least one criterion with a weight above 0)"]


def _hub() -> Hub:
    people = [
        person("xena", ("mentor",), languages=("en",), offers=("s0", "s1"), capacity=1, timezone="UTC"),
        person("yann", ("mentor",), languages=("en",), offers=("s0",), capacity=1, timezone="Asia/Tokyo"),
        person("ana", ("mentee",), languages=("en",), seeks=("s0", "s1"), timezone="UTC"),
        person("bo", ("mentee",), languages=("en",), seeks=("s0",), timezone="UTC"),
    ]
    return Hub(skills=skill_vocabulary(), people={p.id: p for p in people})


def test_unknown_people_and_roles_are_problems() -> None:
    controls = Controls(pinned=(PairRule("bo", "xenia", 3),), blocked=(PairRule("yann", "xena", 5),))
    assert [str(p) for p in check_controls(controls, _hub())] == [
        "content/matching.yml:3: pinned.mentor: unknown person 'xenia' (did you mean 'xena'?)",
        "content/matching.yml:5: blocked.mentee: 'yann' does not have the mentee role",
    ]


@pytest.mark.parametrize("objective", ["max-pairs", "stable-grown"])
def test_pinned_pairs_are_proposed_and_blocked_pairs_never_suggested(objective: str) -> None:
    hub = _hub()
    plain = MatchOptions(today=TODAY, cohort_objective=objective)
    assert {p.mentee: p.mentor for p in propose_cohort(MatchContext(hub, plain)).pairs} == {
        "ana": "xena", "bo": "yann"}
    pinned = Controls(pinned=(PairRule("bo", "xena", 1),)).apply(plain)
    assert {p.mentee: p.mentor for p in propose_cohort(MatchContext(hub, pinned)).pairs} == {
        "ana": "yann", "bo": "xena"}
    blocked = Controls(blocked=(PairRule("ana", "xena", 1), PairRule("ana", "yann", 2))).apply(plain)
    result = match_hub(hub, blocked)
    assert result.mentors_for["ana"] == ()
    assert result.why_no_mentor["ana"].kind == "blocked"
    assert "ana" not in {p.mentee for p in result.cohort.pairs}
