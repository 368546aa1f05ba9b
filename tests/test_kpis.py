"""KPI figures: exact numbers for every key of the contract on hand-made hubs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub, Person, Resource, Session, Skill, Source, Story
from mentorhub.impact.kpis import Rated, Tally, compute_kpis, kpi_json_text, withhold
from mentorhub.impact.recognition import recognise

from conftest import MIA_MENTOR, TEA_MENTEE, write_project

AS_OF = dt.date(2026, 11, 22)
D = dt.date


def person(pid: str, roles: tuple[str, ...], **kw: Any) -> Person:
    return Person(id=pid, source=Source(f"content/people/{pid}.md"), name=pid.capitalize(),
                  roles=roles, languages=("en",), **kw)


def session(sid: str, date: dt.date, **kw: Any) -> Session:
    kw.setdefault("facilitators", ("ana",))
    kw.setdefault("topics", ("python",))
    return Session(id=sid, source=Source(f"content/sessions/{sid}.md"), title=sid, date=date,
                   format="workshop", **kw)


def story(sid: str, date: dt.date, outcomes: tuple[str, ...], **kw: Any) -> Story:
    return Story(id=sid, source=Source(f"content/stories/{sid}.md"), title=sid, date=date,
                 summary="s", outcomes=outcomes, **kw)


def resource(rid: str, kind: str, topics: tuple[str, ...], **kw: Any) -> Resource:
    return Resource(id=rid, source=Source(f"content/resources/{rid}.md"), title=rid, kind=kind,
                    summary="s", topics=topics, **kw)


def by_id(*records: Any) -> dict[str, Any]:
    return {r.id: r for r in sorted(records, key=lambda r: r.id)}


SKILLS = by_id(
    Skill("python", "Python", "Tech"), Skill("public-speaking", "Public speaking", "Comms"),
    Skill("grant-writing", "Grant writing", "Community"), Skill("leadership", "Leadership", "Lead"),
)


def small_hub() -> Hub:
    """Four mentors (one closed, one with no room), three mentees, a peer; dated records."""
    people = by_id(
        person("ana", ("mentor",), offers=("python", "public-speaking"), capacity=2,
               joined=D(2026, 10, 1)),
        person("bo", ("mentor",), offers=("python",), capacity=1, availability="closed",
               joined=D(2026, 6, 15)),
        person("cy", ("mentor", "mentee"), offers=("grant-writing",), seeks=("leadership",),
               capacity=3, availability="limited", mentors=("ana",)),
        person("di", ("mentee",), seeks=("python", "grant-writing"), mentors=("ana", "bo"),
               joined=D(2026, 9, 1)),
        person("ed", ("mentee",), seeks=("python", "leadership"), joined=D(2025, 12, 1)),
        person("fa", ("peer",), joined=D(2026, 11, 20)),
        person("gu", ("mentor",), offers=("leadership",), capacity=0),
    )
    sessions = by_id(
        session("s1", D(2026, 11, 10), group="Lab", attendance=6, duration=90,
                feedback_responses=4, satisfaction=4.5),
        session("s2", D(2026, 10, 1), group="Lab", attendance=4, duration=60,
                feedback_responses=2, satisfaction=3.0),
        session("s3", D(2026, 8, 20), group="Circle", attendance=3, duration=45,
                feedback_responses=3, satisfaction=5.0, facilitators=("cy", "ana")),
        session("s4", D(2026, 5, 1), attendance=10),
        # after as_of: not counted anywhere
        session("s5", D(2026, 12, 1), group="Lab", attendance=50, duration=600,
                feedback_responses=40, satisfaction=1.0, facilitators=("gu",)),
    )
    stories = by_id(
        story("t1", D(2026, 11, 1), ("promotion", "skill-gained"), group="Lab", mentee="di",
              mentors=("ana",), confidence_before=2, confidence_after=4),
        story("t2", D(2026, 7, 1), ("skill-gained",), mentee="cy", mentors=("ana",),
              confidence_before=3, confidence_after=3),
        story("t3", D(2026, 2, 1), ("new-role",)),
        story("t4", D(2027, 1, 1), ("other",), confidence_before=1, confidence_after=5),
    )
    resources = by_id(
        resource("r1", "guide", ("python",), authors=("ana", "Outside Writer")),
        resource("r2", "template", ("python", "public-speaking"), authors=("Ana",)),
    )
    return Hub(skills=SKILLS, people=people, resources=resources, sessions=sessions,
               stories=stories)


ZERO_KINDS = {k: 0 for k in ("article", "book", "checklist", "course", "funding", "guide",
                             "template", "tool", "toolkit", "video")}
ZERO_OUTCOMES = {o: 0 for o in ("further-education", "internship", "job-placement", "leadership",
                                "new-role", "other", "promotion", "skill-gained",
                                "started-mentoring")}


def change(current: float, previous: float, diff: float, percent: float | None) -> dict[str, Any]:
    return {"current": current, "previous": previous, "change": diff, "percent": percent}


def test_every_key_of_a_small_hub() -> None:
    data = compute_kpis(small_hub(), AS_OF).to_json()
    assert data["as_of"] == "2026-11-22"
    assert data["min_responses"] == 5
    assert data["people"] == {
        "mentors": 4, "mentees": 3, "peers": 1, "pairs": 3, "unpaired_mentees": 1,
        "match_rate": 0.6667, "mentor_utilization": 0.5,
    }
    # bo is closed: neither his place nor his pair with di counts
    assert data["capacity"] == {"total": 5, "used": 2, "utilization": 0.4, "unstated": 0}
    assert data["skills"] == [
        {"id": "grant-writing", "label": "Grant writing", "supply": 1, "demand": 1, "gap": 0,
         "resources": 0},
        {"id": "leadership", "label": "Leadership", "supply": 1, "demand": 2, "gap": 1,
         "resources": 0},
        {"id": "public-speaking", "label": "Public speaking", "supply": 1, "demand": 0, "gap": -1,
         "resources": 1},
        {"id": "python", "label": "Python", "supply": 1, "demand": 2, "gap": 1, "resources": 2},
    ]
    assert data["sessions"] == {
        "count": 4, "attendance": 23, "hours": 3.25,
        "by_month": {"2026-05": 1, "2026-08": 1, "2026-10": 1, "2026-11": 1},
        # Only settled responses count (see test_kpis_settled.py): Lab's two sessions
        # (2 + 4 responses) form one run of 5 or more, (2 × 3.0 + 4 × 4.5) / 6 = 4.0;
        # Circle's 3 wait for more responses in Circle.
        "satisfaction": 4.0, "responses": 9, "responses_counted": 6,
    }
    assert data["stories"] == {
        "count": 3,
        "by_outcome": {**ZERO_OUTCOMES, "promotion": 1, "skill-gained": 2, "new-role": 1},
        "confidence_gain": None, "confidence_responses": 2, "confidence_counted": 0,
        "rating": None, "rating_responses": 0, "rating_counted": 0,
    }
    assert data["resources"] == {
        "count": 2, "by_kind": {**ZERO_KINDS, "guide": 1, "template": 1},
        "skill_coverage": 0.3333, "skills_in_demand": 3,
        "uncovered_skills": ["grant-writing", "leadership"],
    }
    assert data["trends"] == {
        "days": 90,
        "current": {"start": "2026-08-25", "end": "2026-11-22"},
        "previous": {"start": "2026-05-27", "end": "2026-08-24"},
        "sessions": change(2, 1, 1, 1.0),
        "attendance": change(10, 3, 7, 2.3333),
        "hours": change(2.5, 0.75, 1.75, 2.3333),
        "stories": change(1, 1, 0, 0.0),
        "new_profiles": change(3, 1, 2, 2.0),
    }
    # Circle's 3 responses are not settled, so they are in no figure, the total included:
    # Lab's mean can be published without giving Circle's away by subtraction.
    assert data["groups"] == [
        {"name": "Circle", "slug": "circle", "sessions": 1, "attendance": 3, "hours": 0.75,
         "satisfaction": None, "responses": 3, "responses_counted": 0, "stories": 0,
         "confidence_gain": None, "confidence_responses": 0, "confidence_counted": 0,
         "by_month": {"2026-08": 1}},
        {"name": "Lab", "slug": "lab", "sessions": 2, "attendance": 10, "hours": 2.5,
         "satisfaction": 4.0, "responses": 6, "responses_counted": 6, "stories": 1,
         "confidence_gain": None, "confidence_responses": 1, "confidence_counted": 0,
         "by_month": {"2026-10": 1, "2026-11": 1}},
    ]


@pytest.mark.parametrize(("minimum", "overall", "lab", "circle", "gain"), [
    # two stories rate confidence, one ungrouped and one in Lab: neither settles alone
    (2, 4.33, 4.0, 5.0, None),
    (3, 4.33, 4.0, 5.0, None),
    (4, 4.0, 4.0, None, None),  # Circle (3) waits; the total is Lab's alone
    (6, 4.0, 4.0, None, None),
    (9, None, None, None, None),  # nine responses in all, but no group holds nine
    (10, None, None, None, None),
])
def test_threshold_decides_what_is_published(minimum: int, overall: float | None,
                                             lab: float | None, circle: float | None,
                                             gain: float | None) -> None:
    report = compute_kpis(small_hub(), AS_OF, min_responses=minimum)
    data = report.to_json()
    assert data["min_responses"] == minimum
    assert data["sessions"]["satisfaction"] == overall
    assert data["sessions"]["responses"] == 9
    groups = {g["name"]: g for g in data["groups"]}
    assert groups["Lab"]["satisfaction"] == lab
    assert groups["Circle"]["satisfaction"] == circle
    assert data["stories"]["confidence_gain"] == gain
    # Lab's one confidence rating is never published on its own
    assert groups["Lab"]["confidence_gain"] is None


def test_as_of_leaves_out_later_records() -> None:
    earlier = compute_kpis(small_hub(), D(2026, 9, 30)).to_json()
    assert earlier["as_of"] == "2026-09-30"
    assert earlier["sessions"]["count"] == 2  # s3 and s4
    assert earlier["sessions"]["by_month"] == {"2026-05": 1, "2026-08": 1}
    assert earlier["stories"]["count"] == 2  # t2 and t3
    assert [g["name"] for g in earlier["groups"]] == ["Circle"]
    # profiles have no history: the same people and pairs
    assert earlier["people"] == compute_kpis(small_hub(), AS_OF).to_json()["people"]
    later = compute_kpis(small_hub(), D(2027, 6, 1)).to_json()
    assert later["sessions"]["count"] == 5
    assert later["stories"]["count"] == 4


def test_trend_days_sets_both_periods() -> None:
    trends = compute_kpis(small_hub(), AS_OF, trend_days=30).to_json()["trends"]
    assert trends["days"] == 30
    assert trends["current"] == {"start": "2026-10-24", "end": "2026-11-22"}
    assert trends["previous"] == {"start": "2026-09-24", "end": "2026-10-23"}
    assert trends["sessions"] == change(1, 1, 0, 0.0)
    assert trends["new_profiles"] == change(1, 1, 0, 0.0)  # fa; ana joined 1 Oct


def test_an_empty_hub() -> None:
    data = compute_kpis(Hub(), AS_OF).to_json()
    assert data == {
        "as_of": "2026-11-22",
        "min_responses": 5,
        "people": {"mentors": 0, "mentees": 0, "peers": 0, "pairs": 0, "unpaired_mentees": 0,
                   "match_rate": None, "mentor_utilization": None},
        "capacity": {"total": 0, "used": 0, "utilization": None, "unstated": 0},
        "skills": [],
        "sessions": {"count": 0, "attendance": 0, "hours": 0.0, "by_month": {},
                     "satisfaction": None, "responses": 0, "responses_counted": 0},
        "stories": {"count": 0, "by_outcome": ZERO_OUTCOMES, "confidence_gain": None,
                    "confidence_responses": 0, "confidence_counted": 0, "rating": None,
                    "rating_responses": 0, "rating_counted": 0},
        "resources": {"count": 0, "by_kind": ZERO_KINDS, "skill_coverage": None,
                      "skills_in_demand": 0, "uncovered_skills": []},
        "trends": {
            "days": 90,
            "current": {"start": "2026-08-25", "end": "2026-11-22"},
            "previous": {"start": "2026-05-27", "end": "2026-08-24"},
            "sessions": change(0, 0, 0, None), "attendance": change(0, 0, 0, None),
            "hours": change(0.0, 0.0, 0.0, None), "stories": change(0, 0, 0, None),
            "new_profiles": None,
        },
        "groups": [],
    }


def test_a_hub_with_no_feedback() -> None:
    hub = small_hub()
    quiet = Hub(
        skills=hub.skills, people=hub.people, resources=hub.resources,
        sessions={k: session(k, s.date, group=s.group, attendance=s.attendance,
                             duration=s.duration) for k, s in hub.sessions.items()},
        stories={k: story(k, s.date, s.outcomes, group=s.group) for k, s in hub.stories.items()},
    )
    data = compute_kpis(quiet, AS_OF, min_responses=1).to_json()
    assert data["sessions"]["satisfaction"] is None
    assert data["sessions"]["responses"] == 0
    assert data["stories"]["confidence_gain"] is None
    assert data["stories"]["confidence_responses"] == 0
    assert [(g["satisfaction"], g["responses"]) for g in data["groups"]] == [(None, 0), (None, 0)]
    assert data["sessions"]["count"] == 4  # the sessions themselves still count
    assert data["sessions"]["hours"] == 3.25


def test_responses_without_a_rating_do_not_count() -> None:
    hub = Hub(skills=SKILLS, sessions=by_id(
        session("a", D(2026, 1, 1), feedback_responses=9),  # a count, no satisfaction
        session("b", D(2026, 1, 2), feedback_responses=4, satisfaction=4.0),
    ))
    data = compute_kpis(hub, AS_OF).to_json()
    assert data["sessions"]["responses"] == 4
    assert data["sessions"]["satisfaction"] is None


def test_mentee_peers_and_duplicates() -> None:
    """A mentee listing the same mentor twice is one pair; a peer's `mentors` are not pairs."""
    hub = Hub(skills=SKILLS, people=by_id(
        person("m", ("mentor",), offers=("python",), capacity=1),
        person("a", ("mentee",), seeks=("python", "python"), mentors=("m", "m")),
        person("p", ("peer",), mentors=("m",)),
    ))
    data = compute_kpis(hub, AS_OF).to_json()
    assert data["people"]["pairs"] == 1
    assert data["capacity"] == {"total": 1, "used": 1, "utilization": 1.0, "unstated": 0}
    assert [s["demand"] for s in data["skills"] if s["id"] == "python"] == [1]


