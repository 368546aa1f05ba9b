"""Key performance indicators of a hub, as of a date: the figures behind `kpi.json`.

Pure: takes a validated :class:`Hub` and returns a frozen :class:`KpiReport`, so
the same numbers come out of `mkdocs build`, `mentorhub kpi` and the tests.

Profiles have no history, so people, pairs, capacity and skills describe the
profiles as they are. Dated records (sessions, stories) count only when dated on
or before `as_of`, so a report for an earlier date leaves out what came after it.

Small-group privacy: a mean of ratings (session satisfaction, confidence gain)
rests only on settled responses (:mod:`.settled`): per group, in date order, in
runs of at least `min_responses`, so that a mean moves between two builds only when
that many new responses stand behind the change. A mean with nothing settled is
withheld (`None`). Breakdowns also withhold enough further cells that no withheld
mean can be worked out by subtracting the published ones from the total (see
:func:`withhold`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ..hub.models import Hub, Person, Session, Story
from ..hub.schema import OUTCOMES, RESOURCE_KINDS
from ..site.urls import unique_slugs
from .settled import Tally, settle_cells

K = TypeVar("K", bound=Hashable)

DEFAULT_MIN_RESPONSES = 5
DEFAULT_TREND_DAYS = 90
RATE_DIGITS = 4  # 0.6667: precise enough for a share, short enough to read
MEAN_DIGITS = 2  # ratings are on a 1–5 scale


@dataclass(frozen=True)
class Rated:
    """A published mean: `value` is None when withheld (too few responses) or there are none.

    `responses` counts every response; `counted` those the published value rests on
    (its settled atoms, see :mod:`.settled`), 0 when withheld.
    """

    responses: int
    value: float | None
    counted: int = 0

    @property
    def withheld(self) -> bool:
        return self.value is None

    @property
    def behind(self) -> int:
        """The responses a page names beside the figure: those counted, or all when withheld."""
        return self.responses if self.value is None else self.counted


@dataclass(frozen=True)
class PeopleKpis:
    mentors: int
    mentees: int
    peers: int
    pairs: int
    unpaired_mentees: int
    match_rate: float | None
    mentor_utilization: float | None


@dataclass(frozen=True)
class CapacityKpis:
    total: int  # stated capacities only: an unstated one is not counted as 1
    used: int
    utilization: float | None
    unstated: int = 0  # mentors taking mentees who gave no capacity


@dataclass(frozen=True)
class SkillBalance:
    id: str
    label: str
    supply: int
    demand: int
    gap: int
    resources: int  # published resources whose topics cover it


@dataclass(frozen=True)
class SessionKpis:
    count: int
    attendance: int
    hours: float
    by_month: dict[str, int]  # "YYYY-MM" → sessions, months with at least one
    satisfaction: Rated


@dataclass(frozen=True)
class StoryKpis:
    count: int
    by_outcome: dict[str, int]  # every outcome of the vocabulary, zeros included
    confidence_gain: Rated
    rating: Rated = Rated(0, None)  # mean story rating (1-5), under the small-group rule


@dataclass(frozen=True)
class ResourceKpis:
    count: int
    by_kind: dict[str, int]  # every kind of the vocabulary, zeros included
    skill_coverage: float | None
    in_demand: int  # skills some mentee seeks
    uncovered: tuple[str, ...]  # ids of in-demand skills no resource covers


@dataclass(frozen=True)
class Change:
    """One measure in the latest period and the period before it."""

    current: float
    previous: float

    @property
    def change(self) -> float:
        difference = self.current - self.previous
        # counts stay whole numbers; hours are rounded like everywhere else
        return difference if isinstance(difference, int) else _round(difference, MEAN_DIGITS)

    @property
    def percent(self) -> float | None:
        """Relative change (0.5 = up by half); None when there was nothing before."""
        if not self.previous:
            return None
        return _round((self.current - self.previous) / self.previous, RATE_DIGITS)


@dataclass(frozen=True)
class Trends:
    days: int
    current_start: dt.date
    previous_start: dt.date
    previous_end: dt.date
    sessions: Change
    attendance: Change
    hours: Change
    stories: Change
    new_profiles: Change | None  # None when no profile gives a `joined` date


@dataclass(frozen=True)
class GroupKpis:
    name: str
    slug: str
    sessions: int
    attendance: int
    hours: float
    satisfaction: Rated
    stories: int
    confidence_gain: Rated
    by_month: dict[str, int]  # "YYYY-MM" → sessions, months with at least one
    first: dt.date | None  # first and latest session
    latest: dt.date | None


@dataclass(frozen=True)
class KpiReport:
    as_of: dt.date
    min_responses: int
    trend_days: int
    people: PeopleKpis
    capacity: CapacityKpis
    skills: tuple[SkillBalance, ...]  # by id
    sessions: SessionKpis
    stories: StoryKpis
    resources: ResourceKpis
    trends: Trends
    groups: tuple[GroupKpis, ...]  # by name

    def to_json(self) -> dict[str, Any]:
        """The `kpi.json` document: the contract's keys plus a few helpful extras."""
        trends = self.trends
        return {
            "as_of": self.as_of.isoformat(),
            "min_responses": self.min_responses,
            "people": {
                "mentors": self.people.mentors,
                "mentees": self.people.mentees,
                "peers": self.people.peers,
                "pairs": self.people.pairs,
                "unpaired_mentees": self.people.unpaired_mentees,
                "match_rate": self.people.match_rate,
                "mentor_utilization": self.people.mentor_utilization,
            },
            "capacity": {
                "total": self.capacity.total,
                "used": self.capacity.used,
                "utilization": self.capacity.utilization,
                "unstated": self.capacity.unstated,
            },
            "skills": [
                {"id": s.id, "label": s.label, "supply": s.supply, "demand": s.demand,
                 "gap": s.gap, "resources": s.resources}
                for s in self.skills
            ],
            "sessions": {
                "count": self.sessions.count,
                "attendance": self.sessions.attendance,
                "hours": self.sessions.hours,
                "by_month": dict(self.sessions.by_month),
                "satisfaction": self.sessions.satisfaction.value,
                "responses": self.sessions.satisfaction.responses,
                "responses_counted": self.sessions.satisfaction.counted,
            },
            "stories": {
                "count": self.stories.count,
                "by_outcome": dict(self.stories.by_outcome),
                "confidence_gain": self.stories.confidence_gain.value,
                "confidence_responses": self.stories.confidence_gain.responses,
                "confidence_counted": self.stories.confidence_gain.counted,
                "rating": self.stories.rating.value,
                "rating_responses": self.stories.rating.responses,
                "rating_counted": self.stories.rating.counted,
            },
            "resources": {
                "count": self.resources.count,
                "by_kind": dict(self.resources.by_kind),
                "skill_coverage": self.resources.skill_coverage,
                "skills_in_demand": self.resources.in_demand,
                "uncovered_skills": list(self.resources.uncovered),
            },
            "trends": {
                "days": trends.days,
                "current": {"start": trends.current_start.isoformat(), "end": self.as_of.isoformat()},
                "previous": {"start": trends.previous_start.isoformat(),
                             "end": trends.previous_end.isoformat()},
                "sessions": _change_json(trends.sessions),
                "attendance": _change_json(trends.attendance),
                "hours": _change_json(trends.hours),
                "stories": _change_json(trends.stories),
                "new_profiles": _change_json(trends.new_profiles) if trends.new_profiles else None,
            },
            "groups": [
                {"name": g.name, "slug": g.slug, "sessions": g.sessions, "attendance": g.attendance,
                 "hours": g.hours, "satisfaction": g.satisfaction.value,
                 "responses": g.satisfaction.responses,
                 "responses_counted": g.satisfaction.counted, "stories": g.stories,
                 "confidence_gain": g.confidence_gain.value,
                 "confidence_responses": g.confidence_gain.responses,
                 "confidence_counted": g.confidence_gain.counted,
                 "by_month": dict(g.by_month)}
                for g in self.groups
            ],
        }


