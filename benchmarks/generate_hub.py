"""Write a synthetic but realistic mentorship hub of N records, for benchmarks.

    python benchmarks/generate_hub.py OUT_DIR --records 20000 [--seed 1]

The project it writes is complete: the repository's own mkdocs.yml (read at run
time, so every plugin listed there — including ones added later — is built),
its overrides/ and hooks/, the non-record files of content/, a ~150-skill
vocabulary and N record files. Shares follow a real hub: people 55 %, sessions
20 %, resources 15 %, stories 10 %. Popularity is skewed the way real data is:
skills, languages, time zones and groups follow Zipf-like curves (a few very
common values and a long tail), most mentors are open with 1-4 places, some are
closed or have not confirmed their profile for over a year, and mentees' current
mentors never exceed a mentor's capacity. Every reference points at a published
record, so the result passes `mentorhub check`.

The same (records, seed) always gives byte-identical files. Other benchmark
scripts import `generate()`.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import hub_words as words

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
#: The date every generated hub describes; bench_build.py builds with this as
#: SOURCE_DATE_EPOCH so "stale" and "recent" mean the same in every run.
AS_OF = dt.date(2026, 11, 22)
#: Written into every generated project; generate() refuses to clear a folder without it.
MARKER = ".mentorhub-benchmark.json"
SHARES = (("person", 0.55), ("resource", 0.15), ("session", 0.20), ("story", 0.10))
RECORD_FOLDERS = ("people", "resources", "sessions", "stories")

ROLE_MIX: tuple[tuple[tuple[str, ...], float], ...] = (
    (("mentee",), 0.35),
    (("mentor",), 0.22),
    (("peer",), 0.12),
    (("mentor", "mentee"), 0.10),
    (("mentor", "peer"), 0.09),
    (("mentee", "peer"), 0.08),
    (("mentor", "mentee", "peer"), 0.04),
)
RESOURCE_KINDS = (
    ("guide", 0.20), ("article", 0.14), ("toolkit", 0.12), ("template", 0.12),
    ("checklist", 0.12), ("video", 0.08), ("course", 0.07), ("tool", 0.06),
    ("book", 0.05), ("funding", 0.04),
)
SESSION_FORMATS = (
    ("group-mentoring", 0.35), ("peer-circle", 0.30), ("workshop", 0.15),
    ("lunch-and-learn", 0.10), ("office-hours", 0.10),
)
OUTCOMES = (
    "skill-gained", "new-role", "promotion", "started-mentoring", "leadership",
    "job-placement", "internship", "further-education", "other",
)
OFFER_COUNTS = ((1, .2), (2, .3), (3, .25), (4, .15), (5, .1))
SEEK_COUNTS = ((1, .45), (2, .35), (3, .2))
GROUP_COUNT = 60
_PROPER_NOUNS = frozenset({"Python", "JavaScript", "Git", "R", "Linux", "DevOps"})


# -- sampling ------------------------------------------------------------------------------


class Zipf:
    """Draw from `items` with weight 1/rank**exponent: a few common values, a long tail."""

    def __init__(self, items: Sequence[T], exponent: float = 1.0) -> None:
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(1 / (rank ** exponent)
                                                    for rank in range(1, len(items) + 1)))

    def draw(self, rng: random.Random) -> Any:
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]

    def distinct(self, rng: random.Random, count: int) -> list[Any]:
        """Up to `count` different values (fewer only if the draws keep colliding)."""
        chosen: dict[Any, None] = {}
        for _ in range(count * 8):
            if len(chosen) == count:
                break
            chosen[self.draw(rng)] = None
        return list(chosen)


def weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    return rng.choices([value for value, _ in pairs], [w for _, w in pairs])[0]


def slug(text: str, max_words: int = 8) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split()
    return "-".join(parts[:max_words]) or "x"


class Ids:
    """Unique ids within one record type: a second 'Ana Souza' becomes ana-souza-2."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