def test_over_capacity_is_reported_as_it_is() -> None:
    hub = Hub(skills=SKILLS, people=by_id(
        person("m", ("mentor",), offers=("python",), capacity=1),
        person("a", ("mentee",), seeks=("python",), mentors=("m",)),
        person("b", ("mentee",), seeks=("python",), mentors=("m",)),
    ))
    assert compute_kpis(hub, AS_OF).to_json()["capacity"] == {
        "total": 1, "used": 2, "utilization": 2.0, "unstated": 0}


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="min_responses"):
        compute_kpis(Hub(), AS_OF, min_responses=0)
    with pytest.raises(ValueError, match="trend_days"):
        compute_kpis(Hub(), AS_OF, trend_days=0)


def test_json_text_is_sorted_and_stable() -> None:
    text = kpi_json_text(compute_kpis(small_hub(), AS_OF))
    assert text == kpi_json_text(compute_kpis(small_hub(), AS_OF))
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# -- the privacy rule on its own ------------------------------------------------------------


def test_withhold_adds_the_smallest_cell_when_one_is_hidden() -> None:
    cells = {"A": Tally(10, 40.0), "B": Tally(10, 30.0), "C": Tally(3, 15.0)}
    result = withhold(cells, Tally(23, 85.0), 5)
    assert result == {"A": Rated(10, None), "B": Rated(10, 3.0, 10), "C": Rated(3, None)}


