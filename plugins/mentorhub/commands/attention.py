"""`mentorhub attention`: the organizer's private "needs attention" list (docs/cycle.md).

Printed to the organizer's own terminal only, every value escaped; it writes no file
and refuses to run in CI, where output lands in public logs.
"""

from __future__ import annotations

import argparse
import datetime as dt

from ..cycle.attention import attention
from ..cycle.storage import RecordError
from ..hub.models import Hub
from ..hub.printable import one_line
from .common import add_project_argument, load_valid_hub
from .cycle_common import (
    CycleError,
    add_identity_argument,
    date_argument,
    identities_of,
    open_records,
    refuse,
    refuse_in_ci,
    settings_of,
)
from .notes import DEFAULT_STALE_AFTER_DAYS, hub_options

_HEADINGS = {"overdue": "Check-in overdue", "at-risk": "Latest check-in: at risk",
             "needs-support": "Latest check-in: needs support", "ending": "Ending soon",
             "waiting": "Mentees waiting for a mentor", "stale": "Mentor profiles going stale"}


def _named(hub: Hub, subject: str) -> str:
    """ "ana → mo" as "ana (Ana Lima) → mo (Mo Ali)": the organizer sees who, not only ids."""
    return " → ".join(f"{pid} ({hub.people[pid].name})" if pid in hub.people else pid
                      for pid in subject.split(" → "))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("attention", help="organizers: pairs and people that need attention now")
    parser.add_argument("--today", type=date_argument, metavar="DATE", help="as if today were DATE")
    add_identity_argument(parser)
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        refuse_in_ci("the attention list")
        settings = settings_of(args.project)
        records = open_records(args.project, settings, identities_of(args, settings))
        hub = load_valid_hub(args.project)
        if hub is None:
            return 1
        stale = hub_options(args.project / "mkdocs.yml").get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
        today = args.today or dt.date.today()
        items = attention(hub, records.relationships, settings, today,
                          stale if isinstance(stale, int) else DEFAULT_STALE_AFTER_DAYS)
    except (CycleError, RecordError) as exc:
        return refuse("attention", str(exc))
    if not items:
        print(f"Nothing needs attention on {today.isoformat()}.")
        return 0
    print(f"Needs attention on {today.isoformat()} ({len(items)}):")
    heading = ""
    for item in items:
        if item.kind != heading:
            heading = item.kind
            print(f"\n{_HEADINGS[heading]}")
        print("  " + one_line(f"{_named(hub, item.subject)}: {item.detail}"))
    return 0
