"""`mentorhub pair start|end|show|rekey`: record relationships and keep the public pairs in step.

    mentorhub pair start ana-lima joao-silva --until 2027-06-30
    mentorhub pair start --cohort              # accept reports/cohort.json after a review
    mentorhub pair end ana-lima joao-silva --reason goals-met --by mentee -i key.txt
    mentorhub pair extend ana-lima joao-silva --until 2027-12-31 -i key.txt
    mentorhub pair show -i key.txt             # the records, on your own terminal

`start` writes an encrypted record to `records/` and adds the mentor to the mentee's
public `mentors:`; `end` records the closure, removes the public pair, and for
`mismatch` blocks the pair in `content/matching.yml`. See docs/cycle.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from ..cycle.models import PARTIES, REASONS, Closure, Relationship
from ..cycle.public_edits import EditError, add_blocked, add_mentor, mentors_of, remove_mentor
from ..cycle.settings import CycleSettings
from ..cycle.storage import RecordError, new_record_id, write_record
from ..hub.files import MATCHING_FILE
from ..hub.models import Hub
from ..hub.printable import one_line
from .common import add_project_argument, content_dir, load_valid_hub
from .cycle_common import (
    CycleError,
    add_identity_argument,
    check_pair,
    date_argument,
    find,
    identities_of,
    open_records,
    refuse,
    refuse_in_ci,
    settings_of,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("pair", help="organizers: start, end and show mentoring relationships")
    actions = parser.add_subparsers(dest="action", required=True)
    start = actions.add_parser("start", help="record a new pair and publish it (mentee's mentors:)")
    start.add_argument("mentee", nargs="?", help="the mentee's id")
    start.add_argument("mentor", nargs="?", help="the mentor's id")
    start.add_argument("--on", type=date_argument, metavar="DATE", help="start date (default: today)")
    start.add_argument("--until", type=date_argument, metavar="DATE", help="planned end date")
    start.add_argument("--cohort", nargs="?", const=Path("reports/cohort.json"), type=Path, metavar="FILE",
                       help="accept every pair of a cohort proposal (default: reports/cohort.json)")
    start.add_argument("--yes", "-y", action="store_true", help="accept the cohort without asking")
    start.add_argument("--record-only", action="store_true",
                       help="a pair already public (mentors:) before the hub kept records: record it only")
    end = actions.add_parser("end", help="record a closure and remove the public pair")
    end.add_argument("mentee")
    end.add_argument("mentor")
    end.add_argument("--reason", required=True, choices=REASONS, help="why it ended")
    end.add_argument("--by", choices=PARTIES, default="organizer", help="who initiated the closure")
    end.add_argument("--on", type=date_argument, metavar="DATE", help="end date (default: today)")
    extend = actions.add_parser("extend", help="record a new planned end for an active pair")
    extend.add_argument("mentee")
    extend.add_argument("mentor")
    extend.add_argument("--until", type=date_argument, metavar="DATE", required=True, help="new planned end")
    show = actions.add_parser("show", help="print the records on your own terminal (never in CI)")
    show.add_argument("people", nargs="*", metavar="PERSON", help="only relationships of these people")
    actions.add_parser("rekey", help="re-encrypt every record to today's recipients and build key")
    for sub in (start, end, extend, show, actions.choices["rekey"]):
        add_identity_argument(sub)
        add_project_argument(sub)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = settings_of(args.project)
        if not [k for k in settings.record_recipients if k != settings.build_key]:
            raise CycleError("no organizer key to encrypt records to: list your public keys as "
                             "'recipients' under the mentorhub plugin in mkdocs.yml (docs/contact.md)")
        hub = load_valid_hub(args.project)
        if hub is None:
            return 1
        return int(_ACTIONS[args.action](args, settings, hub))
    except CycleError as exc:
        return refuse("pair", str(exc))
    except (EditError, RecordError) as exc:
        return refuse("pair", str(exc))
    except BrokenPipeError:
        raise  # `mentorhub pair show | head`: the CLI ends quietly
    except OSError as exc:
        return refuse("pair", f"cannot write: {exc.strerror or exc}")


def _start(args: argparse.Namespace, settings: CycleSettings, hub: Hub) -> int:
    on = args.on or dt.date.today()
    if args.until and args.until <= on:
        raise CycleError("--until must come after the start date")
    if args.cohort is not None:
        if args.mentee or args.mentor:
            raise CycleError("give MENTEE MENTOR or --cohort, not both")
        return _accept_cohort(args, settings, hub, on)
    if not (args.mentee and args.mentor):
        raise CycleError("give MENTEE MENTOR (ids), or --cohort to accept a cohort proposal")
    check_pair(hub, args.mentee, args.mentor)
    person_file = args.project / hub.people[args.mentee].source.path
    public = args.mentor in mentors_of(person_file.read_text(encoding="utf-8"))
    if public and not args.record_only:
        raise CycleError(f"{args.mentor} already mentors {args.mentee} (see mentors: in {person_file}); "
                         "to record a pair that was public before the hub kept records, add "
                         "--record-only --on START_DATE")
    if args.record_only and not public:
        raise CycleError(f"--record-only is for a pair already in mentors:, and {args.mentor} is not "
                         f"a mentor of {args.mentee} yet")
    if args.record_only:
        records = open_records(args.project, settings, identities_of(args, settings))
        if any(r.mentee == args.mentee and r.mentor == args.mentor and r.ended is None
               for r in records.relationships):
            raise CycleError(f"the pair {args.mentee} → {args.mentor} is recorded already")
        folder = settings.folder(args.project)
        write_record(folder, Relationship(id=new_record_id(folder), path="", mentee=args.mentee,
                                          mentor=args.mentor, started=on, planned_end=args.until),
                     settings.record_recipients)
        print(f"Recorded: mentee {args.mentee} → mentor {args.mentor}, started {on.isoformat()} "
              f"(already public). Commit {settings.records}/.")
        return 0
    for line in _capacity_notes(hub, [(args.mentee, args.mentor)]):
        print(line)
    _start_pair(args.project, settings, hub, args.mentee, args.mentor, on, args.until)
    print(f"Started: mentee {args.mentee} → mentor {args.mentor} on {on.isoformat()}.\n"
          f"  recorded (encrypted) in {settings.records}/, and {args.mentor} added to mentors: in "
          f"{hub.people[args.mentee].source.path}. Commit both, then introduce them.")
    return 0


def _start_pair(project: Path, settings: CycleSettings, hub: Hub, mentee: str, mentor: str,
                on: dt.date, until: dt.date | None) -> None:
    folder = settings.folder(project)
    record = Relationship(id=new_record_id(folder), path="", mentee=mentee, mentor=mentor,
                          started=on, planned_end=until)
    person_file = project / hub.people[mentee].source.path
    text = person_file.read_text(encoding="utf-8")
    edited = add_mentor(text, mentor)  # fails before anything is written if the file is odd
    write_record(folder, record, settings.record_recipients)
    person_file.write_text(edited, encoding="utf-8", newline="")


def _accept_cohort(args: argparse.Namespace, settings: CycleSettings, hub: Hub, on: dt.date) -> int:
    path = args.project / args.cohort
    try:
        pairs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CycleError(f"cannot read {path} ({exc}); build the site or run mentorhub match first") from None
    if not isinstance(pairs, list) or not all(isinstance(p, dict) for p in pairs):
        raise CycleError(f"{path} is not a cohort proposal (a list of {{mentee, mentor}})")
    wanted = [(str(p.get("mentee", "")), str(p.get("mentor", ""))) for p in pairs]
    problems, todo = [], []
    for mentee, mentor in wanted:
        try:
            check_pair(hub, mentee, mentor)
        except CycleError as exc:
            problems.append(f"  {one_line(mentee)} → {one_line(mentor)}: {exc}")
            continue
        if mentor in hub.people[mentee].mentors:
            continue  # already public: accepting twice changes nothing
        todo.append((mentee, mentor))
    if problems:
        raise CycleError(f"{path} does not match the hub (rebuild to refresh it):\n" + "\n".join(problems))
    if not todo:
        print(f"Nothing to do: every pair of {path} is already started.")
        return 0
    print(f"Accepting {len(todo)} {'pair' if len(todo) == 1 else 'pairs'} from {path}, starting "
          f"{on.isoformat()}{f', planned to end {args.until.isoformat()}' if args.until else ''}:")
    for mentee, mentor in todo:
        names = one_line(hub.people[mentee].name), one_line(hub.people[mentor].name)
        print(f"  {mentee} ({names[0]}) → {mentor} ({names[1]})   edits {hub.people[mentee].source.path}")
    for line in _capacity_notes(hub, todo):
        print(line)
    print(f"Each pair gets an encrypted record in {settings.records}/ "
          "and its mentor in the mentee's mentors:.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CycleError("not a terminal: add --yes to accept without asking")
        if input("Start these pairs? [y/N] ").strip().lower() not in ("y", "yes"):
            print("Nothing changed.")
            return 1
    for mentee, mentor in todo:
        _start_pair(args.project, settings, hub, mentee, mentor, on, args.until)
    print(f"Started {len(todo)} {'pair' if len(todo) == 1 else 'pairs'}. "
          "Commit records/ and content/people/, "
          "then introduce them (mentorhub contacts --cohort shows their emails).")
    return 0


def _capacity_notes(hub: Hub, pairs: list[tuple[str, str]]) -> list[str]:
    taken = {m: len(ids) for m, ids in hub.mentees_of.items()}
    for _, mentor in pairs:
        taken[mentor] = taken.get(mentor, 0) + 1
    return [f"note: {m} would mentor {n}, over their capacity of {hub.people[m].capacity}"
            for m, n in sorted(taken.items())
            if m in hub.people and hub.people[m].capacity and n > hub.people[m].capacity
            and any(m == mentor for _, mentor in pairs)]


def _end(args: argparse.Namespace, settings: CycleSettings, hub: Hub) -> int:
    records = open_records(args.project, settings, identities_of(args, settings))
    record = find(records.relationships, args.mentee, args.mentor, active=True)
    on = args.on or dt.date.today()
    if on < record.started:
        raise CycleError(f"the end date is before the start ({record.started.isoformat()})")
    ended = dataclasses.replace(record, ended=on, closure=Closure(args.reason, args.by))
    matching = content_dir(args.project) / MATCHING_FILE
    person = hub.people.get(args.mentee)
    person_file = args.project / person.source.path if person else None
    edited = remove_mentor(person_file.read_text(encoding="utf-8"), args.mentor) if person_file else None
    blocked = None
    if args.reason == "mismatch":
        blocked = add_blocked(matching.read_text(encoding="utf-8") if matching.is_file() else "",
                              args.mentee, args.mentor)
    write_record(settings.folder(args.project), ended, settings.record_recipients)
    if person_file and edited is not None:
        person_file.write_text(edited, encoding="utf-8", newline="")
    if blocked is not None:
        matching.write_text(blocked, encoding="utf-8", newline="")
    print(f"Ended: mentee {args.mentee} → mentor {args.mentor} on {on.isoformat()} ({args.reason}, "
          f"initiated by {args.by}); {args.mentor} removed from mentors: of {args.mentee}.")
    if blocked is not None:
        print(f"  The pair is blocked in {MATCHING_FILE}: it will not be suggested again.")
    print("  Re-match: mentorhub match --person " + args.mentee)
    return 0


def _extend(args: argparse.Namespace, settings: CycleSettings, hub: Hub) -> int:
    records = open_records(args.project, settings, identities_of(args, settings))
    record = find(records.relationships, args.mentee, args.mentor, active=True)
    if args.until <= record.started:
        raise CycleError(f"--until must come after the start ({record.started.isoformat()})")
    write_record(settings.folder(args.project), dataclasses.replace(record, planned_end=args.until),
                 settings.record_recipients)
    print(f"Extended: {args.mentee} → {args.mentor} now planned to end on {args.until.isoformat()}.")
    return 0


def _show(args: argparse.Namespace, settings: CycleSettings, hub: Hub) -> int:
    refuse_in_ci("pair show")
    records = open_records(args.project, settings, identities_of(args, settings))
    for r in records.relationships:
        if args.people and r.mentee not in args.people and r.mentor not in args.people:
            continue
        state = (f"ended {r.ended.isoformat()} ({r.closure.reason}, by {r.closure.initiated_by})"
                 if r.ended and r.closure else "active")
        planned = f", planned end {r.planned_end.isoformat()}" if r.planned_end else ""
        print(one_line(f"{r.path}: {'circle' if r.circle else 'mentee'} {r.mentee} → {r.mentor}: "
                       f"started {r.started.isoformat()}{planned}, {state}"))
        for c in r.checkins:
            note = f": {c.note}" if c.note else ""
            print("  " + one_line(f"check-in {c.date.isoformat()} by {c.by}, {c.status}{note}"))
        for g in r.goals:
            print("  " + one_line(f"goal ({g.state}): {g.goal}"))
    return 0


def _rekey(args: argparse.Namespace, settings: CycleSettings, hub: Hub) -> int:
    records = open_records(args.project, settings, identities_of(args, settings))
    folder = settings.folder(args.project)
    for record in records.relationships:
        write_record(folder, record, settings.record_recipients)
    print(f"Re-encrypted {len(records.relationships)} records in {settings.records}/ to "
          f"{len(settings.record_recipients)} keys.")
    return 0


_ACTIONS = {"start": _start, "end": _end, "extend": _extend, "show": _show, "rekey": _rekey}
