"""Property tests: suggestions obey every hard rule and reach everyone a maximum flow can."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorhub.hub.models import Hub
from mentorhub.i18n import ENGLISH
from mentorhub.matching import MatchContext, MatchOptions, Weights, match_hub, matches_json
from mentorhub.matching import pool as pool_module
from mentorhub.matching.circles import circle_sizes, joins_circles
from mentorhub.matching.cohort import propose_cohort
from mentorhub.matching.explain import ALREADY, EXPOSURE, NO_LANGUAGE, NO_OFFER, UNAVAILABLE
from mentorhub.matching.features import GROUP_FORMATS
from mentorhub.matching.graph import _edges_one_by_one, stable_fill, stable_first
from mentorhub.matching.peers import in_peer_pool
from mentorhub.matching.reasons import FORMAT_PHRASES, hours_apart, interests
from mentorhub.matching.suggest import suggest_mentors

from matching_support import (
    TODAY,
    free_places,
    gap,
    greedy,
    hubs,
    max_matching,
    mentees,
    mentor_points,
    mentors,
    person,
    points,
    skill_vocabulary,
    valid_pair,
)

PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

options_strategy = st.builds(
    MatchOptions,
    today=st.just(TODAY),
    top_k=st.integers(1, 4),
    stale_after_days=st.sampled_from([30, 365]),
    weights=st.builds(Weights, st.sampled_from([0.0, 0.6, 1.0]), st.sampled_from([0.25, 0.5]),
                      st.sampled_from([0.0, 0.15])),
    exposure_per_place=st.integers(0, 3),
    exposure_min=st.integers(1, 3),
)


# Force the two slower-but-general ranking paths too: walking cached orders (every class
# "large") and candidate-by-candidate ranking (every seeker "has many skills"). The patch
# holds for every generated example, which is what we want here.
@pytest.fixture(params=["classes", "walk", "each"])
def ranking_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "walk":
        monkeypatch.setattr(pool_module, "SMALL_CLASS", 0)
    elif request.param == "each":
        monkeypatch.setattr(pool_module, "MAX_CLASS_SKILLS", 0)
    return str(request.param)


@settings(PROPERTY, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(hub=hubs(), options=options_strategy)
def test_suggestions_reach_everyone_a_maximum_flow_can(ranking_path: str, hub: Hub,
                                                       options: MatchOptions) -> None:
    """Cohort mentor first; then as many covered as a maximum flow allows, unpaired mentees first;
    scores are the reference's; a list shorter than top_k has every other fitting mentor at cap."""
    ctx = MatchContext(hub, options)
    cohort = propose_cohort(ctx)
    result = suggest_mentors(ctx, cohort=cohort)
    lists = {m: [s.person for s in v] for m, v in result.mentors_for.items()}
    for pair in cohort.pairs:
        assert pair.mentor in lists[pair.mentee], "the cohort's mentor is among the suggestions"
    shown: dict[str, int] = {}
    for mentee_id, found in result.mentors_for.items():
        for s in found:
            assert round(s.score * 1000) == mentor_points(hub, options, hub.people[mentee_id],
                                                          hub.people[s.person])
            shown[s.person] = shown.get(s.person, 0) + 1
    cap = {t.id: options.exposure_cap(free_places(hub, t)) for t in mentors(hub)}
    # Reference: the cohort's pairs held, every other mentee covered by augmenting paths,
    # those without a mentor first.
    room = dict(cap)
    for pair in cohort.pairs:
        room[pair.mentor] -= 1
    held = {p.mentee for p in cohort.pairs}
    fits = [(e.id, t.id) for e in mentees(hub) if e.id not in held for t in mentors(hub)
            if valid_pair(hub, options, e, t)]
    unpaired = sorted({e for e, _ in fits if not hub.people[e].mentors})
    others = sorted({e for e, _ in fits} - set(unpaired))
    covered = {m for m, v in lists.items() if v and m not in held}
    assert len(covered) == max_matching(fits, room, unpaired + others)
    assert len(covered & set(unpaired)) == max_matching(fits, room, unpaired)
    for mentee in mentees(hub):
        if len(lists[mentee.id]) < options.top_k:
            for t in mentors(hub):
                if t.id not in lists[mentee.id] and valid_pair(hub, options, mentee, t):
                    assert shown.get(t.id, 0) == cap[t.id], "a short list: every other fit is at cap"


