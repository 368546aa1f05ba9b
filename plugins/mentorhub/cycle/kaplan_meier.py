"""Kaplan–Meier survival for relationship lengths, ongoing relationships censored.

A plain average of the relationships that have ended is biased towards short ones
(the long ones have not ended yet); Kaplan–Meier uses every relationship for as long
as it has been followed. Times are whole days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """The survival just after `day`, and how many were followed up to `day`."""

    day: int
    survival: float
    at_risk: int
    events: int


def kaplan_meier(observations: Iterable[tuple[int, bool]]) -> list[Step]:
    """Steps of the survival curve from (days followed, ended) pairs; one step per event day.

    A relationship censored on a day counts as at risk on that day (the usual convention:
    censoring happens after that day's events).
    """
    ended: Counter[int] = Counter()
    leaving: Counter[int] = Counter()
    count = 0
    for days, event in observations:
        if days < 0:
            raise ValueError("a relationship cannot last a negative number of days")
        count += 1
        leaving[days] += 1
        if event:
            ended[days] += 1
    steps, survival, at_risk = [], 1.0, count
    for day in sorted(leaving):
        if ended[day]:
            survival *= 1 - ended[day] / at_risk
            steps.append(Step(day, survival, at_risk, ended[day]))
        at_risk -= leaving[day]
    return steps


def survival_at(steps: list[Step], day: int) -> float:
    """S(day): the share still going after `day` days."""
    survival = 1.0
    for step in steps:
        if step.day > day:
            break
        survival = step.survival
    return survival


def at_risk_at(observations: list[tuple[int, bool]], day: int) -> int:
    """How many were followed for at least `day` days (the support behind S(day))."""
    return sum(1 for days, _ in observations if days >= day)


def median_days(steps: list[Step]) -> int | None:
    """The first day on which survival falls to one half or below; None if it never does."""
    return next((step.day for step in steps if step.survival <= 0.5 + 1e-12), None)
