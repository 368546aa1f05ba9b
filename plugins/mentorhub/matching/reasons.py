"""Reasons in words: each one a fact about the pair, never a guess.

The mentee's view reads "offers Grant writing — 2 of 40 mentors do"; the mentor's
view of the same pair reads "seeks Grant writing — 2 of 40 mentors offer it". Both
share the language, time-zone and format reasons.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..hub.models import Person
from ..i18n import ENGLISH, Localizer
from ..i18n.vocabulary import N_
from .context import MatchContext
from .features import gap_minutes

#: How a shared format reads after "both like".
FORMAT_PHRASES = {
    "one-on-one": N_("one-on-one meetings"),
    "group": N_("group sessions"),
    "peer-circle": N_("peer circles"),
    "async": N_("async exchanges"),
}


def join_words(words: Sequence[str], last: str = "and", i18n: Localizer = ENGLISH) -> str:
    """['a'] → 'a'; ['a', 'b', 'c'] → 'a, b and c' ('a, b y c'); `last="or"` for 'or'."""
    return i18n.join(words, last)


def language_names(codes: Sequence[str], i18n: Localizer = ENGLISH) -> list[str]:
    """Language names in the UI language, from CLDR (`es` → "Spanish", "español")."""
    return i18n.languages(codes)


def duration(minutes: int, i18n: Localizer = ENGLISH) -> str:
    """90 → '1 hour 30 minutes' ('1 hora 30 minutos')."""
    return i18n.duration(minutes)


def hours_apart(gap: int, i18n: Localizer = ENGLISH) -> str:
    """Minutes between two offsets, as people say it."""
    if gap == 0:
        return i18n.gettext("same local time")
    return i18n.gettext("%(duration)s apart", duration=duration(gap, i18n))


def shared_reasons(ctx: MatchContext, me: Person, other: Person) -> list[str]:
    """Language, time-zone and format reasons, true of both people whichever side reads them."""
    i18n = ctx.options.i18n
    reasons = []
    languages = [c for c in dict.fromkeys(me.languages) if c in other.languages]
    if languages:
        reasons.append(i18n.gettext("you both speak %(languages)s",
                                    languages=join_words(language_names(languages, i18n), i18n=i18n)))
    mine, theirs = ctx.offset(me), ctx.offset(other)
    if mine is not None and theirs is not None:
        reasons.append(hours_apart(gap_minutes(mine, theirs), i18n))
    formats = [f for f in dict.fromkeys(me.formats) if f in other.formats]
    if formats:
        phrases = [i18n.gettext(FORMAT_PHRASES[f]) if f in FORMAT_PHRASES else f for f in formats]
        reasons.append(i18n.gettext("both like %(formats)s", formats=join_words(phrases, i18n=i18n)))
    return reasons


def _rarest_first(ctx: MatchContext, skills: Sequence[str]) -> list[str]:
    return sorted(skills, key=lambda s: (ctx.offered_by.get(s, 0), s))


def _skill_counts(ctx: MatchContext, mentee: Person, mentor: Person) -> list[tuple[str, int]]:
    """The skills the pair shares, rarest first, with how many mentors offer each."""
    shared = [s for s in dict.fromkeys(mentee.seeks) if s in mentor.offers]
    return [(ctx.skill(s).label, ctx.offered_by.get(s, 0)) for s in _rarest_first(ctx, shared)]


def mentor_reasons(ctx: MatchContext, mentee: Person, mentor: Person) -> tuple[str, ...]:
    """Why `mentor` is suggested to `mentee`, as the mentee reads it."""
    total, ngettext = ctx.mentor_count, ctx.options.i18n.ngettext
    reasons = [
        ngettext("offers %(skill)s — %(num)s of %(total)s mentors does",
                 "offers %(skill)s — %(num)s of %(total)s mentors do", count, skill=label,
                 total=ctx.options.i18n.number(total))
        for label, count in _skill_counts(ctx, mentee, mentor)
    ]
    return tuple(reasons + shared_reasons(ctx, mentee, mentor))


def mentee_reasons(ctx: MatchContext, mentor: Person, mentee: Person) -> tuple[str, ...]:
    """Why `mentee` could use `mentor`'s help, as the mentor reads it."""
    total, ngettext = ctx.mentor_count, ctx.options.i18n.ngettext
    reasons = [
        ngettext("seeks %(skill)s — %(num)s of %(total)s mentors offers it",
                 "seeks %(skill)s — %(num)s of %(total)s mentors offer it", count, skill=label,
                 total=ctx.options.i18n.number(total))
        for label, count in _skill_counts(ctx, mentee, mentor)
    ]
    return tuple(reasons + shared_reasons(ctx, mentor, mentee))


def goals(person: Person) -> tuple[str, ...]:
    """What a person wants to grow in, as their profile shows it (mentees only)."""
    return person.seeks if person.is_mentee else ()


def expertise(person: Person) -> tuple[str, ...]:
    """What a person offers, as their profile shows it (mentors only)."""
    return person.offers if person.is_mentor else ()


def interests(person: Person) -> tuple[str, ...]:
    """Goals and expertise: what peers are matched on."""
    return tuple(dict.fromkeys((*goals(person), *expertise(person))))


def peer_reasons(ctx: MatchContext, me: Person, peer: Person) -> tuple[str, ...]:
    """Why `peer` is suggested to `me`: shared interests first, then language, time and formats."""
    reasons = []
    _ = ctx.options.i18n.gettext
    my_goals, my_expertise = goals(me), expertise(me)
    their_goals, their_expertise = goals(peer), expertise(peer)
    for skill in interests(me):
        label = ctx.skill(skill).label
        if skill in my_goals and skill in their_goals:
            reasons.append(_("you both want to grow in %(skill)s", skill=label))
        elif skill in my_goals and skill in their_expertise:
            reasons.append(_("offers %(skill)s, which you want to grow in", skill=label))
        elif skill in my_expertise and skill in their_goals:
            reasons.append(_("wants to grow in %(skill)s, which you offer", skill=label))
        elif skill in my_expertise and skill in their_expertise:
            reasons.append(_("you both offer %(skill)s", skill=label))
    return tuple(reasons + shared_reasons(ctx, me, peer))
