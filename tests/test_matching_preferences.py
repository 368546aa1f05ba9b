"""Mentee preferences: the cohort honours them right after the number of pairs, suggestions
show them first, and each preferred mentor's outcome is said in words."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import HealthCheck, given, settings

from mentorhub.hub.models import Hub
from mentorhub.i18n import localizer
from mentorhub.matching import MatchContext, MatchOptions, match_hub, matches_json, propose_cohort
from mentorhub.matching.preferences import preference_problems

from matching_support import (
    TODAY,
    cohort_pairs,
    free_places,
    hubs,
    max_matching,
    mentors,
    person,
    skill_vocabulary,
)

OPTIONS = MatchOptions(today=TODAY)


def _hub() -> Hub:
    people = [
        person("xena", ("mentor",), languages=("en",), offers=("s0", "s1"), capacity=1, timezone="UTC"),
        person("yann", ("mentor",), languages=("en",), offers=("s0",), capacity=1, timezone="Asia/Tokyo"),
        person("zoe", ("mentor",), languages=("fr",), offers=("s0",), capacity=1),
        person("wil", ("mentor",), languages=("en",), offers=("s0",), capacity=1, availability="closed"),
        # ana fits xena best (both skills, same clock) but asks for yann first.
        person("ana", ("mentee",), languages=("en",), seeks=("s0", "s1"), timezone="UTC",
               prefers=("yann", "zoe", "wil")),
        person("bo", ("mentee",), languages=("en",), seeks=("s0",), timezone="UTC"),
    ]
    return Hub(skills=skill_vocabulary(), people={p.id: p for p in people})


def test_the_cohort_honours_a_first_choice_over_a_better_score() -> None:
    cohort = propose_cohort(MatchContext(_hub(), OPTIONS))
    assert {p.mentee: p.mentor for p in cohort.pairs} == {"ana": "yann", "bo": "xena"}
    assert "preferences" in cohort_summary_words(cohort.objective)


def cohort_summary_words(objective: str) -> str:
    from mentorhub.matching.cohort import OBJECTIVE_WORDS
    return OBJECTIVE_WORDS[objective]


def test_outcomes_in_words_and_in_matches_json() -> None:
    result = match_hub(_hub(), OPTIONS)
    assert "yann" in [s.person for s in result.mentors_for["ana"]]
    data = json.loads(matches_json(result))
    assert data["preferences"] == {"ana": [
        {"mentor": "yann", "outcome": "suggested"},
        {"mentor": "zoe", "outcome": "not possible: speaks no language you speak (speaks French)"},
        {"mentor": "wil", "outcome": "not taking mentees right now"},
    ]}


def test_outcomes_are_in_the_site_language_and_problems_stay_in_english() -> None:
    spanish = dataclasses.replace(OPTIONS, i18n=localizer("es"))
    data = json.loads(matches_json(match_hub(_hub(), spanish)))
    assert data["preferences"]["ana"] == [
        {"mentor": "yann", "outcome": "sugerido"},
        {"mentor": "zoe", "outcome": "no es posible: no habla ningún idioma que hables (habla francés)"},
        {"mentor": "wil", "outcome": "no acepta mentorados por ahora"},
    ]
    problems = [str(p) for p in preference_problems(MatchContext(_hub(), spanish))]
    assert problems and "speaks no language you speak (speaks French)" in problems[0]


def test_a_preference_that_can_never_be_met_is_a_problem_that_says_why() -> None:
    problems = [str(p) for p in preference_problems(MatchContext(_hub(), OPTIONS))]
    assert problems == ["content/people/ana.md:1: prefers: 'zoe' cannot be suggested to you: speaks no "
                        "language you speak (speaks French) (prefer a mentor who offers what you seek "
                        "and shares a language)"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub=hubs(max_mentors=5, max_mentees=8))
def test_preferences_never_cost_a_pair(hub: Hub) -> None:
    """Every mentee prefers the last mentor by id: the cohort still pairs the most it can."""
    last = [t.id for t in mentors(hub)][-1:]
    people = {k: (person(p.id, p.roles, languages=p.languages, seeks=p.seeks, offers=p.offers,
                         timezone=p.timezone, formats=p.formats, capacity=p.capacity,
                         availability=p.availability, mentors=p.mentors, confirmed=p.confirmed,
                         prefers=tuple(t for t in last if t != p.id))
                  if p.is_mentee else p) for k, p in hub.people.items()}
    preferring = Hub(skills=hub.skills, people=people)
    cohort = propose_cohort(MatchContext(preferring, OPTIONS))
    pairs = cohort_pairs(preferring, OPTIONS)
    room = {t.id: free_places(preferring, t) for t in mentors(preferring)}
    assert len(cohort.pairs) == max_matching([(e, t) for _, e, t in pairs], room)
