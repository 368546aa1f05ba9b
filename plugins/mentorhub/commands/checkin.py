"""`mentorhub checkin MENTEE MENTOR --status S [--note TEXT]`: record a check-in on a pair.

    mentorhub checkin ana-lima joao-silva --status on-track --by mentee --note "met twice"

Appends to the pair's encrypted record (nothing public changes). See docs/cycle.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from ..cycle.models import PARTIES, STATUSES, Checkin
from ..cycle.storage import RecordError, write_record
from ..cycle.validate import NOTE_LIMIT
from ..hub.printable import CONTROL
from .common import add_project_argument
from .cycle_common import (
    CycleError,
    add_identity_argument,
    date_argument,
    find,
    identities_of,
    open_records,
    refuse,
    settings_of,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("checkin", help="organizers: record a check-in on a pair")
    parser.add_argument("mentee", help="the mentee's id")
    parser.add_argument("mentor", help="the mentor's id")
    parser.add_argument("--status", required=True, choices=STATUSES, help="how the relationship is going")
    parser.add_argument("--by", choices=PARTIES, default="organizer", help="who checked in")
    parser.add_argument("--on", type=date_argument, metavar="DATE", help="date (default: today)")
    parser.add_argument("--note", default="", help="a short private note (encrypted like the record)")
    add_identity_argument(parser)
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        on = args.on or dt.date.today()
        note = args.note.strip()
        if len(note) > NOTE_LIMIT:
            raise CycleError(f"--note is longer than {NOTE_LIMIT:,} characters")
        if CONTROL.search(note):
            raise CycleError("--note holds control characters")
        settings = settings_of(args.project)
        records = open_records(args.project, settings, identities_of(args, settings))
        record = find(records.relationships, args.mentee, args.mentor, active=False)
        if on < record.started:
            raise CycleError(f"the check-in date is before the start ({record.started.isoformat()})")
        if record.ended and on > record.ended + dt.timedelta(days=30):
            raise CycleError(f"the relationship ended on {record.ended.isoformat()}; "
                             "start a new one with mentorhub pair start")
        checkins = tuple(sorted((*record.checkins, Checkin(on, args.by, args.status, note)),
                                key=lambda c: c.date))
        write_record(settings.folder(args.project), dataclasses.replace(record, checkins=checkins),
                     settings.record_recipients)
    except CycleError as exc:
        return refuse("checkin", str(exc))
    except (RecordError, OSError) as exc:
        return refuse("checkin", str(exc))
    print(f"Checked in: {args.mentee} → {args.mentor} on {on.isoformat()}, {args.status} "
          f"({len(checkins)} check-ins recorded). Commit {settings.records}/.")
    return 0