def compute_kpis(
    hub: Hub,
    as_of: dt.date,
    *,
    min_responses: int = DEFAULT_MIN_RESPONSES,
    trend_days: int = DEFAULT_TREND_DAYS,
) -> KpiReport:
    """Every KPI of the contract over `hub`'s published content, as of `as_of`."""
    if min_responses < 1:
        raise ValueError("min_responses must be at least 1")
    if trend_days < 1:
        raise ValueError("trend_days must be at least 1")
    sessions = sorted((s for s in hub.sessions.values() if s.date <= as_of), key=lambda s: s.id)
    stories = sorted((s for s in hub.stories.values() if s.date <= as_of), key=lambda s: s.id)
    skills = _skills(hub)
    # Responses settled per group (the finest breakdown published), see settled.py.
    satisfaction = settle_cells(sessions, cell=_group_of, tally=_satisfaction, order=_dated,
                                min_responses=min_responses)
    confidence = settle_cells(stories, cell=_group_of, tally=_confidence, order=_dated,
                              min_responses=min_responses)
    ratings = settle_cells(stories, cell=_group_of, tally=_rating, order=_dated,
                           min_responses=min_responses)
    return KpiReport(
        as_of=as_of,
        min_responses=min_responses,
        trend_days=trend_days,
        people=_people(hub),
        capacity=_capacity(hub),
        skills=skills,
        sessions=_sessions(sessions, satisfaction, min_responses),
        stories=_stories(stories, confidence, ratings, min_responses),
        resources=_resources(hub, skills),
        trends=_trends(hub, sessions, stories, as_of, trend_days),
        groups=_groups(sessions, stories, satisfaction, confidence, min_responses),
    )


