"""Suggested peers: people who are peers or meet in peer circles, matched with each other.

Hard rules: another person in the pool who shares a language. The score uses the
same weights as mentor suggestions: shared interests (goals and expertise,
rarer ones weigh more), a small time-zone gap and shared formats. Someone who
shares no interest can still be suggested on language, time and format alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..hub.models import Person
from .context import MatchContext
from .explain import Explainer, Explanation
from .features import SCALE, format_mask, rarity
from .pool import Pool, Query
from .reasons import interests, peer_reasons
from .suggest import Suggestion


@dataclass(frozen=True)
class PeerSuggestions:
    peers_for: dict[str, tuple[Suggestion, ...]]
    why_no_peer: dict[str, Explanation]


def in_peer_pool(person: Person) -> bool:
    return person.is_peer or "peer-circle" in person.formats


def suggest_peers(ctx: MatchContext, explainer: Explainer | None = None) -> PeerSuggestions:
    explainer = explainer or Explainer(ctx)
    people = sorted((p for p in ctx.hub.people.values() if in_peer_pool(p)), key=lambda p: p.id)
    pool = Pool(people, interests, ctx.scorer, [ctx.offset(p) for p in people],
                include_unrelated=True)
    counts = {skill: len(members) for skill, members in pool.by_skill.items()}
    peers_for: dict[str, tuple[Suggestion, ...]] = {}
    why: dict[str, Explanation] = {}
    for i, person in enumerate(people):
        skills = interests(person)
        query = Query(
            skills=skills,
            rarities=tuple(rarity(counts.get(s, 0), len(people)) for s in skills),
            languages=person.languages,
            offset=ctx.offset(person),
            formats=format_mask(person.formats),
            exclude=frozenset({i}),
        )
        found = []
        for key in pool.top(query, ctx.options.top_k):
            peer = people[pool.person_at(key)]
            found.append(Suggestion(peer.id, pool.points(key) / SCALE, peer_reasons(ctx, person, peer)))
        peers_for[person.id] = tuple(found)
        if not found:
            why[person.id] = explainer.no_peer(person)
    return PeerSuggestions(peers_for, why)
