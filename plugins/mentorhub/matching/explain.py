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
from ..i18n import Localizer
from .context import CLOSED, FULL, INACTIVE, MatchContext
from .reasons import join_words, language_names

NO_OFFER = "no-offer"
NO_LANGUAGE = "no-language"
ALREADY = "already-paired"
UNAVAILABLE = "unavailable"
BLOCKED = "blocked"  # every fitting mentor is blocked for this mentee in content/matching.yml
EXPOSURE = "exposure"  # suggestions: every fitting mentor reached the fair-exposure cap
TAKEN = "taken"  # cohort: every fitting mentor is full and pairing the mentee would unpair another
NO_SEEKER = "no-seeker"
NOT_SUGGESTED = "not-suggested"
NO_PEER = "no-peer"

def _unavailable(i18n: Localizer, kind: str, n: int) -> str:
    """How many fitting mentors are unavailable, and why ("2 are full"), in plural forms."""
    if kind == FULL:
        return i18n.ngettext("%(num)s is full", "%(num)s are full", n)
    if kind == CLOSED:
        return i18n.ngettext("%(num)s is not taking mentees", "%(num)s are not taking mentees", n)
    return i18n.ngettext("%(num)s may be inactive", "%(num)s may be inactive", n)


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
        self.i18n = ctx.options.i18n
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
        return join_words([self.ctx.skill(s).label for s in skills], "or", self.i18n)

    def _languages(self, codes: Iterable[str]) -> str:
        return join_words(language_names(list(codes), self.i18n), "or", self.i18n)

    # -- mentees ---------------------------------------------------------------------------

    def no_mentor(self, mentee: Person, otherwise: str) -> Explanation:
        """Why `mentee` got no mentor; `otherwise` (EXPOSURE or TAKEN) when fitting mentors exist."""
        seeks = list(dict.fromkeys(mentee.seeks))
        me = {mentee.id}
        offered = [s for s in seeks if _anyone_but(self._offerers.get(s), mentee.id)]
        _ = self.i18n.gettext
        if not offered:
            skills = self._labels(seeks)
            text = (_("No other mentor offers %(skills)s yet.", skills=skills)
                    if any(self._offerers.get(s) for s in seeks)
                    else _("No mentor offers %(skills)s yet.", skills=skills))
            return Explanation(NO_OFFER, text, tuple(seeks))
        speaking = self._speaking(mentee.languages)
        # The usual case first, with the fewest set copies: someone fits and is available.
        pools = [self._available_offerers.get(s) or set() for s in offered]
        available = (pools[0] if len(pools) == 1 else set().union(*pools)).intersection(speaking)
        available.discard(mentee.id)
        available.difference_update(mentee.mentors)
        blocked = self.ctx.blocked_for.get(mentee.id, set())
        available.difference_update(blocked)
        if available:
            return self._fits(otherwise, len(available), offered)
        offering = set().union(*(self._offerers[s] for s in offered)) - me
        fitting = speaking & offering
        languages = self._languages(mentee.languages)
        if not fitting:
            return Explanation(
                NO_LANGUAGE, _("No mentor who offers %(skills)s speaks %(languages)s.",
                               skills=self._labels(offered), languages=languages),
                tuple(offered))
        fitting = fitting - set(mentee.mentors)
        if not fitting:
            return Explanation(
                ALREADY, _("You already work with every mentor who offers %(skills)s and speaks "
                           "%(languages)s.", skills=self._labels(offered), languages=languages),
                tuple(offered))
        fitting = fitting - blocked
        if not fitting:
            return Explanation(
                BLOCKED, _("The organizers have set aside the mentors who fit; ask them about a "
                           "match."),
                tuple(offered))
        status = Counter(self._status[m] or "" for m in fitting)
        parts = [_unavailable(self.i18n, k, n) for k, n in sorted(status.items())]
        return Explanation(
            UNAVAILABLE, _("Every mentor who fits is unavailable right now: %(reasons)s.",
                           reasons=join_words(parts, i18n=self.i18n)),
            tuple(offered))

    def _fits(self, otherwise: str, available: int, offered: list[str]) -> Explanation:
        """Available mentors fit, yet none was given: the cap (suggestions) or rivals (cohort)."""
        ngettext = self.i18n.ngettext
        if otherwise == TAKEN:
            text = ngettext(
                "The one mentor who fits is full after this proposal, and giving you a place would "
                "leave another mentee without a mentor.",
                "All %(num)s mentors who fit are full after this proposal, and giving you a place "
                "would leave another mentee without a mentor.", available)
        else:
            text = ngettext(
                "The one mentor who fits is already suggested to as many mentees as fair exposure "
                "allows.",
                "All %(num)s mentors who fit are already suggested to as many mentees as fair "
                "exposure allows.", available)
        return Explanation(otherwise, text, tuple(offered))

    # -- mentors ---------------------------------------------------------------------------

    def no_mentee(self, mentor: Person) -> Explanation:
        """Why no mentee is suggested to `mentor` (their profile reads it)."""
        reason = self._status.get(mentor.id) if mentor.is_mentor else None
        offers = list(dict.fromkeys(mentor.offers))
        _ = self.i18n.gettext
        if reason == CLOSED and mentor.availability == "paused":
            return Explanation(CLOSED, _("You are not taking mentees for now (availability: paused)."))
        if reason == CLOSED:
            return Explanation(CLOSED, _("You are not taking mentees (availability: closed)."))
        if reason == INACTIVE:
            # Read by anyone on the public profile, so it speaks to readers; the advice
            # to the owner (update `confirmed`) is in CONTRIBUTING.md and `mentorhub check`.
            return Explanation(INACTIVE, _(
                "May be inactive: profile last confirmed %(date)s, so not suggested to mentees "
                "for now.", date=self.i18n.date(mentor.confirmed)))
        if reason == FULL:
            return Explanation(FULL, _("All your places are taken."))
        seeking = set().union(*(self._seekers.get(s, ()) for s in offers))
        if not seeking:
            return Explanation(NO_SEEKER, _("No mentee is looking for %(skills)s yet.",
                                            skills=self._labels(offers)), tuple(offers))
        fitting = seeking & self._speaking(mentor.languages)
        if not fitting:
            return Explanation(
                NO_LANGUAGE, _("No mentee who seeks %(skills)s speaks %(languages)s.",
                               skills=self._labels(offers), languages=self._languages(mentor.languages)),
                tuple(offers))
        people = self.ctx.hub.people
        if all(p == mentor.id or mentor.id in people[p].mentors for p in fitting):
            return Explanation(ALREADY, _("You already mentor every mentee who seeks what you offer "
                                          "and shares a language with you."), tuple(offers))
        k = self.ctx.options.top_k
        return Explanation(
            NOT_SUGGESTED, self.i18n.ngettext(
                "Every mentee who seeks what you offer and shares a language with you already has "
                "%(num)s suggestion.",
                "Every mentee who seeks what you offer and shares a language with you already has "
                "%(num)s suggestions.", k),
            tuple(offers))

    # -- peers -----------------------------------------------------------------------------

    def no_peer(self, person: Person) -> Explanation:
        return Explanation(NO_PEER, self.i18n.gettext(
            "Nobody else who is a peer or meets in peer circles speaks %(languages)s yet.",
            languages=self._languages(person.languages)))


def _anyone_but(ids: set[str] | None, person_id: str) -> bool:
    return ids is not None and (len(ids) > 1 or (len(ids) == 1 and person_id not in ids))
