#!/usr/bin/env python3
"""Write the demo hub's relationship records (records/*.age), encrypted to the DEMO-ONLY keys.

A year and a half of a small programme: the demo's ten current pairs, plus earlier
relationships that ended for the usual reasons. Everything is fictional, and the keys
are public (mentorhub/cycle/demo.py), so these records are readable by anyone: that
is the point of a demo. Run from the repository root: `.venv/bin/python scripts/demo_records.py`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from mentorhub.cycle.demo import DEMO_BUILD_PUBLIC, DEMO_ORGANIZER_PUBLIC
from mentorhub.cycle.models import Checkin, Closure, Goal, Relationship
from mentorhub.cycle.storage import SUFFIX, write_record

D = dt.date.fromisoformat
#: (mentee, mentor, started, planned_end, ended, reason, initiated_by)
YEAR: list[tuple[str, str, str, str | None, str | None, str | None, str | None]] = [
    # the demo's current pairs (content/people/*.md `mentors:`)
    ("ana-souza", "priya-raman", "2025-04-07", "2027-04-07", None, None, None),
    ("arjun-mehta", "tom-nguyen", "2025-09-01", "2027-03-01", None, None, None),
    ("beatriz-lima", "joao-ferreira", "2025-07-14", "2026-12-18", None, None, None),
    ("chidi-eze", "amara-okafor", "2025-09-15", None, None, None, None),
    ("diego-ramirez", "lucia-hernandez", "2025-11-03", "2027-05-03", None, None, None),
    ("ewa-nowak", "marta-kowalska", "2025-10-06", None, None, None, None),
    ("grace-wambui", "wanjiru-kamau", "2025-08-04", "2027-02-04", None, None, None),
    ("liam-walsh", "claire-dubois", "2025-10-13", None, None, None, None),
    ("lukas-schmidt", "priya-raman", "2026-01-12", None, None, None, None),
    ("rosa-martinez", "amara-okafor", "2025-10-01", "2027-04-01", None, None, None),
    # relationships that ended
    ("aisha-bello", "kenji-watanabe", "2026-03-02", "2027-03-02", "2026-05-11", "mismatch", "mentee"),
    ("kofi-asante", "samuel-mensah", "2026-02-16", None, "2026-04-20", "mentee-time", "mentee"),
    ("jamal-carter", "hannah-becker", "2026-06-22", None, "2026-09-28", "mentor-time", "mentor"),
    ("nadia-rahman", "fatima-al-sayed", "2026-04-13", "2027-04-13", "2026-10-05", "no-contact", "organizer"),
    ("sofia-rossi", "margaret-oconnell", "2025-11-10", "2026-05-10", "2026-05-08", "planned-end", "both"),
    ("mei-tanaka", "tom-nguyen", "2026-04-20", None, "2026-08-31", "moved", "mentee"),
    ("omar-haddad", "joao-ferreira", "2026-06-01", None, "2026-07-06", "mismatch", "mentor"),
    ("former-mentee-ines", "lucia-hernandez", "2025-06-02", "2026-06-02", "2026-05-29", "goals-met", "both"),
    ("former-mentee-tariq", "samuel-mensah", "2025-05-12", "2026-05-12", "2026-05-11", "planned-end", "both"),
    ("former-mentee-lena", "kenji-watanabe", "2025-06-16", None, "2025-12-15", "goals-met", "mentee"),
    ("former-mentee-raj", "margaret-oconnell", "2025-05-05", "2026-05-05", "2025-08-25", "mentor-time", "mentor"),
    ("former-mentee-eva", "wanjiru-kamau", "2025-07-07", None, "2026-07-06", "goals-met", "both"),
    ("former-mentee-yan", "claire-dubois", "2025-08-11", None, "2025-10-20", "no-contact", "organizer"),
    ("former-mentee-ola", "hannah-becker", "2025-09-08", "2026-09-08", "2026-09-04", "planned-end", "both"),
]
LAST_DAY = D("2026-11-30")  # the demo's records stop here
NOTES = ("Demo note: meeting every other week", "Demo note: working on a portfolio",
         "Demo note: busy month, one call", "Demo note: asked for a reading list")
GOALS = ("Demo goal: a first portfolio piece", "Demo goal: practise interviews",
         "Demo goal: a plan for the next year")


def relationship(index: int, row: tuple[str, str, str, str | None, str | None, str | None, str | None]
                 ) -> Relationship:
    mentee, mentor, started, planned, ended, reason, by = row
    rng = random.Random(index)  # the same demo every time
    start, end = D(started), D(ended) if ended else LAST_DAY
    checkins, day = [], start + dt.timedelta(days=rng.randint(6, 10))
    while day <= end:
        status = rng.choices(("on-track", "needs-support", "at-risk"), (8, 2, 1))[0]
        note = rng.choice(NOTES) if rng.random() < 0.4 else ""
        checkins.append(Checkin(day, rng.choice(("organizer", "mentee", "mentor")), status, note))
        early = (day - start).days < 30
        day += dt.timedelta(days=rng.randint(10, 16) if early else rng.randint(24, 45 if index % 3 else 60))
    goals = (Goal(GOALS[index % len(GOALS)], "met" if reason == "goals-met" else "in-progress"),)
    return Relationship(id=f"demo{index:04d}", path="", mentee=mentee, mentor=mentor, started=start,
                        planned_end=D(planned) if planned else None, ended=D(ended) if ended else None,
                        closure=Closure(reason, by) if reason and by else None,
                        checkins=tuple(checkins), goals=goals)


def main() -> int:
    folder = Path("records")
    for old in folder.glob(f"demo*{SUFFIX}"):
        old.unlink()
    for index, row in enumerate(YEAR):
        write_record(folder, relationship(index, row), [DEMO_ORGANIZER_PUBLIC, DEMO_BUILD_PUBLIC])
    print(f"Wrote {len(YEAR)} demo records to {folder}/ (DEMO-ONLY keys)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