# -- people, capacity, skills: counted from public profiles, published as they are ---------


def _pairs(hub: Hub) -> set[tuple[str, str]]:
    """Active (mentee, mentor) pairs, from mentees' `mentors` lists."""
    return {(m.id, mentor) for m in hub.mentees() for mentor in m.mentors}


def _people(hub: Hub) -> PeopleKpis:
    mentors = list(hub.mentors())
    mentees = list(hub.mentees())
    pairs = _pairs(hub)
    paired = {mentee for mentee, _ in pairs}
    mentoring = {mentor for _, mentor in pairs}
    return PeopleKpis(
        mentors=len(mentors),
        mentees=len(mentees),
        peers=sum(1 for _ in hub.peers()),
        pairs=len(pairs),
        unpaired_mentees=sum(1 for m in mentees if m.id not in paired),
        match_rate=_rate(len(paired), len(mentees)),
        mentor_utilization=_rate(sum(1 for m in mentors if m.id in mentoring), len(mentors)),
    )


def _taking_mentees(person: Person) -> bool:
    return person.is_mentor and person.takes_mentees


def _capacity(hub: Hub) -> CapacityKpis:
    open_mentors = {p.id: p for p in hub.mentors() if _taking_mentees(p)}
    # No invented number: a mentor who stated no capacity adds nothing to the total, nor
    # their pairs to `used`, so utilization compares like with like; `unstated` says how many.
    stated = {i for i, p in open_mentors.items() if p.capacity_stated}
    total = sum(open_mentors[i].capacity for i in stated)
    used = sum(1 for _, mentor in _pairs(hub) if mentor in stated)
    return CapacityKpis(total=total, used=used, utilization=_rate(used, total),
                        unstated=len(open_mentors) - len(stated))


def _skills(hub: Hub) -> tuple[SkillBalance, ...]:
    supply: dict[str, int] = {}
    demand: dict[str, int] = {}
    covered: dict[str, int] = {}
    for person in hub.people.values():
        if _taking_mentees(person):
            for skill in set(person.offers):
                supply[skill] = supply.get(skill, 0) + 1
        if person.is_mentee:
            for skill in set(person.seeks):
                demand[skill] = demand.get(skill, 0) + 1
    for resource in hub.resources.values():
        for skill in set(resource.topics):
            covered[skill] = covered.get(skill, 0) + 1
    return tuple(
        SkillBalance(
            id=skill.id, label=skill.label, supply=supply.get(skill.id, 0),
            demand=demand.get(skill.id, 0), gap=demand.get(skill.id, 0) - supply.get(skill.id, 0),
            resources=covered.get(skill.id, 0),
        )
        for skill in sorted(hub.skills.values(), key=lambda s: s.id)
    )


