"""Matching at scale: time and peak memory for suggestions and for the cohort proposal.

Builds hubs in memory (no files) with a realistic skew: skill popularity follows a
Zipf law (a few skills everyone offers and seeks, a long tail few do), most people
speak English plus maybe one other language, time zones cluster in a few regions,
a tenth of mentors are closed and some have not confirmed their profile for a year.

    .venv/bin/python benchmarks/bench_matching.py            # 10k × 2k and 20k × 5k
    .venv/bin/python benchmarks/bench_matching.py --quick    # 2k × 400, for a smoke run

Targets on a 2-core machine: suggestions for 10k mentees × 2k mentors under 2 s and
500 MB; the cohort under 10 s. Time is measured without tracing; peak memory in a
further run under tracemalloc (Python allocations of that step alone). Times are the
best of --repeat runs (default 3), with the median beside it to show the noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from mentorhub.hub.models import Hub, Person, Skill, Source
from mentorhub.matching import MatchContext, MatchOptions, match_hub, propose_cohort
from mentorhub.matching.suggest import suggest_mentors

TODAY = dt.date(2026, 11, 22)
SKILLS = 400
ZONES = [  # (zone, weight): most people in a few regions, a long tail elsewhere
    ("Europe/London", 10), ("Europe/Berlin", 12), ("Europe/Warsaw", 4), ("Europe/Lisbon", 3),
    ("America/New_York", 12), ("America/Chicago", 6), ("America/Los_Angeles", 8),
    ("America/Mexico_City", 4), ("America/Sao_Paulo", 5), ("America/Bogota", 3),
    ("Africa/Lagos", 6), ("Africa/Nairobi", 4), ("Africa/Accra", 2), ("Africa/Cairo", 2),
    ("Asia/Kolkata", 9), ("Asia/Dhaka", 2), ("Asia/Tokyo", 3), ("Asia/Singapore", 3),
    ("Asia/Kathmandu", 1), ("Australia/Sydney", 3), ("Pacific/Auckland", 1), ("", 4),
]
SECOND_LANGUAGES = [("es", 10), ("pt", 5), ("fr", 6), ("de", 5), ("hi", 5), ("ar", 3),
                    ("sw", 2), ("ja", 2), ("pl", 1), ("it", 2), ("", 40)]
FORMAT_SETS = [(("one-on-one",), 30), (("one-on-one", "async"), 20), (("one-on-one", "group"), 15),
               (("group", "peer-circle"), 8), (("one-on-one", "peer-circle"), 8), (("async",), 5),
               (("one-on-one", "group", "peer-circle", "async"), 4)]


def _pick(rng: random.Random, weighted: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def synthetic_hub(mentees: int, mentors: int, seed: int = 7) -> Hub:
    rng = random.Random(seed)
    skill_ids = [f"skill-{i:03d}" for i in range(SKILLS)]
    zipf = list(itertools.accumulate(1 / (rank + 1) ** 1.07 for rank in range(SKILLS)))

    def skills(low: int, high: int) -> tuple[str, ...]:
        wanted = rng.randint(low, high)
        chosen: dict[str, None] = {}
        while len(chosen) < wanted:
            chosen[rng.choices(skill_ids, cum_weights=zipf)[0]] = None
        return tuple(chosen)

    def languages() -> tuple[str, ...]:
        second = _pick(rng, SECOND_LANGUAGES)
        if second and rng.random() < 0.12:
            return (second,)  # a few people do not speak English
        return ("en", second) if second else ("en",)

    people: dict[str, Person] = {}
    mentor_ids = [f"mentor-{i:05d}" for i in range(mentors)]
    for person_id in mentor_ids:
        people[person_id] = Person(
            id=person_id, source=Source(f"content/people/{person_id}.md"), name=person_id,
            roles=("mentor",), languages=languages(), offers=skills(1, 5),
            timezone=_pick(rng, ZONES), formats=_pick(rng, FORMAT_SETS),
            capacity=rng.choice((1, 1, 2, 2, 3, 4)),
            availability=_pick(rng, [("open", 75), ("limited", 15), ("closed", 10)]),
            confirmed=TODAY - dt.timedelta(days=rng.randint(0, 500)),
        )
    for i in range(mentees):
        person_id = f"mentee-{i:05d}"
        current = (rng.choice(mentor_ids),) if rng.random() < 0.25 else ()
        people[person_id] = Person(
            id=person_id, source=Source(f"content/people/{person_id}.md"), name=person_id,
            roles=("mentee",), languages=languages(), seeks=skills(1, 3),
            timezone=_pick(rng, ZONES), formats=_pick(rng, FORMAT_SETS), mentors=current,
        )
    return Hub(skills={s: Skill(s, s.replace("-", " ").capitalize(), "Bench") for s in skill_ids},
               people=dict(sorted(people.items())))


def measure(step: Callable[[], Any], repeat: int) -> tuple[float, float, float, Any]:
    """(best seconds, median seconds, peak MiB under tracemalloc, result).

    The best of several runs is the figure least disturbed by other work on a shared
    machine; the median shows how noisy it was.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    gc.collect()
    tracemalloc.start()
    result = step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(times), statistics.median(times), peak / 2**20, result


def run(mentees: int, mentors: int, repeat: int) -> None:
    hub = synthetic_hub(mentees, mentors)
    options = MatchOptions(today=TODAY)
    print(f"\n{mentees:,} mentees × {mentors:,} mentors (best / median of {repeat} runs)")
    best, median, peak, suggestions = measure(
        lambda: suggest_mentors(MatchContext(hub, options)), repeat)
    shown = sum(len(v) for v in suggestions.mentors_for.values())
    with_any = sum(1 for v in suggestions.mentors_for.values() if v)
    print(f"  suggestions: {best:5.2f} s / {median:5.2f} s, peak {peak:6.1f} MiB  "
          f"({shown:,} suggestions; {with_any:,} mentees have at least one)")
    best, median, peak, cohort = measure(lambda: propose_cohort(MatchContext(hub, options)), repeat)
    print(f"  cohort:      {best:5.2f} s / {median:5.2f} s, peak {peak:6.1f} MiB  "
          f"({len(cohort.pairs):,} of {cohort.unpaired:,} unpaired mentees paired)")
    best, median, peak, _ = measure(lambda: match_hub(hub, options), repeat)
    print(f"  everything:  {best:5.2f} s / {median:5.2f} s, peak {peak:6.1f} MiB  "
          "(suggestions with explanations, peers, circles)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one small hub, for a smoke run")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per step (default 3)")
    args = parser.parse_args()
    sizes = [(2_000, 400)] if args.quick else [(10_000, 2_000), (20_000, 5_000)]
    print(f"Python {sys.version.split()[0]}; times without tracing, memory under tracemalloc")
    for mentees, mentors in sizes:
        run(mentees, mentors, max(1, args.repeat))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS (hubs included): {rss:.0f} MiB")


if __name__ == "__main__":
    main()