@PROPERTY
@given(hub=hubs(max_mentees=12), options=options_strategy)
def test_vectorised_first_round_is_the_greedy(hub: Hub, options: MatchOptions) -> None:
    """`stable_first` and `stable_fill` (deferred acceptance in numpy rounds) equal the
    textbook greedy, with quota 1 and with quota top_k."""
    ctx = MatchContext(hub, options)
    graph = ctx.mentor_graph
    room = np.array([options.exposure_cap(free_places(hub, t)) for t in graph.mentors], dtype=np.int64)
    got, left = stable_first(graph.edges, len(ctx.mentees), np.ones(len(ctx.mentees), dtype=bool), room)
    pairs = [(mentor_points(hub, options, e, t), e.id, t.id) for e in mentees(hub) for t in mentors(hub)
             if valid_pair(hub, options, e, t)]
    expected = greedy(pairs, 1, {t.id: options.exposure_cap(free_places(hub, t)) for t in mentors(hub)})
    assert {ctx.mentees[i].id: graph.mentors[int(j)].id for i, j in enumerate(got) if j >= 0} == {
        e: found[0][0] for e, found in expected.items() if found}
    assert int(left.sum()) == int(room.sum()) - int((got >= 0).sum())
    quota = np.full(len(ctx.mentees), options.top_k, dtype=np.int64)
    chosen, _ = stable_fill(graph.edges, quota, room)
    filled: dict[str, list[str]] = {}
    for i, j in zip(graph.edges.seeker[chosen], graph.edges.candidate[chosen], strict=True):
        filled.setdefault(ctx.mentees[int(i)].id, []).append(graph.mentors[int(j)].id)
    wide = greedy(pairs, options.top_k, {t.id: options.exposure_cap(free_places(hub, t))
                                         for t in mentors(hub)})
    assert {e: sorted(v) for e, v in filled.items()} == {
        e: sorted(t for t, _ in found) for e, found in wide.items() if found}


@PROPERTY
@given(hub=hubs(), options=options_strategy)
def test_feasible_edges_are_the_hard_rules_with_the_reference_points(hub: Hub,
                                                                      options: MatchOptions) -> None:
    ctx = MatchContext(hub, options)
    graph = ctx.mentor_graph
    got = {(ctx.mentees[int(i)].id, graph.mentors[int(j)].id, int(p)) for i, j, p in
           zip(graph.edges.seeker, graph.edges.candidate, graph.edges.points, strict=True)}
    expected = {(e.id, t.id, mentor_points(hub, options, e, t)) for e in mentees(hub)
                for t in mentors(hub) if valid_pair(hub, options, e, t)}
    assert got == expected
    slow = _edges_one_by_one(graph.pool, graph.queries)
    assert [a.tolist() for a in (slow.seeker, slow.candidate, slow.points)] == [
        a.tolist() for a in (graph.edges.seeker, graph.edges.candidate, graph.edges.points)]


@PROPERTY
@given(hub=hubs(), options=options_strategy)
def test_no_suggestion_breaks_a_hard_rule_or_the_exposure_cap(hub: Hub, options: MatchOptions) -> None:
    result = match_hub(hub, options)
    shown: dict[str, int] = {}
    assert set(result.mentors_for) == {m.id for m in mentees(hub)}
    for mentee_id, suggestions in result.mentors_for.items():
        mentee = hub.people[mentee_id]
        assert len(suggestions) <= options.top_k
        assert len({s.person for s in suggestions}) == len(suggestions)
        keys = [(-s.score, s.person) for s in suggestions]
        assert keys == sorted(keys), "best first, ties by id"
        for s in suggestions:
            assert valid_pair(hub, options, mentee, hub.people[s.person])
            assert 0 <= s.score <= 1 and round(s.score, 3) == s.score
            shown[s.person] = shown.get(s.person, 0) + 1
    for mentor_id, count in shown.items():
        assert count <= options.exposure_cap(free_places(hub, hub.people[mentor_id]))
    # The mentor's view is the same pairs, seen from the other side.
    inverse = {(m, s.person) for m, v in result.mentors_for.items() for s in v}
    assert inverse == {(s.person, t) for t, v in result.mentees_for.items() for s in v}


