"""The cohort proposal: feasible, stable, and the same as textbook deferred acceptance."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings

from mentorhub.hub.models import Hub
from mentorhub.matching import (
    MatchContext,
    MatchOptions,
    cohort_csv,
    cohort_json,
    cohort_summary,
    propose_cohort,
)
from mentorhub.matching.explain import TAKEN

from matching_support import (
    TODAY,
    blocking_pairs,
    cohort_pairs,
    deferred_acceptance,
    free_places,
    hubs,
    mentors,
    person,
    skill_vocabulary,
    valid_pair,
)

OPTIONS = MatchOptions(today=TODAY)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _room(hub: Hub) -> dict[str, int]:
    return {t.id: free_places(hub, t) for t in mentors(hub)}


@PROPERTY
@given(hub=hubs(max_mentors=6, max_mentees=10))
def test_cohort_is_feasible_and_stable(hub: Hub) -> None:
    cohort = propose_cohort(MatchContext(hub, OPTIONS))
    matching = {p.mentee: p.mentor for p in cohort.pairs}
    assert len(matching) == len(cohort.pairs), "each mentee at most once"
    load: dict[str, int] = {}
    for pair in cohort.pairs:
        mentee, mentor = hub.people[pair.mentee], hub.people[pair.mentor]
        assert not mentee.mentors, "only mentees without a current mentor"
        assert valid_pair(hub, OPTIONS, mentee, mentor)
        load[mentor.id] = load.get(mentor.id, 0) + 1
    for mentor_id, count in load.items():
        assert count <= free_places(hub, hub.people[mentor_id]), "free places never exceeded"
    pairs = cohort_pairs(hub, OPTIONS)
    assert blocking_pairs(pairs, _room(hub), matching) == []
    assert matching == deferred_acceptance(pairs, _room(hub))
    unpaired = {m.id for m in hub.people.values() if m.is_mentee and not m.mentors}
    assert cohort.unpaired == len(unpaired)
    assert set(cohort.left) == unpaired - set(matching)
    for mentee_id, why in cohort.left.items():
        if why.kind == TAKEN:  # every fitting mentor is full of mentees who fit at least as well
            for score, e, t in pairs:
                if e == mentee_id:
                    rivals = [(s, e2) for s, e2, t2 in pairs if t2 == t and matching.get(e2) == t]
                    assert len(rivals) == free_places(hub, hub.people[t])
                    assert all(s > score or (s == score and e2 < e) for s, e2 in rivals)


def _all_matchings(pairs: list[tuple[int, str, str]], room: dict[str, int]) -> list[dict[str, str]]:
    options: dict[str, list[str | None]] = {}
    for _, e, t in pairs:
        options.setdefault(e, [None]).append(t)
    mentees = sorted(options)
    found = []
    for choice in itertools.product(*(options[e] for e in mentees)):
        matching = {e: t for e, t in zip(mentees, choice, strict=True) if t is not None}
        if all(list(matching.values()).count(t) <= room[t] for t in room):
            found.append(matching)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub=hubs(max_mentors=3, max_mentees=5, max_peers=0))
def test_cohort_is_the_only_stable_matching_by_brute_force(hub: Hub) -> None:
    """Both sides rank pairs by one score (ties by id), so exactly one matching is stable."""
    cohort = propose_cohort(MatchContext(hub, OPTIONS))
    result = {p.mentee: p.mentor for p in cohort.pairs}
    pairs, room = cohort_pairs(hub, OPTIONS), _room(hub)
    stable = [m for m in _all_matchings(pairs, room) if not blocking_pairs(pairs, room, m)]
    assert stable == [result]


def test_brute_force_sees_instability() -> None:
    """The checker itself: a matching that leaves a better pair apart is caught."""
    pairs = [(900, "a", "x"), (500, "b", "x"), (400, "b", "y"), (300, "a", "y")]
    room = {"x": 1, "y": 1}
    assert blocking_pairs(pairs, room, {"b": "x"}) == [("a", "x"), ("a", "y")]
    assert blocking_pairs(pairs, room, {"a": "y"}) == [("a", "x"), ("b", "x"), ("b", "y")]
    assert blocking_pairs(pairs, room, {"a": "x", "b": "y"}) == []
    assert deferred_acceptance(pairs, room) == {"a": "x", "b": "y"}


@given(hub=hubs())
@settings(max_examples=30, deadline=None)
def test_cohort_is_deterministic(hub: Hub) -> None:
    shuffled = Hub(skills=hub.skills, people=dict(reversed(list(hub.people.items()))))
    assert propose_cohort(MatchContext(hub, OPTIONS)) == propose_cohort(MatchContext(shuffled, OPTIONS))


def _small_hub() -> Hub:
    people = [
        person("ama", ("mentor",), languages=("en",), offers=("s0",), capacity=1),
        person("bea", ("mentor",), languages=("en", "es"), offers=("s0", "s1"), capacity=1),
        person("cal", ("mentor",), languages=("fr",), offers=("s2",), capacity=2),
        person("mo", ("mentee",), languages=("en",), seeks=("s0",)),
        person("ned", ("mentee",), languages=("es",), seeks=("s1", "s0")),
        person("ola", ("mentee",), languages=("en",), seeks=("s0",)),
        person("pia", ("mentee",), languages=("es",), seeks=("s2",)),
        person("quy", ("mentee",), languages=("en",), seeks=("s3",)),
        person("rex", ("mentee",), languages=("en",), seeks=("s0",), mentors=("ama",)),
    ]
    return Hub(skills=skill_vocabulary(), people={p.id: p for p in people})


def test_cohort_files_and_summary() -> None:
    """No zones, default formats: every valid pair scores 600 + 125 + 150 = 0.875, a tie
    that mentee ids break: mo gets bea; ned and ola are left (bea has one place, ama none)."""
    cohort = propose_cohort(MatchContext(_small_hub(), OPTIONS))
    assert json.loads(cohort_json(cohort)) == [{"mentee": "mo", "mentor": "bea", "score": 0.875}]
    assert cohort_csv(cohort) == "mentee,mentor,score\nmo,bea,0.875\n"
    assert cohort_summary(cohort) == [
        "Cohort proposal (stable matching): 1 of 5 unpaired mentees paired, 4 left.",
        "Left: 1 — no mentor who offers it shares a language; 1 — no mentor offers what they "
        "seek; 2 — the mentors who fit went to mentees who fit as well or better.",
        "  ned: The one mentor who fits is full after this proposal, with mentees who fit as "
        "well or better.",
        "  ola: The one mentor who fits is full after this proposal, with mentees who fit as "
        "well or better.",
        "  pia: No mentor who offers Skill 2 speaks Spanish.",
        "  quy: No mentor offers Skill 3 yet.",
    ]
    assert {k: v.kind for k, v in cohort.left.items()} == {
        "ned": TAKEN, "ola": TAKEN, "pia": "no-language", "quy": "no-offer"}