def test_withhold_protects_records_outside_every_cell() -> None:
    # two ungrouped responses: publishing both groups would reveal them
    cells = {"A": Tally(10, 40.0), "B": Tally(6, 24.0)}
    result = withhold(cells, Tally(18, 70.0), 5)
    assert result == {"A": Rated(10, 4.0, 10), "B": Rated(6, None)}


def test_withhold_publishes_nothing_when_the_total_is_too_small() -> None:
    cells = {"A": Tally(4, 16.0)}
    assert withhold(cells, Tally(4, 16.0), 5) == {"A": Rated(4, None)}
    assert withhold({"A": Tally(4, 16.0)}, Tally(4, 16.0), 4) == {"A": Rated(4, 4.0, 4)}


@given(
    st.dictionaries(st.text("abc", min_size=1, max_size=3), st.integers(0, 12), max_size=6),
    st.integers(0, 12),
    st.integers(1, 8),
)
def test_no_hidden_mean_can_be_worked_out(cells: dict[str, int], outside: int, minimum: int) -> None:
    tallies = {k: Tally(n, 3.0 * n) for k, n in cells.items()}
    total = Tally(sum(cells.values()) + outside, 3.0 * (sum(cells.values()) + outside))
    result = withhold(tallies, total, minimum)
    published = [k for k, r in result.items() if r.value is not None]
    for key in published:
        assert cells[key] >= minimum  # nothing published rests on too few responses
    if total.responses >= minimum:
        # what the total minus the published cells reveals rests on none or enough responses
        hidden = total.responses - sum(cells[k] for k in published)
        assert hidden == 0 or hidden >= minimum
        # no more is withheld than needed: at most one cell that had enough responses, and
        # then one with the fewest of them
        extra = [k for k, r in result.items() if r.value is None and cells[k] >= minimum]
        assert len(extra) <= 1
        if extra:
            assert cells[extra[0]] == min(n for n in cells.values() if n >= minimum)
    else:
        assert published == []