def _resources(hub: Hub, skills: tuple[SkillBalance, ...]) -> ResourceKpis:
    by_kind = dict.fromkeys(sorted(RESOURCE_KINDS), 0)
    for resource in hub.resources.values():
        by_kind[resource.kind] = by_kind.get(resource.kind, 0) + 1
    in_demand = [s for s in skills if s.demand > 0]
    uncovered = tuple(s.id for s in in_demand if not s.resources)
    return ResourceKpis(
        count=len(hub.resources),
        by_kind=by_kind,
        skill_coverage=_rate(len(in_demand) - len(uncovered), len(in_demand)),
        in_demand=len(in_demand),
        uncovered=uncovered,
    )


# -- sessions and stories: dated records, with privacy on ratings ---------------------------


def _satisfaction(session: Session) -> Tally:
    """Responses that gave a satisfaction rating, weighted by their count."""
    if session.satisfaction is None or not session.feedback_responses:
        return Tally()
    return Tally(session.feedback_responses, session.feedback_responses * session.satisfaction)


def _confidence(story: Story) -> Tally:
    if story.confidence_before is None or story.confidence_after is None:
        return Tally()
    return Tally(1, float(story.confidence_after - story.confidence_before))


def _rating(story: Story) -> Tally:
    return Tally() if story.rating is None else Tally(1, float(story.rating))


def _dated(record: Session | Story) -> tuple[dt.date, str]:
    return (record.date, record.id)


def _group_of(record: Session | Story) -> str:
    return record.group


def _hours(sessions: Iterable[Session]) -> float:
    return _round(sum(s.duration or 0 for s in sessions) / 60, MEAN_DIGITS)


def _by_month(sessions: Iterable[Session]) -> dict[str, int]:
    by_month: dict[str, int] = {}
    for session in sessions:
        month = session.date.strftime("%Y-%m")
        by_month[month] = by_month.get(month, 0) + 1
    return dict(sorted(by_month.items()))


def _sessions(sessions: list[Session], settled: Mapping[str, Tally], min_responses: int) -> SessionKpis:
    return SessionKpis(
        count=len(sessions),
        attendance=sum(s.attendance for s in sessions),
        hours=_hours(sessions),
        by_month=_by_month(sessions),
        satisfaction=_publish(sum((_satisfaction(s) for s in sessions), Tally()),
                              sum(settled.values(), Tally()), min_responses),
    )


def _stories(stories: list[Story], settled: Mapping[str, Tally], ratings: Mapping[str, Tally],
             min_responses: int) -> StoryKpis:
    by_outcome = dict.fromkeys(sorted(OUTCOMES), 0)
    for story in stories:
        for outcome in set(story.outcomes):
            by_outcome[outcome] = by_outcome.get(outcome, 0) + 1
    return StoryKpis(
        count=len(stories),
        by_outcome=by_outcome,
        confidence_gain=_publish(sum((_confidence(s) for s in stories), Tally()),
                                 sum(settled.values(), Tally()), min_responses),
        rating=_publish(sum((_rating(s) for s in stories), Tally()),
                        sum(ratings.values(), Tally()), min_responses),
    )


def _groups(sessions: list[Session], stories: list[Story], settled_satisfaction: Mapping[str, Tally],
            settled_confidence: Mapping[str, Tally], min_responses: int) -> tuple[GroupKpis, ...]:
    """Per-group figures over settled responses; no hidden group can be worked out."""
    names = sorted({s.group for s in sessions if s.group} | {s.group for s in stories if s.group})
    slugs = unique_slugs(names)
    in_group: dict[str, list[Session]] = {name: [] for name in names}
    for session in sessions:
        if session.group:
            in_group[session.group].append(session)
    stories_in: dict[str, list[Story]] = {name: [] for name in names}
    for story in stories:
        if story.group:
            stories_in[story.group].append(story)
    satisfaction = _withhold_settled(
        {n: sum((_satisfaction(s) for s in in_group[n]), Tally()) for n in names},
        settled_satisfaction, min_responses)
    confidence = _withhold_settled(
        {n: sum((_confidence(s) for s in stories_in[n]), Tally()) for n in names},
        settled_confidence, min_responses)
    return tuple(
        GroupKpis(
            name=name, slug=slugs[name], sessions=len(in_group[name]),
            attendance=sum(s.attendance for s in in_group[name]), hours=_hours(in_group[name]),
            satisfaction=satisfaction[name], stories=len(stories_in[name]),
            confidence_gain=confidence[name], by_month=_by_month(in_group[name]),
            first=min((s.date for s in in_group[name]), default=None),
            latest=max((s.date for s in in_group[name]), default=None),
        )
        for name in names
    )