# -- YAML ----------------------------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z][A-Za-z0-9_/-]*\Z")
_YAML_WORDS = frozenset({"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"})


def scalar(value: Any) -> str:
    """One YAML scalar; text is double-quoted (JSON escapes are valid YAML) unless plain."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _BARE.match(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def to_yaml(values: dict[str, Any], indent: str = "") -> str:
    lines: list[str] = []
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(to_yaml(value, indent + "  ").rstrip("\n"))
        elif isinstance(value, list | tuple):
            lines.append(f"{indent}{key}: [{', '.join(scalar(v) for v in value)}]")
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def record_file(values: dict[str, Any], body: str) -> str:
    return f"---\n{to_yaml(values)}---\n\n{body.rstrip()}\n" if body else f"---\n{to_yaml(values)}---\n"


# -- the hub -------------------------------------------------------------------------------


@dataclass
class Person:
    id: str
    name: str
    roles: tuple[str, ...]
    languages: list[str]
    offers: list[str]
    seeks: list[str]
    capacity: int
    availability: str
    draft: bool
    values: dict[str, Any] = field(default_factory=dict)
    mentors: list[str] = field(default_factory=list)
    body: str = ""


@dataclass
class Generator:
    records: int
    seed: int
    rng: random.Random = field(init=False)
    skills: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    supply: Zipf = field(init=False)
    demand: Zipf = field(init=False)
    people: list[Person] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # path under content/ → text

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    @property
    def counts(self) -> dict[str, int]:
        result = {name: round(self.records * share) for name, share in SHARES[:-1]}
        result["story"] = self.records - sum(result.values())
        return result

    def label(self, skill_id: str) -> str:
        return self.skills[skill_id][0]

    def lower(self, skill_id: str) -> str:
        # "Python" and "UX design" keep their capitals; "Public speaking" does not.
        text = self.label(skill_id)
        if text[:2].isupper() or text.split()[0] in _PROPER_NOUNS:
            return text
        return text[0].lower() + text[1:]

    # skills -----------------------------------------------------------------------------

    def make_skills(self) -> None:
        lines = ["# Generated skills vocabulary for the benchmark hub.", ""]
        for category, entries in words.SKILLS.items():
            lines.append(f"# {category}")
            for skill_id, label, aliases in entries:
                self.skills[skill_id] = (label, category, aliases)
                lines.append(f"{skill_id}:")
                lines.append(f"  label: {scalar(label)}")
                lines.append(f"  category: {scalar(category)}")
                if aliases:
                    lines.append(f"  aliases: [{', '.join(aliases)}]")
            lines.append("")
        self.files["skills.yml"] = "\n".join(lines)
        # Supply and demand share a popularity order, with local swaps so some
        # skills are sought more than offered (the gaps organisers look for).
        order = sorted(self.skills)
        self.rng.shuffle(order)
        self.supply = Zipf(order, 1.0)
        demand = list(order)
        for _ in range(len(demand) // 3):
            i = self.rng.randrange(len(demand))
            j = min(len(demand) - 1, max(0, i + self.rng.randint(-12, 12)))
            demand[i], demand[j] = demand[j], demand[i]
        self.demand = Zipf(demand, 1.0)

    # people -----------------------------------------------------------------------------

    def make_people(self, count: int) -> None:
        rng = self.rng
        ids = Ids()
        zones = Zipf(words.TIME_ZONES, 0.5)
        others = Zipf(words.OTHER_LANGUAGES, 1.0)
        for _ in range(count):
            name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
            person_id = ids.claim(slug(name))
            roles = weighted(rng, ROLE_MIX)
            zone, city, local = zones.draw(rng)
            languages = self._languages(local, others)
            offers = (self.supply.distinct(rng, weighted(rng, OFFER_COUNTS))
                      if "mentor" in roles else [])
            seeks = (self.demand.distinct(rng, weighted(rng, SEEK_COUNTS))
                     if "mentee" in roles else [])
            capacity = weighted(rng, ((1, .4), (2, .3), (3, .2), (4, .1))) if "mentor" in roles else 0
            availability = weighted(rng, (("open", .75), ("limited", .17), ("closed", .08)))
            draft = roles == ("peer",) and rng.random() < 0.08  # ~1 % of all people
            person = Person(person_id, name, roles, languages, offers, seeks, capacity,
                            availability, draft)
            person.values = self._person_values(person, zone, city)
            person.body = self._bio(person)
            self.people.append(person)

    def _languages(self, local: str, others: Zipf) -> list[str]:
        rng = self.rng
        chosen: dict[str, None] = {}
        if rng.random() < 0.88:
            chosen["en"] = None
        if local != "en" and rng.random() < 0.55:
            chosen[local] = None
        for chance in (0.30, 0.08):
            if rng.random() < chance:
                chosen[others.draw(rng)] = None
        if not chosen:
            chosen[local if local != "en" else others.draw(rng)] = None
        return list(chosen)[:3]

    def _person_values(self, p: Person, zone: str, city: str) -> dict[str, Any]:
        rng = self.rng
        v: dict[str, Any] = {"name": p.name}
        if rng.random() < 0.6:
            v["pronouns"] = rng.choice(words.PRONOUNS)
        if rng.random() < 0.85:
            v["headline"] = f"{rng.choice(words.JOBS)} at {rng.choice(words.ORGANISATIONS)}"
        v["roles"] = list(p.roles)
        v["languages"] = p.languages
        v["timezone"] = zone
        if rng.random() < 0.7:
            v["location"] = city
        if rng.random() < 0.7:
            formats = [f for f, chance in (("one-on-one", .8), ("group", .35),
                                           ("peer-circle", .5 if "peer" in p.roles else .2),
                                           ("async", .2)) if rng.random() < chance]
            v["formats"] = formats or ["one-on-one"]
        if p.offers:
            v["offers"] = p.offers
        if p.seeks:
            v["seeks"] = p.seeks
        if "mentor" in p.roles and (p.capacity != 1 or rng.random() < 0.5):
            v["capacity"] = p.capacity
        if p.availability != "open" or rng.random() < 0.5:
            v["availability"] = p.availability
        roll = rng.random()
        if roll < 0.10:  # never confirmed
            v["joined"] = AS_OF - dt.timedelta(days=rng.randint(30, 1500))
        else:
            # ~12 % last confirmed over a year ago ("may be inactive"), the rest recently.
            age = rng.randint(400, 1000) if roll < 0.22 else rng.randint(0, 330)
            confirmed = AS_OF - dt.timedelta(days=age)
            v["joined"] = confirmed - dt.timedelta(days=rng.randint(0, 900))
            v["confirmed"] = confirmed
        if rng.random() < 0.35:
            v["links"] = {"website": f"https://example.org/people/{p.id}"}
            if rng.random() < 0.4:
                v["links"]["github"] = f"https://github.example.com/{p.id}"
        if rng.random() < 0.55:
            v["contact"] = {"email": f"{p.id}@example.org"}
            if rng.random() < 0.35:
                v["contact"]["public"] = True
        v["consent"] = True
        if rng.random() < 0.15:
            v["private"] = {"notes": "Prefers evening calls; met at the spring meetup.",
                            "phone": f"+44 7700 {rng.randint(100000, 999999)}"}
        if p.draft:
            v["draft"] = True
        return v

    def _bio(self, p: Person) -> str:
        rng = self.rng
        topics = p.offers or p.seeks or [self.supply.draw(rng)]
        sentences = [
            sentence.format(lower=self.lower(rng.choice(topics)), org=rng.choice(words.ORGANISATIONS))
            for sentence in rng.sample(words.SENTENCES, rng.randint(2, 6))
        ]
        if len(sentences) > 3:
            return " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
        return " ".join(sentences)

    def pair_mentees(self) -> None:
        """Give ~60 % of mentees current mentors, never beyond a mentor's capacity."""
        rng = self.rng
        published = [p for p in self.people if not p.draft]
        room = {p.id: p.capacity for p in published
                if "mentor" in p.roles and p.availability != "closed"}
        by_skill: dict[str, list[Person]] = {}
        for p in published:
            if p.id in room:
                for skill_id in p.offers:
                    by_skill.setdefault(skill_id, []).append(p)
        mentees = [p for p in published if "mentee" in p.roles]
        rng.shuffle(mentees)
        for mentee in mentees:
            roll = rng.random()
            wanted = 1 if roll < 0.52 else 2 if roll < 0.60 else 0
            for _ in range(wanted * 8):
                if len(mentee.mentors) == wanted:
                    break
                pool = by_skill.get(rng.choice(mentee.seeks), [])
                if not pool:
                    continue
                mentor = rng.choice(pool)
                if (room[mentor.id] > 0 and mentor.id != mentee.id
                        and mentor.id not in mentee.mentors
                        and set(mentor.languages) & set(mentee.languages)):
                    mentee.mentors.append(mentor.id)
                    room[mentor.id] -= 1
            if mentee.mentors:
                mentee.values["mentors"] = sorted(mentee.mentors)
                # keep `mentors` next to `seeks` for readability, as people write it
                mentee.values = _move_after(mentee.values, "mentors", "seeks")

    def write_people(self) -> None:
        for p in self.people:
            self.files[f"people/{p.id}.md"] = record_file(p.values, p.body)

    # resources --------------------------------------------------------------------------

    def make_resources(self, count: int) -> list[str]:
        rng = self.rng
        ids = Ids()
        authors = [p.id for p in self.people if not p.draft and "mentor" in p.roles]
        published: list[str] = []
        for _ in range(count):
            kind = weighted(rng, RESOURCE_KINDS)
            topics = self.supply.distinct(rng, rng.choice((1, 1, 2, 2, 3)))
            title = rng.choice(words.RESOURCE_TITLES[kind]).format(
                label=self.label(topics[0]), lower=self.lower(topics[0]),
            ) + rng.choice(words.RESOURCE_QUALIFIERS)
            resource_id = ids.claim(slug(title))
            v: dict[str, Any] = {"title": title, "kind": kind}
            v["summary"] = (f"{title}: practical material on {self.lower(topics[0])}, "
                            f"collected and tested by members of this hub.")
            v["topics"] = topics
            if rng.random() < 0.7:
                v["audience"] = sorted(rng.sample(("mentor", "mentee", "organizer", "peer"),
                                                  rng.randint(1, 3)))
            if rng.random() < 0.75:
                v["level"] = rng.choice(("beginner", "beginner", "intermediate", "advanced"))
            body = self._resource_body(topics) if rng.random() < 0.55 else ""
            if not body or rng.random() < 0.5:
                v["url"] = f"https://example.org/library/{resource_id}"
            if rng.random() < 0.45 and authors:
                v["authors"] = [rng.choice(authors) if rng.random() < 0.7 else
                                f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
                                for _ in range(rng.randint(1, 3))]
                v["authors"] = list(dict.fromkeys(v["authors"]))
            if rng.random() < 0.8:
                v["updated"] = AS_OF - dt.timedelta(days=rng.randint(0, 1100))
            if rng.random() < 0.01:
                v["draft"] = True
            else:
                published.append(resource_id)
            self.files[f"resources/{resource_id}.md"] = record_file(v, body)
        return published

    def _resource_body(self, topics: list[str]) -> str:
        rng = self.rng
        lower = self.lower(topics[0])
        parts = [f"This resource helps you with {lower}. It was put together by people who "
                 f"needed it themselves and is shared under an open licence."]
        steps = rng.sample(words.NOTE_TAKEAWAYS, rng.randint(1, 6))
        for number, step in enumerate(steps, 1):
            parts.append(f"## Step {number}: {step.format(lower=lower).rstrip('.')}")
            parts.append(" ".join(s.format(lower=lower)
                                  for s in rng.sample(words.NOTE_SOLUTIONS, rng.randint(2, 5))))
            parts.append("\n".join(f"- {a}" for a in rng.sample(words.NOTE_ACTIONS, rng.randint(2, 5))))
        if rng.random() < 0.2:
            parts.append("| Week | Focus |\n|---|---|\n" + "\n".join(
                f"| {w} | {self.label(rng.choice(topics))} |" for w in range(1, 5)))
        return "\n\n".join(parts)

    # sessions ---------------------------------------------------------------------------

    def make_sessions(self, count: int, resources: list[str]) -> list[str]:
        rng = self.rng
        ids = Ids()
        published = [p for p in self.people if not p.draft]
        mentors = [p for p in published if "mentor" in p.roles]
        members = [p for p in published if "mentee" in p.roles or "peer" in p.roles]
        offering: dict[str, list[Person]] = {}
        for p in mentors:
            for skill_id in p.offers:
                offering.setdefault(skill_id, []).append(p)
        names = [f"{a} {b}" for a in words.GROUP_PREFIXES for b in words.GROUP_SUFFIXES]
        groups = []
        for name in rng.sample(names, GROUP_COUNT):
            topics = self.demand.distinct(rng, rng.randint(2, 4))
            leads = list(dict.fromkeys(
                rng.choice(offering.get(rng.choice(topics)) or mentors).id
                for _ in range(rng.randint(2, 5))))
            pool = [p.id for p in rng.sample(members, min(len(members), rng.randint(8, 40)))]
            groups.append((name, weighted(rng, SESSION_FORMATS), topics, leads, pool))
        group_zipf = Zipf(groups, 0.8)
        popular_resources = Zipf(resources, 0.9) if resources else None
        ids_out: list[str] = []
        for _ in range(count):
            date = AS_OF - dt.timedelta(days=int(1095 * rng.random() ** 1.3))
            v: dict[str, Any] = {}
            if rng.random() < 0.85:
                name, form, group_topics, leads, pool = group_zipf.draw(rng)
                topics = rng.sample(group_topics, rng.randint(1, min(3, len(group_topics))))
                facilitators = rng.sample(leads, min(len(leads), rng.choice((1, 1, 2))))
                form = form if rng.random() < 0.8 else weighted(rng, SESSION_FORMATS)
            else:
                name, form = "", weighted(rng, SESSION_FORMATS)
                pool = [p.id for p in rng.sample(members, min(12, len(members)))]
                topics = self.demand.distinct(rng, rng.randint(1, 3))
                facilitators = [rng.choice(offering.get(topics[0]) or mentors).id]
            title = rng.choice(words.SESSION_TITLES).format(label=self.label(topics[0]),
                                                            lower=self.lower(topics[0]))
            session_id = ids.claim(f"{date.isoformat()}-{slug(title, 6)}")
            v["title"] = title
            v["date"] = date
            v["format"] = form
            if name:
                v["group"] = name
            v["facilitators"] = facilitators
            participants: list[str] = []
            if rng.random() < 0.8:
                participants = [m for m in rng.sample(pool, min(len(pool), rng.randint(1, 12)))
                                if m not in facilitators]
                if participants:
                    v["participants"] = participants
            v["topics"] = topics
            named = len(facilitators) + len(participants)
            attendance = named + rng.randint(0, 25)
            if rng.random() < 0.7:
                v["attendance"] = attendance
            if rng.random() < 0.8:
                v["duration"] = rng.choice((30, 45, 60, 60, 90, 90, 120))
            if rng.random() < 0.65:
                responses = rng.randint(0, attendance)
                v["feedback"] = {"responses": responses}
                if responses:
                    v["feedback"]["satisfaction"] = round(rng.uniform(2.8, 5.0), 1)
            if popular_resources and rng.random() < 0.45:
                v["resources"] = sorted(popular_resources.distinct(rng, rng.randint(1, 3)))
            if rng.random() < 0.005:
                v["draft"] = True
            body = self._notes(topics) if rng.random() < 0.9 else ""
            self.files[f"sessions/{date.year}/{session_id}.md"] = record_file(v, body)
            ids_out.append(session_id)
        return ids_out

    def _notes(self, topics: list[str]) -> str:
        rng = self.rng
        lower = self.lower(topics[0])
        parts = []
        for heading, pool, low, high in (
            ("Challenges raised", words.NOTE_CHALLENGES, 1, 4),
            ("What we tried", words.NOTE_SOLUTIONS, 1, 4),
            ("Takeaways", words.NOTE_TAKEAWAYS, 1, 4),
            ("Action items", words.NOTE_ACTIONS, 0, 3),
        ):
            items = rng.sample(pool, rng.randint(low, high))
            if items:
                parts.append(f"## {heading}\n\n" + "\n".join(f"- {i.format(lower=lower)}" for i in items))
        return "\n\n".join(parts)

    # stories ----------------------------------------------------------------------------

    def make_stories(self, count: int) -> None:
        rng = self.rng
        ids = Ids()
        published = [p for p in self.people if not p.draft]
        mentees = [p for p in published if "mentee" in p.roles]
        paired = [p for p in mentees if p.mentors]
        mentors = [p.id for p in published if "mentor" in p.roles]
        groups = sorted({f"{a} {b}" for a in words.GROUP_PREFIXES[:8] for b in words.GROUP_SUFFIXES[:3]})
        outcome_zipf = Zipf(OUTCOMES, 1.0)
        for _ in range(count):
            v: dict[str, Any] = {}
            mentee = (rng.choice(paired if paired and rng.random() < 0.8 else mentees)
                      if mentees and rng.random() < 0.65 else None)
            skills = (mentee.seeks[:2] if mentee else self.demand.distinct(rng, rng.randint(1, 2)))
            first = mentee.name.split()[0] if mentee else "the member"
            title = _capitalise(rng.choice(words.STORY_TITLES).format(
                before=rng.choice(words.STORY_BEFORES), after=rng.choice(words.STORY_AFTERS),
                name=first, verb=rng.choice(words.STORY_VERBS), thing=rng.choice(words.STORY_THINGS),
                lower=self.lower(skills[0]),
            ))
            story_id = ids.claim(slug(title))
            outcomes = list(dict.fromkeys(outcome_zipf.draw(rng) for _ in range(rng.randint(1, 2))))
            v["title"] = title
            v["date"] = AS_OF - dt.timedelta(days=rng.randint(0, 1095))
            outcome = outcomes[0].replace("-", " ")
            v["summary"] = (f"{_capitalise(first)} worked on {self.lower(skills[0])} with support "
                            f"from the hub and came out of it with a {outcome} outcome.")
            v["outcomes"] = outcomes
            if mentee:
                v["mentee"] = mentee.id
                chosen = mentee.mentors or ([rng.choice(mentors)] if mentors else [])
            else:
                chosen = [rng.choice(mentors)] if mentors and rng.random() < 0.6 else []
            if chosen:
                v["mentors"] = chosen
            if rng.random() < 0.35:
                v["group"] = rng.choice(groups)
            if rng.random() < 0.8:
                v["skills"] = skills
            if rng.random() < 0.6:
                before = rng.randint(1, 3)
                v["confidence"] = {"before": before, "after": min(5, before + rng.randint(0, 2))}
            if rng.random() < 0.5:
                v["quote"] = rng.choice(words.QUOTES)
            if rng.random() < 0.01:
                v["draft"] = True
            sentences = [_capitalise(s.format(name=first, lower=self.lower(skills[0]),
                                              org=rng.choice(words.ORGANISATIONS)))
                         for s in rng.sample(words.STORY_SENTENCES, rng.randint(3, 8))]
            body = "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
            self.files[f"stories/{story_id}.md"] = record_file(v, body)

    # all --------------------------------------------------------------------------------

    def run(self) -> dict[str, str]:
        counts = self.counts
        self.make_skills()
        self.make_people(counts["person"])
        self.pair_mentees()
        self.write_people()
        resources = self.make_resources(counts["resource"])
        self.make_sessions(counts["session"], resources)
        self.make_stories(counts["story"])
        return self.files


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _move_after(values: dict[str, Any], key: str, after: str) -> dict[str, Any]:
    if after not in values:
        return values
    moved = values.pop(key)
    result: dict[str, Any] = {}
    for k, v in values.items():
        result[k] = v
        if k == after:
            result[key] = moved
    return result


