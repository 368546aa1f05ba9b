"""What `pair`, `checkin` and `attention` share: settings, keys, records, checks, output.

Every value read from a record is private: it is printed only to the organizer's own
terminal, escaped (:func:`one_line`), and these commands refuse to print records in
CI, where output lands in public logs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from pyrage import x25519

from ..cycle.demo import DEMO_ORGANIZER_SECRET
from ..cycle.models import Relationship
from ..cycle.settings import CycleSettings, SettingsError, read_settings
from ..cycle.storage import Records, identity_from_text, read_records
from ..hub.models import Hub
from ..hub.printable import one_line
from ..hub.problems import format_problems
from .age_tools import AgeError, read_identities
from .common import content_dir
from .hub_language import hub_localizer
from .notes import hub_options


class CycleError(Exception):
    """What the organizer should do; printed as `mentorhub <command>: message`."""


def add_identity_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--identity", "-i", type=Path, metavar="KEYFILE",
                        help="your age key file, the organizers' key (in the demo: not needed)")


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not a date: use YYYY-MM-DD, e.g. 2026-09-01") from None


DEMO_WARNING = ("warning: demo: true in mkdocs.yml: records here are encrypted to the public DEMO-ONLY "
                "keys, so anyone can read them. For a real programme remove demo: true and the demo "
                "build_key, and make your own keys (docs/guide/cycle.md).")


def settings_of(project: Path) -> CycleSettings:
    try:
        settings = read_settings(hub_options(project / "mkdocs.yml"), project=project,
                                 content_dir=content_dir(project))
    except SettingsError as exc:
        raise CycleError(f"mkdocs.yml: {exc}") from None
    if settings.demo:
        print(DEMO_WARNING, file=sys.stderr)
    return settings


def identities_of(args: argparse.Namespace, settings: CycleSettings) -> list[x25519.Identity]:
    if args.identity is None:
        if settings.demo:
            return identity_from_text(DEMO_ORGANIZER_SECRET, "the demo key")
        raise CycleError("give --identity KEYFILE: your age key "
                         "(mentorhub contacts --new-identity makes one)")
    try:
        return read_identities(args.identity)
    except AgeError as exc:
        raise CycleError(str(exc)) from None


def open_records(project: Path, settings: CycleSettings, identities: list[x25519.Identity]) -> Records:
    """Every record, or CycleError listing every problem (as `check` does for content)."""
    records = read_records(settings.folder(project), identities, project)
    if records.problems:
        words = hub_localizer(project)  # the records' problems in the hub's language
        shown = format_problems(records.problems, translate=words.gettext if words is not None else None)
        raise CycleError(f"the relationship records have problems:\n{shown}")
    return records


def refuse_in_ci(what: str) -> None:
    ci = [name for name in ("CI", "GITHUB_ACTIONS") if os.environ.get(name, "").lower() == "true"]
    if ci:
        raise CycleError(f"{ci[0]}=true: {what} is for an organizer's own machine, never CI, "
                         "where output lands in logs")


def check_pair(hub: Hub, mentee: str, mentor: str) -> None:
    """Both ids are published people in the right roles (ids are public: safe to print)."""
    problems = []
    for person_id, role in ((mentee, "mentee"), (mentor, "mentor")):
        person = hub.people.get(person_id)
        if person is None:
            problems.append(f"no published person '{one_line(person_id)}' (the file name in "
                            "content/people/ without .md)")
        elif role not in person.roles:
            problems.append(f"'{person_id}' is not a {role} (roles: {', '.join(person.roles)})")
    if mentee == mentor:
        problems.append("a person cannot mentor themselves")
    if problems:
        raise CycleError("; ".join(problems))


def find(relationships: list[Relationship], mentee: str, mentor: str, *, active: bool) -> Relationship:
    """The pair's latest relationship (an active one when `active`)."""
    found = [r for r in relationships if r.mentee == mentee and r.mentor == mentor and not r.circle
             and (not active or r.ended is None)]
    if not found:
        state = "an active relationship" if active else "a relationship"
        raise CycleError(f"no record of {state} between mentee {mentee} and mentor {mentor} "
                         f"(start one with mentorhub pair start {mentee} {mentor}; a pair public "
                         "before the hub kept records: add --record-only --on START_DATE)")
    return max(found, key=lambda r: (r.started, r.id))


def refuse(command: str, message: str) -> int:
    print(f"mentorhub {command}: {one_line(message) if chr(10) not in message else message}", file=sys.stderr)
    return 1
