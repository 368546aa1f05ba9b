"""Matching options: the knobs a hub turns in `mkdocs.yml`, with their defaults in one place.

The MkDocs plugin and the `mentorhub match` command both build a `MatchOptions`
from these defaults, so a suggestion on the site and one printed in a terminal
always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import ENGLISH, Localizer
from .features import SCALE

DEFAULT_TOP_K = 3
DEFAULT_STALE_AFTER_DAYS = 365
DEFAULT_EXPOSURE_PER_PLACE = 3
DEFAULT_EXPOSURE_MIN = 3
DEFAULT_CIRCLE_MIN = 3
DEFAULT_CIRCLE_MAX = 6
DEFAULT_CIRCLE_MAX_HOURS_APART = 10.0
#: Most circles one mentor is proposed to facilitate: spreads the load over mentors.
DEFAULT_CIRCLE_MAX_PER_FACILITATOR = 2
DEFAULT_WEIGHTS = {"skills": 0.6, "timezone": 0.25, "formats": 0.15}
#: The cohort's objective: "max-pairs" (most pairs, then best total score) or
#: "stable-grown" (the stable matching grown by augmenting paths); see cohort.py.
DEFAULT_COHORT_OBJECTIVE = "max-pairs"
COHORT_OBJECTIVES = ("max-pairs", "stable-grown")


@dataclass(frozen=True)
class Weights:
    """How much each part of a score counts; only their ratios matter."""

    skills: float = DEFAULT_WEIGHTS["skills"]
    timezone: float = DEFAULT_WEIGHTS["timezone"]
    formats: float = DEFAULT_WEIGHTS["formats"]

    def thousandths(self) -> tuple[int, int, int]:
        """The weights as whole thousandths summing to exactly 1000 (largest remainder).

        Scores are sums of whole points, so every score is an exact multiple of 0.001,
        ties are real ties (broken by id) and no float noise reorders suggestions.
        """
        raw = (self.skills, self.timezone, self.formats)
        total = sum(raw)
        exact = [w * SCALE / total for w in raw]
        points = [int(x) for x in exact]
        by_remainder = sorted(range(3), key=lambda i: (-(exact[i] - points[i]), i))
        for i in by_remainder[: SCALE - sum(points)]:
            points[i] += 1
        return points[0], points[1], points[2]


@dataclass(frozen=True)
class MatchOptions:
    """Everything that changes a suggestion, a circle or the cohort."""

    today: dt.date
    top_k: int = DEFAULT_TOP_K
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    weights: Weights = field(default_factory=Weights)
    exposure_per_place: int = DEFAULT_EXPOSURE_PER_PLACE
    exposure_min: int = DEFAULT_EXPOSURE_MIN
    circle_min: int = DEFAULT_CIRCLE_MIN
    circle_max: int = DEFAULT_CIRCLE_MAX
    circle_max_hours_apart: float = DEFAULT_CIRCLE_MAX_HOURS_APART
    cohort_objective: str = DEFAULT_COHORT_OBJECTIVE
    circle_max_per_facilitator: int = DEFAULT_CIRCLE_MAX_PER_FACILITATOR
    #: From content/matching.yml (controls.py): (mentee, mentor) pairs always proposed
    #: in the cohort, and pairs never suggested nor proposed.
    pinned: tuple[tuple[str, str], ...] = ()
    blocked: frozenset[tuple[str, str]] = frozenset()
    #: The words of reasons and explanations: the site's UI language (docs/guide/languages.md).
    i18n: Localizer = field(default=ENGLISH, compare=False)

    def exposure_cap(self, free_places: int) -> int:
        """Most suggestion lists one mentor may appear in: max(min, per_place × free places).

        Never below the free places themselves, so a mentor the cohort proposal gives
        to several mentees can be shown to each of them.
        """
        return max(self.exposure_min, self.exposure_per_place * free_places, free_places)

    def problems(self) -> list[str]:
        """What is wrong with these options, in words (empty when they are usable)."""
        found: list[str] = []
        w = self.weights
        if min(w.skills, w.timezone, w.formats) < 0:
            found.append("weights: every weight must be 0 or more")
        elif w.skills + w.timezone + w.formats <= 0:
            found.append("weights: at least one weight must be more than 0")
        if self.top_k < 1:
            found.append("top_k: must be at least 1")
        if self.stale_after_days < 0:
            found.append("stale_after_days: must be 0 or more")
        if self.exposure_min < 1:
            found.append("exposure_min: must be at least 1 (an open mentor must be shown somewhere)")
        if self.exposure_per_place < 0:
            found.append("exposure_per_place: must be 0 or more")
        if self.circle_min < 2:
            found.append("circle_min_size: a circle needs at least 2 people")
        if self.circle_max < self.circle_min:
            found.append("circle_max_size: must be at least circle_min_size")
        if not 0 <= self.circle_max_hours_apart <= 12:
            found.append("circle_max_hours_apart: must be between 0 and 12")
        if self.circle_max_per_facilitator < 1:
            found.append("circle_max_per_facilitator: must be at least 1")
        if self.cohort_objective not in COHORT_OBJECTIVES:
            found.append(f"cohort_objective: must be one of {', '.join(COHORT_OBJECTIVES)}")
        return found


#: Option names as written under `- mentorhub-matching:` in mkdocs.yml.
SETTING_NAMES = (
    "top_k", "stale_after_days", "weights", "exposure_per_place", "exposure_min",
    "circle_min_size", "circle_max_size", "circle_max_hours_apart", "reports_dir",
    "cohort_objective", "circle_max_per_facilitator",
)


def options_from_settings(today: dt.date, settings: Mapping[str, Any],
                          hub_stale_after_days: int = DEFAULT_STALE_AFTER_DAYS) -> MatchOptions:
    """Options from the plugin's mkdocs.yml settings (plain data); raises ValueError on bad input.

    Used by the command line, which reads mkdocs.yml without MkDocs; the plugin gets
    the same values through its typed config.
    """
    unknown = sorted(set(settings) - set(SETTING_NAMES))
    if unknown:
        raise ValueError(f"unknown mentorhub-matching option(s): {', '.join(unknown)}")
    weights = settings.get("weights") or {}
    if not isinstance(weights, Mapping) or set(weights) - set(DEFAULT_WEIGHTS):
        raise ValueError("weights: expected a map with skills, timezone and formats")
    stale = settings.get("stale_after_days")
    options = MatchOptions(
        today=today,
        top_k=_int(settings, "top_k", DEFAULT_TOP_K),
        stale_after_days=hub_stale_after_days if stale is None else _int(settings, "stale_after_days", 0),
        weights=Weights(**{k: _number(weights, k, v) for k, v in DEFAULT_WEIGHTS.items()}),
        exposure_per_place=_int(settings, "exposure_per_place", DEFAULT_EXPOSURE_PER_PLACE),
        exposure_min=_int(settings, "exposure_min", DEFAULT_EXPOSURE_MIN),
        circle_min=_int(settings, "circle_min_size", DEFAULT_CIRCLE_MIN),
        circle_max=_int(settings, "circle_max_size", DEFAULT_CIRCLE_MAX),
        circle_max_hours_apart=_number(settings, "circle_max_hours_apart",
                                       DEFAULT_CIRCLE_MAX_HOURS_APART),
        cohort_objective=str(settings.get("cohort_objective", DEFAULT_COHORT_OBJECTIVE)),
        circle_max_per_facilitator=_int(settings, "circle_max_per_facilitator",
                                        DEFAULT_CIRCLE_MAX_PER_FACILITATOR),
    )
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    return options


def _int(settings: Mapping[str, Any], name: str, default: int) -> int:
    value = settings.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    return value


def _number(settings: Mapping[str, Any], name: str, default: float) -> float:
    value = settings.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name}: expected a number, got {value!r}")
    return float(value)