# -- the project ---------------------------------------------------------------------------


def adapt_config(text: str, records: int) -> str:
    """The repository's mkdocs.yml with content in content/ and the site in site/."""
    out = [f"# Benchmark hub: {records} generated records (benchmarks/generate_hub.py).",
           "# Everything below is the repository's mkdocs.yml, with its plugins."]
    seen = set()
    for line in text.splitlines():
        key = line.split(":", 1)[0] if re.match(r"[a-z_]+:", line) else ""
        if key == "docs_dir":
            line = "docs_dir: content"
        elif key == "site_dir":
            line = "site_dir: site"
        elif key == "site_name":
            line = f"site_name: {scalar(f'Benchmark hub ({records} records)')}"
        seen.add(key)
        out.append(line)
    for key, line in (("docs_dir", "docs_dir: content"), ("site_dir", "site_dir: site")):
        if key not in seen:
            out.insert(2, line)
    return "\n".join(out) + "\n"


def _copy_project_files(out_dir: Path, records: int) -> None:
    config = REPO / "mkdocs.yml"
    (out_dir / "mkdocs.yml").write_text(adapt_config(config.read_text(encoding="utf-8"), records),
                                        encoding="utf-8")
    for name in ("overrides", "hooks"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, out_dir / name)
    # Non-record files of the demo's content/ (a home page, images …) come along so
    # the site is built the way the demo is.
    content = REPO / "content"
    for path in sorted(content.rglob("*")):
        relative = path.relative_to(content)
        if path.is_dir() or relative.parts[0] in RECORD_FOLDERS or relative.as_posix() == "skills.yml":
            continue
        target = out_dir / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def _clear(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise SystemExit(f"{out_dir} is not empty and was not made by generate_hub.py; "
                         "pick an empty or new folder")
    shutil.rmtree(out_dir)


def generate(out_dir: Path, records: int, seed: int = 1) -> Path:
    """Write a complete benchmark project of `records` records to `out_dir`; return it."""
    if records < 20:
        raise ValueError("records must be at least 20")
    out_dir = Path(out_dir)
    _clear(out_dir)
    out_dir.mkdir(parents=True)
    generator = Generator(records, seed)
    files = generator.run()
    _copy_project_files(out_dir, records)
    content = out_dir / "content"
    for relative, text in sorted(files.items()):
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    manifest = {"records": records, "seed": seed, "as_of": AS_OF.isoformat(),
                "counts": generator.counts, "skills": len(generator.skills)}
    (out_dir / MARKER).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return out_dir


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path, help="folder to write the project to (replaced)")
    parser.add_argument("--records", type=int, required=True, help="number of record files")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    out = generate(args.out_dir, args.records, args.seed)
    counts = json.loads((out / MARKER).read_text(encoding="utf-8"))["counts"]
    print(f"Wrote {args.records} records to {out}: "
          + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
