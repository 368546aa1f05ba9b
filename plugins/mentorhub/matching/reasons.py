"""Reasons in words: each one a fact about the pair, never a guess.

The mentee's view reads "offers Grant writing — 2 of 40 mentors do"; the mentor's
view of the same pair reads "seeks Grant writing — 2 of 40 mentors offer it". Both
share the language, time-zone and format reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..hub.languages import LANGUAGES
from ..hub.models import Person
from .context import MatchContext
from .features import gap_minutes

#: How a shared format reads after "both like".
FORMAT_PHRASES = {
    "one-on-one": "one-on-one meetings",
    "group": "group sessions",
    "peer-circle": "peer circles",
    "async": "async exchanges",
}


def join_words(words: Sequence[str], last: str = "and") -> str:
    """['a'] → 'a'; ['a', 'b', 'c'] → 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def language_names(codes: Sequence[str]) -> list[str]:
    return [LANGUAGES.get(code, code) for code in codes]


def duration(minutes: int) -> str:
    """90 → '1 hour 30 minutes'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minutes")
    return " ".join(parts)


def human_date(day: dt.date) -> str:
    """'10 January 2025': no ISO dates in text meant for readers (English month names
    whatever the locale, like the rest of the generated text)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def hours_apart(gap: int) -> str:
    """Minutes between two offsets, as people say it."""
    return "same local time" if gap == 0 else f"{duration(gap)} apart"


def shared_reasons(ctx: MatchContext, me: Person, other: Person) -> list[str]:
    """Language, time-zone and format reasons, true of both people whichever side reads them."""
    reasons = []
    languages = [c for c in dict.fromkeys(me.languages) if c in other.languages]
    if languages:
        reasons.append(f"you both speak {join_words(language_names(languages))}")
    mine, theirs = ctx.offset(me), ctx.offset(other)
    if mine is not None and theirs is not None:
        reasons.append(hours_apart(gap_minutes(mine, theirs)))
    formats = [f for f in dict.fromkeys(me.formats) if f in other.formats]
    if formats:
        reasons.append("both like " + join_words([FORMAT_PHRASES.get(f, f) for f in formats]))
    return reasons


def _rarest_first(ctx: MatchContext, skills: Sequence[str]) -> list[str]:
    return sorted(skills, key=lambda s: (ctx.offered_by.get(s, 0), s))


def _skill_counts(ctx: MatchContext, mentee: Person, mentor: Person) -> list[tuple[str, int]]:
    """The skills the pair shares, rarest first, with how many mentors offer each."""
    shared = [s for s in dict.fromkeys(mentee.seeks) if s in mentor.offers]
    return [(ctx.skill(s).label, ctx.offered_by.get(s, 0)) for s in _rarest_first(ctx, shared)]


def mentor_reasons(ctx: MatchContext, mentee: Person, mentor: Person) -> tuple[str, ...]:
    """Why `mentor` is suggested to `mentee`, as the mentee reads it."""
    total = ctx.mentor_count
    reasons = [
        f"offers {label} — {count} of {total} mentors {'does' if count == 1 else 'do'}"
        for label, count in _skill_counts(ctx, mentee, mentor)
    ]
    return tuple(reasons + shared_reasons(ctx, mentee, mentor))


def mentee_reasons(ctx: MatchContext, mentor: Person, mentee: Person) -> tuple[str, ...]:
    """Why `mentee` could use `mentor`'s help, as the mentor reads it."""
    total = ctx.mentor_count
    reasons = [
        f"seeks {label} — {count} of {total} mentors {'offers' if count == 1 else 'offer'} it"
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
    my_goals, my_expertise = goals(me), expertise(me)
    their_goals, their_expertise = goals(peer), expertise(peer)
    for skill in interests(me):
        label = ctx.skill(skill).label
        if skill in my_goals and skill in their_goals:
            reasons.append(f"you both want to grow in {label}")
        elif skill in my_goals and skill in their_expertise:
            reasons.append(f"offers {label}, which you want to grow in")
        elif skill in my_expertise and skill in their_goals:
            reasons.append(f"wants to grow in {label}, which you offer")
        elif skill in my_expertise and skill in their_expertise:
            reasons.append(f"you both offer {label}")
    return tuple(reasons + shared_reasons(ctx, me, peer))