# -- drafts, through the real loader ---------------------------------------------------------


PEOPLE = {
    "content/people/mia.md": MIA_MENTOR,
    "content/people/tea.md": TEA_MENTEE,
    "content/people/dora-draft.md": """\
        ---
        name: Dora Draft
        roles: [mentor, mentee]
        languages: [en]
        offers: [grant-writing]
        seeks: [public-speaking]
        capacity: 9
        consent: true
        draft: true
        joined: 2026-11-01
        ---
        """,
    "content/sessions/2026-11-01-published.md": """\
        ---
        title: Published
        date: 2026-11-01
        format: workshop
        group: Lab
        facilitators: [mia]
        topics: [python]
        attendance: 7
        duration: 30
        feedback: {responses: 5, satisfaction: 4.0}
        ---
        Notes.
        """,
    "content/sessions/2026-11-02-draft.md": """\
        ---
        title: Draft session
        date: 2026-11-02
        format: workshop
        group: Secret circle
        facilitators: [mia]
        topics: [python]
        attendance: 70
        feedback: {responses: 50, satisfaction: 1.0}
        draft: true
        ---
        Notes.
        """,
    "content/stories/draft-story.md": """\
        ---
        title: Draft story
        date: 2026-10-01
        summary: Not yet.
        outcomes: [promotion]
        confidence: {before: 1, after: 5}
        draft: true
        ---
        Text.
        """,
    "content/resources/draft-guide.md": """\
        ---
        title: Draft guide
        kind: guide
        summary: Not yet.
        topics: [grant-writing]
        authors: [mia]
        draft: true
        ---
        Text.
        """,
}


