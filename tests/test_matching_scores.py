"""Scores compare across mentees: monotone in what the pair shares, blind to how much a profile lists.

Each property builds a small hub twice — a mentee, then the same mentee with one
thing changed — and compares the score the matching gives the same mentor.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorhub.hub.models import Hub, Person
from mentorhub.hub.schema import FORMATS
from mentorhub.matching import MatchOptions, match_hub
from mentorhub.matching.features import Scorer, skill_share

from matching_support import SKILL_IDS, TODAY, ZONES, person, skill_vocabulary

PROPERTY = settings(max_examples=80, deadline=None)
OPTIONS = MatchOptions(today=TODAY, top_k=10)

skill_sets = st.lists(st.sampled_from(SKILL_IDS), min_size=1, max_size=4, unique=True)
format_sets = st.lists(st.sampled_from(FORMATS), min_size=1, max_size=4, unique=True)


@st.composite
def settings_(draw: st.DrawFn) -> tuple[list[Person], Person]:
    """Some mentors who all speak English, and one of them, the mentor the properties watch."""
    mentors = [person(f"t{i}", ("mentor",), languages=("en",), offers=tuple(draw(skill_sets)),
                      timezone=draw(st.sampled_from(ZONES)), formats=tuple(draw(format_sets)),
                      capacity=3)
               for i in range(draw(st.integers(1, 5)))]
    return mentors, draw(st.sampled_from(mentors))


def score(mentors: list[Person], mentee: Person, mentor: Person) -> float | None:
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in [*mentors, mentee]})
    found = {s.person: s.score for s in match_hub(hub, OPTIONS).mentors_for[mentee.id]}
    return found.get(mentor.id)


def mentee(seeks: tuple[str, ...], formats: tuple[str, ...], zone: str = "") -> Person:
    return person("m", ("mentee",), languages=("en",), seeks=seeks, formats=formats, timezone=zone)


@PROPERTY
@given(setup=settings_(), extra=st.sampled_from(SKILL_IDS), formats=format_sets,
       zone=st.sampled_from(ZONES))
def test_listing_another_goal_never_lowers_a_score(setup: tuple[list[Person], Person], extra: str,
                                                   formats: list[str], zone: str) -> None:
    mentors, mentor = setup
    base = mentor.offers[:1]
    before = score(mentors, mentee(base, tuple(formats), zone), mentor)
    after = score(mentors, mentee(tuple(dict.fromkeys((*base, extra))), tuple(formats), zone), mentor)
    assert before is not None and after is not None
    assert after >= before
    if extra in mentor.offers and extra not in base:
        assert after > before, "one more shared skill scores strictly higher"


@PROPERTY
@given(setup=settings_(), formats=format_sets, more=format_sets, zone=st.sampled_from(ZONES))
def test_accepting_more_formats_never_lowers_a_score(setup: tuple[list[Person], Person],
                                                     formats: list[str], more: list[str],
                                                     zone: str) -> None:
    mentors, mentor = setup
    seeks = mentor.offers[:1]
    before = score(mentors, mentee(seeks, tuple(formats), zone), mentor)
    after = score(mentors, mentee(seeks, tuple(dict.fromkeys((*formats, *more))), zone), mentor)
    assert before is not None and after is not None and after >= before


@PROPERTY
@given(rarities=st.lists(st.floats(1.0, 12.0), max_size=5), more=st.floats(1.0, 12.0),
       bump=st.floats(0.0, 5.0))
def test_more_and_rarer_shared_skills_score_higher(rarities: list[float], more: float,
                                                   bump: float) -> None:
    assert 0.0 <= skill_share(rarities) < 1.0
    assert skill_share([*rarities, more]) > skill_share(rarities)
    if rarities:
        rarer = [rarities[0] + bump, *rarities[1:]]
        assert skill_share(rarer) >= skill_share(rarities)
    assert skill_share([]) == 0.0 and skill_share([1.0]) == 0.5


@PROPERTY
@given(weights=st.tuples(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000)),
       gaps=st.tuples(st.integers(0, 720), st.integers(0, 720)),
       masks=st.tuples(st.integers(1, 15), st.integers(0, 15), st.integers(0, 15)))
def test_smaller_gap_and_a_shared_format_never_score_lower(
        weights: tuple[int, int, int], gaps: tuple[int, int], masks: tuple[int, int, int]) -> None:
    scorer = Scorer(*weights)
    near, far = sorted(gaps)
    assert scorer.timezone_points(near) >= scorer.timezone_points(far)
    mine, theirs, other = masks
    # Accepting more formats (a superset) never scores lower against the same partner.
    assert scorer.format_points(mine | other, theirs) >= scorer.format_points(mine, theirs)
    assert scorer.format_points(mine, mine) == weights[2]


def test_the_audit_example_one_more_unoffered_goal_costs_nothing() -> None:
    """The audit's case: listing one more goal nobody offers used to drop 1.000 to 0.518."""
    mentors = [person("tess", ("mentor",), languages=("en",), offers=("s0",), timezone="UTC")]
    one = score(mentors, mentee(("s0",), ("one-on-one",), "UTC"), mentors[0])
    two = score(mentors, mentee(("s0", "s4"), ("one-on-one", "group", "peer-circle", "async"), "UTC"),
                mentors[0])
    assert one == two
