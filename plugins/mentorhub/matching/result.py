"""Everything matching produces for one build, and `matches.json` in the contract's shape."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..hub.models import Hub
from .circles import Circle, propose_circles
from .cohort import Cohort, propose_cohort
from .context import MatchContext
from .explain import Explainer, Explanation
from .options import MatchOptions
from .peers import suggest_peers
from .preferences import PreferenceOutcome, preference_outcomes
from .suggest import MentorSuggestions, Suggestion, suggest_mentors


@dataclass(frozen=True)
class MatchResult:
    mentors_for: dict[str, tuple[Suggestion, ...]]  # mentee id → suggested mentors
    mentees_for: dict[str, tuple[Suggestion, ...]]  # mentor id → mentees they could help
    peers_for: dict[str, tuple[Suggestion, ...]]  # peer-pool member → suggested peers
    why_no_mentor: dict[str, Explanation]
    why_no_mentee: dict[str, Explanation]
    why_no_peer: dict[str, Explanation]
    circles: tuple[Circle, ...]
    cohort: Cohort  # the organizers' proposal: its pairs are among the mentees' suggestions
    preferences: dict[str, tuple[PreferenceOutcome, ...]]  # mentee id → preferred mentors' outcomes

    def circle_of(self, person_id: str) -> Circle | None:
        return self._member_of.get(person_id)

    def circles_led_by(self, person_id: str) -> list[Circle]:
        return self._led_by.get(person_id, [])

    # Lookups for profile pages, built once: a loop over circles per profile would be
    # people × circles on a large hub.
    @cached_property
    def _member_of(self) -> dict[str, Circle]:
        return {m: c for c in self.circles for m in c.members}

    @cached_property
    def _led_by(self) -> dict[str, list[Circle]]:
        led: dict[str, list[Circle]] = {}
        for circle in self.circles:
            if circle.facilitator:
                led.setdefault(circle.facilitator, []).append(circle)
        return led


def match_hub(hub: Hub, options: MatchOptions) -> MatchResult:
    """Suggestions, peers, circles and the cohort for a whole hub (pure: no files, no MkDocs)."""
    ctx = MatchContext(hub, options)
    explainer = Explainer(ctx)
    cohort = propose_cohort(ctx, explainer)
    mentors: MentorSuggestions = suggest_mentors(ctx, explainer, cohort)
    peers = suggest_peers(ctx, explainer)
    return MatchResult(
        mentors_for=mentors.mentors_for,
        mentees_for=mentors.mentees_for,
        peers_for=peers.peers_for,
        why_no_mentor=mentors.why_no_mentor,
        why_no_mentee=mentors.why_no_mentee,
        why_no_peer=peers.why_no_peer,
        circles=propose_circles(ctx),
        cohort=cohort,
        preferences=preference_outcomes(
            ctx, {m: {s.person for s in v} for m, v in mentors.mentors_for.items()}),
    )


def circle_record(circle: Circle) -> dict[str, Any]:
    return {
        "id": circle.id,
        "skill": circle.skill,
        "language": circle.language,
        "members": list(circle.members),
        "facilitator": circle.facilitator,
        "hours_apart": None if circle.spread is None else round(circle.spread / 60, 2),
    }


def matches_document(result: MatchResult) -> dict[str, Any]:
    """`matches.json`: {"mentees": {id: [{"mentor", "score", "reasons"}]}, "circles": […],
    "preferences": {id: [{"mentor", "outcome"}]}}."""
    return {
        "mentees": {
            mentee: [{"mentor": s.person, "score": s.score, "reasons": list(s.reasons)}
                     for s in suggestions]
            for mentee, suggestions in sorted(result.mentors_for.items())
        },
        "circles": [circle_record(c) for c in result.circles],
        "preferences": {
            mentee: [{"mentor": p.mentor, "outcome": p.outcome} for p in outcomes]
            for mentee, outcomes in sorted(result.preferences.items())
        },
    }


def matches_json(result: MatchResult) -> str:
    return json.dumps(matches_document(result), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