def test_drafts_count_nowhere(tmp_path: Path) -> None:
    project = write_project(tmp_path, PEOPLE)
    result = load_hub(project / "content", display_root=project)
    assert result.problems == []
    report = compute_kpis(result.hub, AS_OF)
    data = report.to_json()
    assert data["people"] == {"mentors": 1, "mentees": 1, "peers": 0, "pairs": 1,
                              "unpaired_mentees": 0, "match_rate": 1.0,
                              "mentor_utilization": 1.0}
    assert data["capacity"] == {"total": 2, "used": 1, "utilization": 0.5, "unstated": 0}
    assert {s["id"]: (s["supply"], s["demand"]) for s in data["skills"]} == {
        "grant-writing": (0, 1), "public-speaking": (0, 0), "python": (1, 1)}
    assert data["sessions"] == {"count": 1, "attendance": 7, "hours": 0.5,
                                "by_month": {"2026-11": 1}, "satisfaction": 4.0, "responses": 5,
                                "responses_counted": 5}
    assert data["stories"]["count"] == 0
    assert data["stories"]["confidence_responses"] == 0
    assert data["resources"]["count"] == 0
    assert data["resources"]["skill_coverage"] == 0.0
    assert data["trends"]["new_profiles"] == change(1, 0, 1, None)
    assert [g["name"] for g in data["groups"]] == ["Lab"]
    assert "Dora" not in kpi_json_text(report) and "Secret" not in kpi_json_text(report)
    thanks = recognise(result.hub, AS_OF)
    assert [(c.person, c.count) for c in thanks.facilitators] == [("mia", 1)]
    assert thanks.authors == ()