@PROPERTY
@given(hub=hubs(), options=options_strategy, data=st.data())
def test_output_is_deterministic(hub: Hub, options: MatchOptions, data: st.DataObject) -> None:
    shuffled = Hub(skills=hub.skills, people=dict(data.draw(st.permutations(list(hub.people.items())))))
    assert matches_json(match_hub(hub, options)) == matches_json(match_hub(shuffled, options))
    assert match_hub(hub, options) == match_hub(shuffled, options)


_SKILL = re.compile(r"^offers (.+) — (\d+) of (\d+) mentors (do|does)$")


@PROPERTY
@given(hub=hubs(), options=options_strategy)
def test_every_reason_is_true_of_the_pair(hub: Hub, options: MatchOptions) -> None:
    result = match_hub(hub, options)
    labels = {s.label: s.id for s in hub.skills.values()}
    everyone = mentors(hub)
    for mentee_id, suggestions in result.mentors_for.items():
        mentee = hub.people[mentee_id]
        for s in suggestions:
            mentor = hub.people[s.person]
            shared = set(mentee.seeks) & set(mentor.offers)
            named = set()
            for reason in s.reasons:
                if match := _SKILL.match(reason):
                    skill = labels[match[1]]
                    named.add(skill)
                    assert skill in shared
                    assert int(match[2]) == sum(1 for m in everyone if skill in m.offers)
                    assert int(match[3]) == len(everyone)
                    assert (match[4] == "does") == (match[2] == "1")
                elif reason.startswith("you both speak "):
                    spoken = [ENGLISH.language(c) for c in mentee.languages if c in mentor.languages]
                    assert reason.removeprefix("you both speak ") == _words(spoken)
                elif reason.startswith("both like "):
                    liked = [FORMAT_PHRASES[f] for f in mentee.formats if f in mentor.formats]
                    assert reason.removeprefix("both like ") == _words(liked)
                else:
                    g = gap(mentee, mentor)
                    assert g is not None and reason == hours_apart(g)
            assert named == shared, "every shared skill is named"


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@PROPERTY
@given(hub=hubs(), options=options_strategy)
def test_every_empty_list_is_explained_truthfully(hub: Hub, options: MatchOptions) -> None:
    result = match_hub(hub, options)
    shown: dict[str, int] = {}
    for suggestions in result.mentors_for.values():
        for s in suggestions:
            shown[s.person] = shown.get(s.person, 0) + 1
    assert set(result.why_no_mentor) == {m for m, v in result.mentors_for.items() if not v}
    for mentee_id, why in result.why_no_mentor.items():
        mentee = hub.people[mentee_id]
        offering = [t for t in mentors(hub) if t.id != mentee.id and set(t.offers) & set(mentee.seeks)]
        speaking = [t for t in offering if set(t.languages) & set(mentee.languages)]
        fitting = [t for t in speaking if t.id not in mentee.mentors]
        valid = [t for t in fitting if valid_pair(hub, options, mentee, t)]
        kind = {NO_OFFER: not offering, NO_LANGUAGE: offering and not speaking,
                ALREADY: speaking and not fitting, UNAVAILABLE: fitting and not valid,
                EXPOSURE: bool(valid)}
        assert kind[why.kind], (why, mentee)
        if why.kind == EXPOSURE:
            for t in valid:
                assert shown.get(t.id, 0) == options.exposure_cap(free_places(hub, t))
        assert set(why.skills) <= set(mentee.seeks) and why.text.endswith(".")
    for mentor in mentors(hub):
        assert bool(result.mentees_for[mentor.id]) != (mentor.id in result.why_no_mentee)
        why_none = result.why_no_mentee.get(mentor.id)
        if why_none is not None and why_none.kind == "not-suggested":
            for mentee in mentees(hub):
                if valid_pair(hub, options, mentee, mentor):
                    assert len(result.mentors_for[mentee.id]) == options.top_k, (mentee, why_none)