def withhold(cells: Mapping[K, Tally], total: Tally, min_responses: int) -> dict[K, Rated]:
    """Publish each cell's mean only where that cannot reveal a mean of too few responses.

    `total` covers every cell plus anything outside them (e.g. sessions with no
    group) and is published on its own when it has enough responses. A cell under
    the threshold is withheld (primary suppression). Then, because anyone can
    subtract the published cells from the total, the responses left over must be
    none or at least `min_responses`; while they are not, the published cell with
    the fewest responses (ties by key) is withheld too (complementary suppression).
    """
    published = {k for k, t in cells.items() if t.responses >= min_responses}
    if total.responses < min_responses:
        published.clear()
    while published:
        hidden = total.responses - sum(cells[k].responses for k in published)
        if hidden == 0 or hidden >= min_responses:
            break
        published.remove(min(published, key=lambda k: (cells[k].responses, str(k))))
    return {k: _rated(t, t, k in published) for k, t in cells.items()}


def _withhold_settled(raw: Mapping[str, Tally], settled: Mapping[str, Tally],
                      min_responses: int) -> dict[str, Rated]:
    """:func:`withhold` over the groups' settled tallies; `responses` still counts all of them.

    The total is every cell's settled tally, ungrouped records ("") included.
    """
    cells = {name: settled.get(name, Tally()) for name in raw}
    shown = withhold(cells, sum(settled.values(), Tally()), min_responses)
    return {name: _rated(raw[name], cells[name], not shown[name].withheld) for name in raw}


def _publish(raw: Tally, settled: Tally, min_responses: int) -> Rated:
    return _rated(raw, settled, settled.responses >= min_responses)


def _rated(raw: Tally, settled: Tally, publish: bool) -> Rated:
    """The mean of `settled` if `publish`, beside the count of every response (`raw`)."""
    mean = settled.mean
    if not publish or mean is None:
        return Rated(raw.responses, None)
    return Rated(raw.responses, _round(mean, MEAN_DIGITS), settled.responses)


# -- trends ------------------------------------------------------------------------------


def _trends(hub: Hub, sessions: list[Session], stories: list[Story],
            as_of: dt.date, days: int) -> Trends:
    """The latest `days` days (ending on `as_of`) against the `days` before them."""
    current_start = as_of - dt.timedelta(days=days - 1)
    previous_end = current_start - dt.timedelta(days=1)
    previous_start = previous_end - dt.timedelta(days=days - 1)

    def split(dates: Iterable[dt.date]) -> tuple[list[dt.date], list[dt.date]]:
        dates = list(dates)
        return ([d for d in dates if current_start <= d <= as_of],
                [d for d in dates if previous_start <= d <= previous_end])

    now = [s for s in sessions if current_start <= s.date <= as_of]
    before = [s for s in sessions if previous_start <= s.date <= previous_end]
    story_now, story_before = split(s.date for s in stories)
    joined = [p.joined for p in hub.people.values() if p.joined is not None]
    joined_now, joined_before = split(joined)
    return Trends(
        days=days, current_start=current_start,
        previous_start=previous_start, previous_end=previous_end,
        sessions=Change(len(now), len(before)),
        attendance=Change(sum(s.attendance for s in now), sum(s.attendance for s in before)),
        hours=Change(_hours(now), _hours(before)),
        stories=Change(len(story_now), len(story_before)),
        new_profiles=Change(len(joined_now), len(joined_before)) if joined else None,
    )


# -- helpers ---------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return _round(part / whole, RATE_DIGITS) if whole else None


def _round(value: float, digits: int) -> float:
    # `+ 0.0` turns -0.0 into 0.0, which would otherwise print as "-0.0" in JSON
    return round(value, digits) + 0.0


def _change_json(change: Change) -> dict[str, Any]:
    return {"current": change.current, "previous": change.previous,
            "change": change.change, "percent": change.percent}


def kpi_json_text(report: KpiReport) -> str:
    """`kpi.json` as written to the site: sorted keys, so the same report gives the same bytes."""
    return json.dumps(report.to_json(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
