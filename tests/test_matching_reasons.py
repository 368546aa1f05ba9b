"""Golden cases: the exact words of reasons and explanations, and the score parts behind them."""

from __future__ import annotations

import datetime as dt

import pytest

from mentorhub.hub.models import Hub, Skill
from mentorhub.matching import MatchOptions, Weights, match_hub, options_from_settings
from mentorhub.matching.features import gap_minutes, rarity, utc_offset_minutes
from mentorhub.matching.reasons import hours_apart, join_words

from matching_support import TODAY, person

SKILLS = {
    "grant-writing": Skill("grant-writing", "Grant writing", "Community"),
    "python": Skill("python", "Python", "Technology"),
    "public-speaking": Skill("public-speaking", "Public speaking", "Communication"),
}


def golden_hub() -> Hub:
    people = [
        person("amara", ("mentor",), languages=("es", "en"), offers=("grant-writing", "python"),
               timezone="Europe/Madrid", formats=("group", "one-on-one"), capacity=2),
        person("ben", ("mentor",), languages=("en",), offers=("python",),
               timezone="America/New_York", capacity=1),
        person("cleo", ("mentor",), languages=("fr", "es"), offers=("python",), capacity=3,
               availability="closed"),
        person("dina", ("mentor",), languages=("en",), offers=("public-speaking",), capacity=1,
               confirmed=TODAY - dt.timedelta(days=400)),
        person("rosa", ("mentee",), languages=("es",), seeks=("grant-writing", "python"),
               timezone="America/Bogota", formats=("group",)),
        person("ravi", ("mentee",), languages=("en",), seeks=("python",), timezone="Asia/Kolkata"),
        person("yuki", ("mentee",), languages=("ja",), seeks=("python",)),
        person("hugo", ("mentee",), languages=("en",), seeks=("public-speaking",)),
        person("ines", ("mentee",), languages=("en",), seeks=("python",), mentors=("ben",)),
    ]
    return Hub(skills=SKILLS, people={p.id: p for p in people})


def test_golden_reasons_and_scores() -> None:
    result = match_hub(golden_hub(), MatchOptions(today=TODAY))
    rosa = result.mentors_for["rosa"]
    assert [(s.person, s.score) for s in rosa] == [("amara", 0.782)]
    # 4 mentors; shared: grant writing (rarity ln(5/2)+1 = 1.916) and python (ln(5/4)+1 = 1.223):
    # 600 × (1 − 1/(2.916 × 2.223)) = 507.5 → 507 skill points; Madrid (+1) to Bogotá (−5) is 6 h:
    # 250 × 6/12 = 125; a format shared: 150.
    assert rosa[0].reasons == (
        "offers Grant writing — 1 of 4 mentors does",
        "offers Python — 3 of 4 mentors do",
        "you both speak Spanish",
        "6 hours apart",
        "both like group sessions",
    )
    # ben is full (ines lists him, capacity 1), cleo closed: ravi gets amara only.
    # python alone: 600 × (1 − 1/2.223) = 330.1 → 330; Kolkata (+5:30) to Madrid (+1): 4 h 30:
    # 250 × 7.5/12 = 156.25 → 156 points; one-on-one shared: 150.
    ravi = result.mentors_for["ravi"]
    assert [(s.person, s.score) for s in ravi] == [("amara", 0.636)]
    assert ravi[0].reasons == (
        "offers Python — 3 of 4 mentors do",
        "you both speak English",
        "4 hours 30 minutes apart",
        "both like one-on-one meetings",
    )
    # ines has no time zone: no time reason, and half the time-zone points (125).
    assert [(s.person, s.score) for s in result.mentors_for["ines"]] == [("amara", 0.605)]
    assert result.mentors_for["ines"][0].reasons == (
        "offers Python — 3 of 4 mentors do", "you both speak English",
        "both like one-on-one meetings")
    amara = result.mentees_for["amara"]
    assert [(s.person, s.score) for s in amara] == [("rosa", 0.782), ("ravi", 0.636), ("ines", 0.605)]
    assert amara[0].reasons == (
        "seeks Grant writing — 1 of 4 mentors offers it",
        "seeks Python — 3 of 4 mentors offer it",
        "you both speak Spanish",
        "6 hours apart",
        "both like group sessions",
    )


def test_golden_explanations() -> None:
    result = match_hub(golden_hub(), MatchOptions(today=TODAY))
    why = {k: (v.kind, v.text, v.skills) for k, v in result.why_no_mentor.items()}
    assert why == {
        "yuki": ("no-language", "No mentor who offers Python speaks Japanese.", ("python",)),
        "hugo": ("unavailable", "Every mentor who fits is unavailable right now: 1 may be inactive.",
                 ("public-speaking",)),
    }
    mentors = {k: (v.kind, v.text) for k, v in result.why_no_mentee.items()}
    assert mentors == {
        "ben": ("full", "All your places are taken."),
        "cleo": ("closed", "You are not taking mentees (availability: closed)."),
        "dina": ("inactive", "May be inactive: profile last confirmed 18 Oct 2025, so not "
                 "suggested to mentees for now."),
    }