@settings(PROPERTY, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(hub=hubs(max_peers=5), options=options_strategy)
def test_peer_suggestions(ranking_path: str, hub: Hub, options: MatchOptions) -> None:
    result = match_hub(hub, options)
    pool = sorted((p for p in hub.people.values() if in_peer_pool(p)), key=lambda p: p.id)
    assert set(result.peers_for) == {p.id for p in pool}
    counts: dict[str, int] = {}
    for p in pool:
        for skill in interests(p):
            counts[skill] = counts.get(skill, 0) + 1

    def count(skill: str) -> tuple[int, int]:
        return counts.get(skill, 0), len(pool)

    for me in pool:
        expected = sorted(
            (-points(hub, options, me, other, interests(me), interests(other), count), other.id)
             for other in pool
             if other.id != me.id and set(me.languages) & set(other.languages))[: options.top_k]
        got = [(-round(s.score * 1000), s.person) for s in result.peers_for[me.id]]
        assert got == expected
        assert (me.id in result.why_no_peer) == (not got)


@PROPERTY
@given(hub=hubs(max_mentees=14), options=options_strategy,
       sizes=st.tuples(st.integers(2, 4), st.integers(0, 3)), hours=st.sampled_from([0, 3, 10, 12]),
       per_facilitator=st.integers(1, 3))
def test_circles(hub: Hub, options: MatchOptions, sizes: tuple[int, int], hours: int,
                 per_facilitator: int) -> None:
    low, extra = sizes
    options = MatchOptions(today=TODAY, circle_min=low, circle_max=low + extra,
                           circle_max_hours_apart=hours, stale_after_days=options.stale_after_days,
                           circle_max_per_facilitator=per_facilitator)
    circles = match_hub(hub, options).circles
    led = Counter(c.facilitator for c in circles if c.facilitator)
    assert all(n <= per_facilitator for n in led.values()), "nobody leads more than the cap"
    seen: set[str] = set()
    for circle in circles:
        members = [hub.people[m] for m in circle.members]
        assert low <= len(members) <= low + extra
        assert list(circle.members) == sorted(circle.members)
        assert not seen & set(circle.members), "each mentee joins at most one circle"
        seen |= set(circle.members)
        for m in members:
            assert joins_circles(m) and circle.skill in m.seeks and circle.language in m.languages
        offsets = [gap(members[0], m) for m in members]
        if circle.spread is None:
            assert all(m.timezone == "" for m in members)
        else:
            assert all(m.timezone for m in members) and circle.spread <= hours * 60
            assert all(g is not None and g <= circle.spread for g in offsets)
        if circle.facilitator:
            leader = hub.people[circle.facilitator]
            assert circle.skill in leader.offers and circle.language in leader.languages
            assert GROUP_FORMATS & set(leader.formats) and leader.availability != "closed"
            assert not leader.is_stale(TODAY, options.stale_after_days)
            assert leader.id not in circle.members


@given(st.integers(0, 40), st.integers(2, 5), st.integers(0, 4))
def test_circle_sizes(count: int, low: int, extra: int) -> None:
    sizes = circle_sizes(count, low, low + extra)
    assert all(low <= s <= low + extra for s in sizes) and sum(sizes) <= count
    assert (not sizes) == (count < low)
    if sizes:
        assert max(sizes) - min(sizes) <= 1
        assert count - sum(sizes) < low or sum(sizes) == count or len(sizes) * (low + extra) == sum(sizes)


def test_circles_take_the_rarest_goal_first_and_spread_facilitators() -> None:
    """Three mentees seek only s1, and they and three more seek s0: taking s0 first (most
    seekers, the old order) would use up the s1 trio and place 3; rarest first places all 6.
    One mentor offers both skills: with the default cap of 2 she leads both circles, with a
    cap of 1 only the first, and the second circle goes to the other facilitator."""
    both = ("group",)
    people = [person(f"m{i}", ("mentee",), languages=("en",), seeks=("s0", "s1") if i < 3 else ("s0",),
                     formats=both) for i in range(6)]
    people += [person("ada", ("mentor",), languages=("en",), offers=("s0", "s1"), formats=both, capacity=2),
               person("bea", ("mentor",), languages=("en",), offers=("s0",), formats=both, capacity=0)]
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    circles = match_hub(hub, MatchOptions(today=TODAY, circle_max=3)).circles
    assert sorted((c.skill, c.members, c.facilitator) for c in circles) == [
        ("s0", ("m3", "m4", "m5"), "ada"), ("s1", ("m0", "m1", "m2"), "ada")]
    capped = match_hub(hub, MatchOptions(today=TODAY, circle_max=3, circle_max_per_facilitator=1)).circles
    assert sorted((c.skill, c.facilitator) for c in capped) == [("s0", "bea"), ("s1", "ada")]