# -- recognition -------------------------------------------------------------------------------


def test_recognition_counts_each_kind_of_contribution() -> None:
    thanks = recognise(small_hub(), AS_OF)
    # s5 (after as_of) is not counted, so gu led nothing yet
    assert [(c.person, c.count) for c in thanks.facilitators] == [("ana", 4), ("cy", 1)]
    assert [(c.person, c.count) for c in thanks.mentors] == [("ana", 2), ("bo", 1)]
    # "Ana" is the exact name of one profile, so both resources are hers
    assert [(c.name, c.person, c.count) for c in thanks.authors] == [
        ("Ana", "ana", 2), ("Outside Writer", "", 1)]
    assert [(c.person, c.count) for c in thanks.storytellers] == [
        ("ana", 2), ("cy", 1), ("di", 1)]
    assert thanks.contributors == 5  # ana, bo, cy, di and Outside Writer, nobody twice
    # Authors known only by name (a foundation, a fund, someone without a profile) are
    # counted apart from the hub's members, never as people.
    assert (thanks.members, thanks.named) == (4, 1)


# -- rules found unguarded by mutation testing (docs/reference/mutation-testing.md) --------------------


def test_settings_at_their_lowest_are_accepted_and_below_refused_with_the_reason() -> None:
    assert compute_kpis(small_hub(), AS_OF, min_responses=1, trend_days=1).trend_days == 1
    with pytest.raises(ValueError, match=r"^min_responses must be at least 1$"):
        compute_kpis(Hub(), AS_OF, min_responses=0)
    with pytest.raises(ValueError, match=r"^trend_days must be at least 1$"):
        compute_kpis(Hub(), AS_OF, trend_days=0)


def test_records_dated_on_the_day_described_count() -> None:
    """`as_of` is inclusive: a session or story of that very day is in the figures."""
    on_the_day = compute_kpis(small_hub(), D(2026, 11, 10)).to_json()  # s1's date
    assert on_the_day["sessions"]["count"] == 4
    assert compute_kpis(small_hub(), D(2026, 11, 1)).to_json()["stories"]["count"] == 3  # t1's date


def test_a_group_page_names_its_first_and_latest_session() -> None:
    lab = next(g for g in compute_kpis(small_hub(), AS_OF).groups if g.name == "Lab")
    assert (lab.first, lab.latest) == (D(2026, 10, 1), D(2026, 11, 10))


def test_confidence_gain_is_after_minus_before_over_stories_that_give_both() -> None:
    stories = by_id(
        story("a", D(2026, 1, 1), ("other",), confidence_before=1, confidence_after=4),  # +3
        story("b", D(2026, 1, 2), ("other",), confidence_before=4, confidence_after=3),  # -1
        story("c", D(2026, 1, 3), ("other",), confidence_before=2),  # no after: left out
        story("d", D(2026, 1, 4), ("other",), confidence_after=5),  # no before: left out
    )
    data = compute_kpis(Hub(skills=SKILLS, stories=stories), AS_OF, min_responses=2).to_json()
    assert data["stories"]["confidence_gain"] == 1.0
    assert data["stories"]["confidence_responses"] == data["stories"]["confidence_counted"] == 2


def test_withhold_publishes_when_exactly_min_responses_are_left_over() -> None:
    """Left over = total − published cells: exactly `min_responses` is enough."""
    cells = {"A": Tally(10, 40.0), "B": Tally(5, 10.0)}
    assert withhold(cells, Tally(20, 65.0), 5) == {"A": Rated(10, 4.0, 10), "B": Rated(5, 2.0, 5)}


def test_a_published_figure_names_the_responses_it_rests_on() -> None:
    """Pages say "from N responses": the counted ones when shown, all of them when withheld."""
    assert Rated(9, 4.0, 6).behind == 6
    assert Rated(3, None).behind == 3
    assert len({Rated(9, 4.0, 6), Rated(9, 4.0, 6)}) == 1  # a value, not a mutable record
