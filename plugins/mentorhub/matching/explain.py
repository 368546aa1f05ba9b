"""Why someone has no suggestion: the first hard rule that rules every candidate out.

Each explanation is checked against the same facts the ranking uses, so it is true
of this hub: "No mentor offers Grant writing yet", "No mentor who offers Python
speaks Spanish", "Every mentor who fits is full right now", …
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..hub.models import Person
from .context import CLOSED, FULL, INACTIVE, MatchContext
from .reasons import human_date, join_words, language_names

NO_OFFER = "no-offer"
NO_LANGUAGE = "no-language"
ALREADY = "already-paired"
UNAVAILABLE = "unavailable"
EXPOSURE = "exposure"  # suggestions: every fitting mentor reached the fair-exposure cap
TAKEN = "taken"  # cohort: every fitting mentor was filled by mentees who fit them as well or better
NO_SEEKER = "no-seeker"
NOT_SUGGESTED = "not-suggested"
NO_PEER = "no-peer"

_UNAVAILABLE_WORDS = {
    FULL: ("is full", "are full"),
    CLOSED: ("is not taking mentees", "are not taking mentees"),
    INACTIVE: ("may be inactive", "may be inactive"),
}


@dataclass(frozen=True)
class Explanation:
    """Why a list is empty, in words, with the skills whose pages are worth a look."""

    kind: str
    text: str
    skills: tuple[str, ...] = ()


class Explainer:
    """Answers "why nothing?" with set operations over the hub's mentors and mentees."""

    def __init__(self, ctx: MatchContext) -> None:
        self.ctx = ctx
        self._speaking_cache: dict[tuple[str, ...], frozenset[str]] = {}

    @cached_property
    def _offerers(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for mentor in self.ctx.mentors:
            for skill in mentor.offers:
                result.setdefault(skill, set()).add(mentor.id)
        return result

    @cached_property
    def _seekers(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for mentee in self.ctx.mentees:
            for skill in mentee.seeks:
                result.setdefault(skill, set()).add(mentee.id)
        return result

    @cached_property
    def _speakers(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for person in self.ctx.hub.people.values():
            for code in person.languages:
                result.setdefault(code, set()).add(person.id)
        return result

    @cached_property
    def _status(self) -> dict[str, str | None]:
        return {m.id: self.ctx.unavailable(m) for m in self.ctx.mentors}

    @cached_property
    def _available_offerers(self) -> dict[str, set[str]]:
        status = self._status
        return {skill: {m for m in ids if status[m] is None} for skill, ids in self._offerers.items()}

    def _speaking(self, languages: Iterable[str]) -> frozenset[str]:
        codes = tuple(sorted(set(languages)))
        found = self._speaking_cache.get(codes)
        if found is None:
            found = frozenset().union(*(self._speakers.get(c, ()) for c in codes))
            self._speaking_cache[codes] = found
        return found

    def _labels(self, skills: Iterable[str]) -> str:
        return join_words([self.ctx.skill(s).label for s in skills], "or")

    # -- mentees ---------------------------------------------------------------------------

    def no_mentor(self, mentee: Person, otherwise: str) -> Explanation:
        """Why `mentee` got no mentor; `otherwise` (EXPOSURE or TAKEN) when fitting mentors exist."""
        seeks = list(dict.fromkeys(mentee.seeks))
        me = {mentee.id}
        offered = [s for s in seeks if _anyone_but(self._offerers.get(s), mentee.id)]
        if not offered:
            other = " other" if any(self._offerers.get(s) for s in seeks) else ""
            return Explanation(NO_OFFER, f"No{other} mentor offers {self._labels(seeks)} yet.",
                               tuple(seeks))
        speaking = self._speaking(mentee.languages)
        # The usual case first, with the fewest set copies: someone fits and is available.
        pools = [self._available_offerers.get(s) or set() for s in offered]
        available = (pools[0] if len(pools) == 1 else set().union(*pools)).intersection(speaking)
        available.discard(mentee.id)
        available.difference_update(mentee.mentors)
        if available:
            return self._fits(otherwise, len(available), offered)
        offering = set().union(*(self._offerers[s] for s in offered)) - me
        fitting = speaking & offering
        languages = join_words(language_names(mentee.languages), "or")
        if not fitting:
            return Explanation(
                NO_LANGUAGE, f"No mentor who offers {self._labels(offered)} speaks {languages}.",
                tuple(offered))
        fitting = fitting - set(mentee.mentors)
        if not fitting:
            return Explanation(
                ALREADY, f"You already work with every mentor who offers {self._labels(offered)} "
                f"and speaks {languages}.", tuple(offered))
        status = Counter(self._status[m] or "" for m in fitting)
        parts = [f"{n} {_UNAVAILABLE_WORDS[k][n != 1]}" for k, n in sorted(status.items())]
        return Explanation(
            UNAVAILABLE, f"Every mentor who fits is unavailable right now: {join_words(parts)}.",
            tuple(offered))

    def _fits(self, otherwise: str, available: int, offered: list[str]) -> Explanation:
        """Available mentors fit, yet none was given: the cap (suggestions) or rivals (cohort)."""
        who = "The one mentor who fits is" if available == 1 else f"All {available} mentors who fit are"
        if otherwise == TAKEN:
            text = f"{who} full after this proposal, with mentees who fit as well or better."
        else:
            text = f"{who} already suggested to as many mentees as fair exposure allows."
        return Explanation(otherwise, text, tuple(offered))

    # -- mentors ---------------------------------------------------------------------------

    def no_mentee(self, mentor: Person) -> Explanation:
        """Why no mentee is suggested to `mentor` (their profile reads it)."""
        reason = self._status.get(mentor.id) if mentor.is_mentor else None
        offers = list(dict.fromkeys(mentor.offers))
        if reason == CLOSED:
            return Explanation(CLOSED, "You are not taking mentees (availability: closed).")
        if reason == INACTIVE:
            # Read by anyone on the public profile, so it speaks to readers; the advice
            # to the owner (update `confirmed`) is in CONTRIBUTING.md.
            when = f" {human_date(mentor.confirmed)}" if mentor.confirmed else " long ago"
            return Explanation(
                INACTIVE, f"May be inactive: profile last confirmed{when}, "
                "so not suggested to mentees for now.")
        if reason == FULL:
            return Explanation(FULL, "All your places are taken.")
        seeking = set().union(*(self._seekers.get(s, ()) for s in offers))
        if not seeking:
            return Explanation(NO_SEEKER, f"No mentee is looking for {self._labels(offers)} yet.",
                               tuple(offers))
        fitting = seeking & self._speaking(mentor.languages)
        if not fitting:
            return Explanation(
                NO_LANGUAGE, f"No mentee who seeks {self._labels(offers)} speaks "
                f"{join_words(language_names(mentor.languages), 'or')}.", tuple(offers))
        people = self.ctx.hub.people
        if all(p == mentor.id or mentor.id in people[p].mentors for p in fitting):
            return Explanation(ALREADY, "You already mentor every mentee who seeks what you offer "
                               "and shares a language with you.", tuple(offers))
        k = self.ctx.options.top_k
        return Explanation(
            NOT_SUGGESTED, f"The mentees who seek what you offer already have {k} "
            f"{'suggestion' if k == 1 else 'suggestions'} each that fit them at least as well.",
            tuple(offers))

    # -- peers -----------------------------------------------------------------------------

    def no_peer(self, person: Person) -> Explanation:
        languages = join_words(language_names(person.languages), "or")
        return Explanation(NO_PEER, f"Nobody else who is a peer or meets in peer circles speaks "
                           f"{languages} yet.")


def _anyone_but(ids: set[str] | None, person_id: str) -> bool:
    return ids is not None and (len(ids) > 1 or (len(ids) == 1 and person_id not in ids))