def test_golden_exposure_cap() -> None:
    """With a cap of 1 list per mentor, the better fit (same time zone) gets the only slot."""
    people = [
        person("tess", ("mentor",), languages=("en",), offers=("python",), capacity=1,
               timezone="Europe/Paris"),
        person("al", ("mentee",), languages=("en",), seeks=("python",), timezone="Asia/Tokyo"),
        person("bo", ("mentee",), languages=("en",), seeks=("python",), timezone="Europe/Rome"),
        person("cy", ("mentee",), languages=("en",), seeks=("python", "public-speaking")),
    ]
    hub = Hub(skills=SKILLS, people={p.id: p for p in people})
    result = match_hub(hub, MatchOptions(today=TODAY, exposure_min=1, exposure_per_place=1))
    assert [s.person for s in result.mentors_for["bo"]] == ["tess"]
    assert result.mentors_for["al"] == () and result.mentors_for["cy"] == ()
    assert result.why_no_mentor["al"].text == (
        "The one mentor who fits is already suggested to as many mentees as fair exposure allows.")
    assert result.why_no_mentor["cy"].skills == ("python",)
    default = match_hub(hub, MatchOptions(today=TODAY))  # cap max(3, 3 × 1): everyone sees tess
    assert all(len(v) == 1 for v in default.mentors_for.values())
    # python, offered by the only mentor (rarity 1): 600 × (1 − 1/2) = 300 for all three, however
    # many skills they list; bo: same clock (250) → 0.7; al: 8 h from Paris, 250 × 4/12 → 83 →
    # 0.533; cy: no zone → 125: 0.575 (listing public speaking too costs nothing).
    assert [(s.person, s.score) for s in default.mentees_for["tess"]] == [
        ("bo", 0.7), ("cy", 0.575), ("al", 0.533)]


@pytest.mark.parametrize(("gap", "words"), [
    (0, "same local time"), (15, "15 minutes apart"), (60, "1 hour apart"),
    (330, "5 hours 30 minutes apart"), (720, "12 hours apart"),
])
def test_hours_apart(gap: int, words: str) -> None:
    assert hours_apart(gap) == words


def test_time_zone_gaps_follow_daylight_saving_on_the_build_date() -> None:
    new_york, berlin = "America/New_York", "Europe/Berlin"
    # The US moves its clocks on 8 March 2026, Europe on 29 March: three weeks 5 hours apart.
    for day, hours in ((dt.date(2026, 3, 1), 6), (dt.date(2026, 3, 20), 5), (dt.date(2026, 4, 15), 6)):
        a, b = utc_offset_minutes(new_york, day), utc_offset_minutes(berlin, day)
        assert a is not None and b is not None and gap_minutes(a, b) == hours * 60
    kathmandu, auckland = utc_offset_minutes("Asia/Kathmandu", TODAY), utc_offset_minutes(
        "Pacific/Auckland", TODAY)
    assert (kathmandu, auckland) == (345, 780)  # +5:45, and +13:00 in the southern summer
    assert gap_minutes(345, 780) == 435 and gap_minutes(-600, 780) == 60  # across the date line
    assert utc_offset_minutes("", TODAY) is None and utc_offset_minutes("Mars/Base", TODAY) is None


def test_rarer_skills_weigh_more() -> None:
    assert rarity(1, 40) > rarity(2, 40) > rarity(40, 40) == 1.0
    assert rarity(0, 0) == 1.0


def test_join_words() -> None:
    assert join_words([]) == "" and join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b" and join_words(["a", "b", "c"], "or") == "a, b or c"


@pytest.mark.parametrize(("weights", "points"), [
    (Weights(), (600, 250, 150)),
    (Weights(1, 1, 1), (334, 333, 333)),
    (Weights(2, 0, 0), (1000, 0, 0)),
    (Weights(0.3335, 0.3335, 0.333), (334, 333, 333)),
])
def test_weights_become_thousandths_summing_to_one(weights: Weights, points: tuple[int, int, int]) -> None:
    assert weights.thousandths() == points and sum(points) == 1000


def test_options_from_settings() -> None:
    options = options_from_settings(TODAY, {"top_k": 5, "weights": {"skills": 1}}, 200)
    assert options.top_k == 5 and options.stale_after_days == 200
    assert options.weights == Weights(skills=1, timezone=0.25, formats=0.15)
    assert options.exposure_cap(0) == 3 and options.exposure_cap(2) == 6
    for bad, message in (
        ({"top_k": 0}, "top_k: must be at least 1"),
        ({"top_k": "3"}, "top_k: expected a whole number"),
        ({"weights": {"skills": 0, "timezone": 0, "formats": 0}}, "at least one weight"),
        ({"weights": {"skill": 1}}, "weights: expected a map"),
        ({"circle_min_size": 5, "circle_max_size": 4}, "circle_max_size"),
        ({"exposure_min": 0}, "exposure_min"),
        ({"top": 3}, "unknown mentorhub-matching option(s): top"),
    ):
        with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
            options_from_settings(TODAY, bad)
