"""Lifecycle figures of the programme from its relationship records: what `kpi.json`
and the Impact page publish under "Relationships".

Pure: validated relationships (+ the public `joined` dates) in, a frozen
:class:`Lifecycle` out. Every figure describes the records as of the settled date
(:func:`settled.settled_date`) and obeys the small-group rule: a count of 1..m-1 and a
share or median resting on fewer than m relationships are withheld (None).
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .kaplan_meier import at_risk_at, kaplan_meier, median_days, survival_at
from .models import NOT_PREMATURE, PARTIES, REASONS, Relationship
from .settings import CycleSettings
from .settled import settled_date, withhold_counts

RETENTION_MONTHS = (3, 6, 12)
CURVE_MONTHS = 24
DAYS_PER_MONTH = 365.25 / 12
RECENT_DAYS = 30  # "a check-in in the last 30 days"
RATE_DIGITS = 4


def month_days(months: int) -> int:
    return round(months * DAYS_PER_MONTH)


@dataclass(frozen=True)
class Period:
    label: str  # "2026-Q3"
    started: int | None
    ended: int | None


@dataclass(frozen=True)
class CurvePoint:
    month: int
    retention: float  # share still going, 0..1


@dataclass(frozen=True)
class Lifecycle:
    settled: dt.date  # the records' state the figures describe
    min_records: int
    relationships: int
    started: int | None
    active: int | None
    ended: int | None
    periods: tuple[Period, ...]
    median_months: float | None
    retention: dict[int, float | None]  # months → share still going
    curve: tuple[CurvePoint, ...]  # monthly, while at least min_records were followed
    premature_rate: float | None
    reasons: dict[str, int | None]
    initiated_by: dict[str, int | None]
    median_days_to_match: float | None
    matched_mentees: int
    cadence_share: float | None
    recent_checkin_share: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            # the month only: the exact day would date one start, closure or check-in
            "settled": self.settled.strftime("%Y-%m"),
            "min_records": self.min_records,
            "relationships": {"started": self.started, "active": self.active, "ended": self.ended},
            "by_period": [{"period": p.label, "started": p.started, "ended": p.ended}
                          for p in self.periods],
            "median_months": self.median_months,
            "retention": {f"{m}_months": v for m, v in self.retention.items()},
            "curve": [{"month": c.month, "retention": c.retention} for c in self.curve],
            "premature_closure_rate": self.premature_rate,
            "closure_reasons": self.reasons,
            "closure_initiated_by": self.initiated_by,
            "median_days_to_match": self.median_days_to_match,
            "checkins": {"meeting_cadence": self.cadence_share,
                         "active_with_recent_checkin": self.recent_checkin_share},
        }


def events(relationships: Iterable[Relationship]) -> list[dt.date]:
    """Every dated event in the records: starts, closures and check-ins."""
    found: list[dt.date] = []
    for r in relationships:
        found.append(r.started)
        if r.ended:
            found.append(r.ended)
        found.extend(c.date for c in r.checkins)
    return found


def compute_lifecycle(relationships: list[Relationship], joined: Mapping[str, dt.date],
                      settings: CycleSettings, *, as_of: dt.date, min_records: int) -> Lifecycle | None:
    """The published figures, or None while fewer than `min_records` events are recorded."""
    settled = settled_date(events(relationships), min_records, as_of)
    if settled is None:
        return None
    known = [_as_of(r, settled) for r in relationships if r.started <= settled]
    m = min_records
    ended = [r for r in known if r.ended is not None]
    observations = [((r.ended or settled) - r.started).days for r in known]
    survival_input = [(days, r.ended is not None) for days, r in zip(observations, known, strict=True)]
    steps = kaplan_meier(survival_input)
    enough = len(known) >= m
    median = median_days(steps) if enough else None
    if median is not None and at_risk_at(survival_input, median) < m:
        median = None
    retention = {months: _share_at(steps, survival_input, month_days(months), m) if enough else None
                 for months in RETENTION_MONTHS}
    curve = tuple(CurvePoint(month, value) for month in range(CURVE_MONTHS + 1)
                  if enough and (value := _share_at(steps, survival_input, month_days(month), m)) is not None)
    premature = [r for r in ended if _premature(r, settings)]
    closed = [r.closure for r in ended if r.closure]
    ended_total = len(ended)
    # started = active + ended: the two are withheld together, so neither can be worked out
    state = withhold_counts({"active": len(known) - ended_total, "ended": ended_total}, len(known), m)
    # every breakdown of the closures adds up to the ended total: hidden with it (-1: all hidden)
    closures = ended_total if state["ended"] is not None else -1
    return Lifecycle(
        settled=settled, min_records=m, relationships=len(known),
        started=_count(len(known), m), active=state["active"], ended=state["ended"],
        periods=_periods(known, closures, m),
        median_months=round(median / DAYS_PER_MONTH, 1) if median is not None else None,
        retention=retention, curve=curve,
        premature_rate=_rate(len(premature), closures, m),
        reasons=withhold_counts({reason: sum(1 for c in closed if c.reason == reason)
                                 for reason in REASONS}, closures, m),
        initiated_by=withhold_counts({who: sum(1 for c in closed if c.initiated_by == who)
                                      for who in PARTIES}, closures, m),
        median_days_to_match=_median_to_match(known, joined, m),
        matched_mentees=len({r.mentee for r in known if not r.circle}),
        cadence_share=_rate(sum(1 for r in known if meets_cadence(r, settled, settings)), len(known), m),
        recent_checkin_share=_rate(
            sum(1 for r in known if r.ended is None and (last := r.last_checkin()) is not None
                and (settled - last).days <= RECENT_DAYS),
            sum(1 for r in known if r.ended is None), m),
    )


def _as_of(relationship: Relationship, day: dt.date) -> Relationship:
    """The relationship as the records stood on `day`: later closures and check-ins left out."""
    ended = relationship.ended if relationship.ended and relationship.ended <= day else None
    return replace(relationship, ended=ended, closure=relationship.closure if ended else None,
                   checkins=tuple(c for c in relationship.checkins if c.date <= day))


def meets_cadence(relationship: Relationship, day: dt.date, settings: CycleSettings) -> bool:
    """Whether a relationship kept the check-in cadence up to `day` (or its end).

    At least `first_month_checkins` in its first 30 days (once it is 30 days old), and
    never more than `checkin_days` without one after that.
    """
    end = min(relationship.ended or day, day)
    start = relationship.started
    dates = [c.date for c in relationship.checkins if start <= c.date <= end]
    first_month_end = start + dt.timedelta(days=30)
    early = sum(1 for d in dates if d < first_month_end)
    if end >= first_month_end and early < settings.first_month_checkins:
        return False
    points = [start, *dates, end]
    return all((later - earlier).days <= settings.checkin_days
               for earlier, later in itertools.pairwise(points) if later > first_month_end)


def _premature(relationship: Relationship, settings: CycleSettings) -> bool:
    if relationship.ended is None or relationship.closure is None:
        return False
    if relationship.closure.reason in NOT_PREMATURE:
        return False
    commitment = relationship.planned_end or (
        relationship.started + dt.timedelta(days=month_days(settings.commitment_months)))
    return relationship.ended < commitment


def _share_at(steps: list[Any], observations: list[tuple[int, bool]], day: int, m: int) -> float | None:
    if at_risk_at(observations, day) < m:
        return None
    return round(survival_at(steps, day), RATE_DIGITS) + 0.0


def _count(count: int, m: int) -> int | None:
    return count if count == 0 or count >= m else None


def _rate(part: int, whole: int, m: int) -> float | None:  # whole < m (or -1): withheld
    return round(part / whole, RATE_DIGITS) + 0.0 if whole >= m else None


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _periods(known: list[Relationship], ended_total: int, m: int) -> tuple[Period, ...]:
    labels = sorted({_quarter(r.started) for r in known} | {_quarter(r.ended) for r in known if r.ended})
    started = withhold_counts({q: sum(1 for r in known if _quarter(r.started) == q) for q in labels},
                              len(known), m)
    ended = withhold_counts({q: sum(1 for r in known if r.ended and _quarter(r.ended) == q)
                             for q in labels}, ended_total, m)
    return tuple(Period(q, started[q], ended[q]) for q in labels)


def _median_to_match(known: list[Relationship], joined: Mapping[str, dt.date], m: int) -> float | None:
    first: dict[str, dt.date] = {}
    for r in known:
        if not r.circle and (r.mentee not in first or r.started < first[r.mentee]):
            first[r.mentee] = r.started
    waits = [(day - joined[mentee]).days for mentee, day in first.items()
             if mentee in joined and joined[mentee] <= day]
    return float(statistics.median(waits)) if len(waits) >= m else None
