"""Mentee preferences (`prefers:`): what became of each preferred mentor, in words.

The cohort honours preferences right after the number of pairs (cohort.py), and
suggestions show preferred mentors first (suggest.py); this module says, for each
preferred mentor, what happened — and flags a preference that can never be met
(no shared skill or language) as a problem on the mentee's file.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..hub.models import Person
from ..hub.problems import Problem
from ..hub.quoting import quote
from ..i18n import ENGLISH, Localizer
from .context import CLOSED, FULL, INACTIVE, MatchContext
from .graph import Edges, Ints
from .reasons import join_words, language_names

SUGGESTED = "suggested"


@dataclass(frozen=True)
class PreferenceOutcome:
    mentor: str
    outcome: str  # in words, in the site's language: "suggested", "has no free place right now", …


def ineligible(ctx: MatchContext, mentee: Person, mentor: Person,
               i18n: Localizer = ENGLISH) -> str | None:
    """Why this pair can never be suggested whatever the build date, or None.

    In `i18n`'s words: the site's language on a profile, English in a content problem
    (problems are for contributors and CI logs, like every other content problem).
    """
    _ = i18n.gettext
    if not mentor.is_mentor:
        return _("is not a mentor")
    if not set(mentee.seeks) & set(mentor.offers):
        offers = join_words([ctx.skill(s).label for s in mentor.offers], i18n=i18n)
        if not offers:
            return _("offers none of what you seek (offers nothing yet)")
        return _("offers none of what you seek (offers %(skills)s)", skills=offers)
    if not set(mentee.languages) & set(mentor.languages):
        languages = join_words(language_names(mentor.languages, i18n), i18n=i18n)
        return _("speaks no language you speak (speaks %(languages)s)", languages=languages)
    return None


def outcome_of(ctx: MatchContext, mentee: Person, mentor_id: str, suggested: set[str]) -> str:
    i18n = ctx.options.i18n
    _ = i18n.gettext
    mentor = ctx.hub.people.get(mentor_id)
    if mentor is None:
        return _("is not on the hub")
    if mentor_id in suggested:
        return _("suggested")
    if mentor_id in mentee.mentors:
        return _("already your mentor")
    why = ineligible(ctx, mentee, mentor, i18n)
    if why:
        return _("not possible: %(reason)s", reason=why)
    status = ctx.unavailable(mentor)
    if status == CLOSED:
        return _("not taking mentees right now")
    if status == INACTIVE:
        return _("may be inactive (profile not confirmed recently)")
    if status == FULL:
        return _("has no free place right now")
    return _("already suggested to as many mentees as fair exposure allows")


def preference_outcomes(ctx: MatchContext, suggested: dict[str, set[str]],
                        ) -> dict[str, tuple[PreferenceOutcome, ...]]:
    """Mentee id → what became of each preferred mentor, in the mentee's order."""
    return {m.id: tuple(PreferenceOutcome(t, outcome_of(ctx, m, t, suggested.get(m.id, set())))
                        for t in dict.fromkeys(m.prefers))
            for m in ctx.mentees if m.prefers}


def preference_problems(ctx: MatchContext) -> list[Problem]:
    """A preferred mentor who can never be suggested (no shared skill or language), and why."""
    found = []
    for mentee in ctx.mentees:
        for mentor_id in dict.fromkeys(mentee.prefers):
            mentor = ctx.hub.people.get(mentor_id)
            why = ineligible(ctx, mentee, mentor) if mentor is not None else None
            if why:
                found.append(Problem(mentee.source.path, mentee.source.line, "prefers",
                                     f"{quote(mentor_id)} cannot be suggested to you: {why}",
                                     "prefer a mentor who offers what you seek and shares a language"))
    return sorted(found)


def preference_values(ctx: MatchContext, edges: Edges) -> Ints:
    """Per edge: how much the mentee wants that mentor (first choice highest, 0 if not listed)."""
    values = np.zeros(len(edges.seeker), dtype=np.int64)
    longest = max((len(dict.fromkeys(m.prefers)) for m in ctx.mentees), default=0)
    position = {m.id: j for j, m in enumerate(ctx.mentor_graph.mentors)}
    seekers, candidates, wanted = [], [], []
    for i, mentee in enumerate(ctx.mentees):
        for rank, mentor_id in enumerate(dict.fromkeys(mentee.prefers)):
            if mentor_id in position:
                seekers.append(i)
                candidates.append(position[mentor_id])
                wanted.append(longest - rank)
    if not seekers or not len(edges.seeker):
        return values
    codes = edges.codes
    want = np.array(seekers, dtype=np.int64) * edges.candidates + np.array(candidates, dtype=np.int64)
    at = np.searchsorted(codes, want)
    found = (at < len(codes)) & (codes[np.minimum(at, len(codes) - 1)] == want)
    values[at[found]] = np.array(wanted, dtype=np.int64)[found]
    return values
