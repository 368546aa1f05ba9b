"""The cohort proposal: feasible, maximum (checked by augmenting paths and brute force), best-scoring."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorhub.hub.models import Hub
from mentorhub.matching import (
    MatchContext,
    MatchOptions,
    cohort_csv,
    cohort_json,
    cohort_summary,
    propose_cohort,
)
from mentorhub.matching.cohort import cohort_summary_json
from mentorhub.matching.explain import TAKEN

from matching_support import (
    SKILL_IDS,
    TODAY,
    blocking_pairs,
    cohort_pairs,
    deferred_acceptance,
    free_places,
    hubs,
    max_matching,
    mentor_points,
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
def test_cohort_is_feasible_and_maximum(hub: Hub) -> None:
    cohort = propose_cohort(MatchContext(hub, OPTIONS))
    matching = {p.mentee: p.mentor for p in cohort.pairs}
    assert len(matching) == len(cohort.pairs), "each mentee at most once"
    load: dict[str, int] = {}
    for pair in cohort.pairs:
        mentee, mentor = hub.people[pair.mentee], hub.people[pair.mentor]
        assert not mentee.mentors, "only mentees without a current mentor"
        assert valid_pair(hub, OPTIONS, mentee, mentor)
        assert round(pair.score * 1000) == mentor_points(hub, OPTIONS, mentee, mentor)
        load[mentor.id] = load.get(mentor.id, 0) + 1
    for mentor_id, count in load.items():
        assert count <= free_places(hub, hub.people[mentor_id]), "free places never exceeded"
    pairs = cohort_pairs(hub, OPTIONS)
    assert len(matching) == max_matching([(e, t) for _, e, t in pairs], _room(hub)), \
        "as many pairs as augmenting paths (max flow) find"
    unpaired = {m.id for m in hub.people.values() if m.is_mentee and not m.mentors}
    assert cohort.unpaired == len(unpaired)
    assert set(cohort.left) == unpaired - set(matching)
    for mentee_id, why in cohort.left.items():
        if why.kind == TAKEN:  # every fitting mentor is full after the proposal
            for _, e, t in pairs:
                if e == mentee_id:
                    assert load.get(t, 0) == free_places(hub, hub.people[t])


@PROPERTY
@given(hub=hubs(max_mentors=6, max_mentees=10))
def test_stable_grown_keeps_everyone_deferred_acceptance_pairs(hub: Hub) -> None:
    options = MatchOptions(today=TODAY, cohort_objective="stable-grown")
    grown = {p.mentee for p in propose_cohort(MatchContext(hub, options)).pairs}
    pairs = cohort_pairs(hub, options)
    stable = deferred_acceptance(pairs, _room(hub))
    assert set(stable) <= grown, "nobody the stable matching pairs is left out"
    assert len(grown) == max_matching([(e, t) for _, e, t in pairs], _room(hub))


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


@st.composite
def scarce_hubs(draw: st.DrawFn) -> Hub:
    """Few one-place mentors, more mentees, one language: every place is contested."""
    skills = st.lists(st.sampled_from(SKILL_IDS[:3]), min_size=1, max_size=2, unique=True).map(tuple)
    zones = st.sampled_from(("", "UTC", "Asia/Tokyo", "America/New_York"))
    people = [person(f"t{i}", ("mentor",), languages=("en",), offers=draw(skills), capacity=1,
                     timezone=draw(zones)) for i in range(draw(st.integers(1, 3)))]
    people += [person(f"m{i}", ("mentee",), languages=("en",), seeks=draw(skills), timezone=draw(zones))
               for i in range(draw(st.integers(2, 5)))]
    return Hub(skills=skill_vocabulary(), people={p.id: p for p in people})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub=st.one_of(hubs(max_mentors=3, max_mentees=5, max_peers=0), scarce_hubs()))
def test_cohort_pairs_the_most_then_scores_the_most_by_brute_force(hub: Hub) -> None:
    """Every possible assignment enumerated: none pairs more, none pairing as many scores more."""
    cohort = propose_cohort(MatchContext(hub, OPTIONS))
    pairs, room = cohort_pairs(hub, OPTIONS), _room(hub)
    score = {(e, t): p for p, e, t in pairs}
    best = max(((len(m), sum(score[(e, t)] for e, t in m.items())) for m in _all_matchings(pairs, room)),
               default=(0, 0))
    got = (len(cohort.pairs), sum(round(p.score * 1000) for p in cohort.pairs))
    assert got == best


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
    """No zones, default formats. bea has the only free place (ama's is taken by rex); ned shares
    two skills with her (s1, rarity ln(4/2) + 1, and s0, ln(4/3) + 1: 600 × (1 − 1/(2.693 × 2.288))
    = 503, + 125 + 150 = 0.778), mo and ola one (s0: 338 + 275 = 0.613), so the best total pairs
    ned; mo and ola are left."""
    cohort = propose_cohort(MatchContext(_small_hub(), OPTIONS))
    assert json.loads(cohort_json(cohort)) == [{"mentee": "ned", "mentor": "bea", "score": 0.778}]
    assert cohort_csv(cohort) == "mentee,mentor,score\nned,bea,0.778\n"
    assert cohort_summary(cohort) == [
        "Cohort proposal (the most unpaired mentees paired, then preferences, then the greatest "
        "total score): "
        "1 of 5 unpaired mentees paired, 4 left.",
        "Left: 1 — no mentor who offers it shares a language; 1 — no mentor offers what they "
        "seek; 2 — every mentor who fits is full, and pairing them would leave another mentee "
        "unpaired.",
        "  mo: The one mentor who fits is full after this proposal, and giving you a place would "
        "leave another mentee without a mentor.",
        "  ola: The one mentor who fits is full after this proposal, and giving you a place would "
        "leave another mentee without a mentor.",
        "  pia: No mentor who offers Skill 2 speaks Spanish.",
        "  quy: No mentor offers Skill 3 yet.",
    ]
    summary = json.loads(cohort_summary_json(cohort))
    assert summary["objective"] == "max-pairs" and summary["paired"] == 1
    assert [u["mentee"] for u in summary["unpaired"]] == ["mo", "ola", "pia", "quy"]
    assert summary["unpaired"][2]["reason"] == "No mentor who offers Skill 2 speaks Spanish."
    assert {k: v.kind for k, v in cohort.left.items()} == {
        "mo": TAKEN, "ola": TAKEN, "pia": "no-language", "quy": "no-offer"}


def test_a_mentee_whose_only_mentor_another_prefers_is_still_paired() -> None:
    """The audit's case: a stable matching gives xena to ana (her best fit) and leaves bo, whose
    only fit is xena, unpaired although yann could take ana. The maximum cohort pairs both."""
    people = [
        person("xena", ("mentor",), languages=("en",), offers=("s0", "s1"), capacity=1, timezone="UTC"),
        person("yann", ("mentor",), languages=("en",), offers=("s0",), capacity=1, timezone="Asia/Tokyo"),
        person("ana", ("mentee",), languages=("en",), seeks=("s0", "s1"), timezone="UTC"),
        person("bo", ("mentee",), languages=("en",), seeks=("s1",)),
    ]
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    cohort = propose_cohort(MatchContext(hub, OPTIONS))
    assert {p.mentee: p.mentor for p in cohort.pairs} == {"ana": "yann", "bo": "xena"}
    assert cohort.left == {}
