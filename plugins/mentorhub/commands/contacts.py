"""`mentorhub contacts --identity KEYFILE [PERSON…|--cohort]`: open sealed emails locally.

For organizers only, on their own machine: it prints to the terminal and writes no
file, and it refuses to run in CI (`CI=true`, `GITHUB_ACTIONS=true`), where output
ends up in public logs. `--cohort` joins the proposed cohort (reports/cohort.json)
with both people's emails, ready for introductions. `--new-identity FILE` makes an
organizer key (the same as `age-keygen -o FILE`).

A sealed block is a stranger's input like any other (the recipients are public, so
anyone can seal anything to them): only exactly one email sealed for this person is
shown, anything else is a problem in words, and every line is escaped (`one_line`) so
nothing from content acts on the terminal. Scripts read `--json` or `--null`, which a
value cannot forge: ids and emails never hold a NUL, and JSON quotes every string.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pyrage import x25519

from ..hub.models import Hub
from ..hub.printable import json_safe, one_line
from ..hub.sealing import SealedContentError
from .age_tools import AgeError, new_identity, open_sealed, read_identities, sealed_block
from .common import add_project_argument, load_valid_hub


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "contacts", help="organizers: open sealed emails with your age key (never in CI)")
    parser.add_argument("people", nargs="*", metavar="PERSON", help="person ids (default: everyone)")
    parser.add_argument("--identity", "-i", type=Path, metavar="KEYFILE",
                        help="your age key file (age-keygen's output)")
    parser.add_argument("--cohort", nargs="?", const=Path("reports/cohort.json"), type=Path,
                        metavar="FILE", help="the cohort proposal's pairs with both emails "
                        "(default file: reports/cohort.json)")
    parser.add_argument("--new-identity", type=Path, metavar="FILE",
                        help="create an organizer key file (mode 0600) and print its public key")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true",
                        help="print a JSON list of {id, name, email, sealed, bound, problem}")
    output.add_argument("--null", "-0", action="store_true",
                        help="print 'ID\\0EMAIL\\0' for each opened sealed email, for scripts "
                        "(problems go to stderr)")
    add_project_argument(parser)
    parser.set_defaults(run=run)


@dataclass(frozen=True)
class Contact:
    """One person's email as the organizer may see it, or why there is none."""

    id: str
    name: str
    email: str = ""
    sealed: bool = False  # the email came out of contact.sealed
    bound: bool = False  # the block names this person (False: old format, or no block)
    problem: str = ""

    def line(self) -> str:
        shown = self.email or f"({self.problem})"
        if self.sealed and not self.bound:
            shown += " (old format, not bound to this profile: re-seal it)"
        # Tabs separate the columns; one inside a value is shown as "\t", like every control.
        return "\t".join(one_line(part) for part in (self.id, self.name, shown))


def run(args: argparse.Namespace) -> int:
    ci = [name for name in ("CI", "GITHUB_ACTIONS") if os.environ.get(name, "").lower() == "true"]
    if ci:
        return _refuse(f"{ci[0]}=true: contact details are opened on an organizer's own machine, "
                       "never in CI, where output lands in logs")
    try:
        if args.new_identity is not None:
            public = new_identity(args.new_identity)
            print(one_line(f"Wrote {args.new_identity} (keep it private and backed up)."))
            print(f"Public key, for 'recipients' in mkdocs.yml: {public}")
            return 0
        if args.identity is None:
            return _refuse("give --identity KEYFILE (your age key), or --new-identity FILE to make one")
        identities = read_identities(args.identity)
        hub = load_valid_hub(args.project)
        if hub is None:
            return 1
        if args.cohort is not None:
            return _cohort(hub, args.project, args.project / args.cohort, identities)
        unknown = [p for p in args.people if p not in hub.people]
        if unknown:
            return _refuse(f"no published person {', '.join(unknown)}")
        contacts = [contact(hub, args.project, person_id, identities)
                    for person_id in args.people or sorted(hub.people)]
    except AgeError as exc:
        return _refuse(str(exc))
    if args.json:
        print(json_safe(json.dumps([vars(c) for c in contacts], ensure_ascii=False, indent=2)))
    elif args.null:
        _print_null_separated(contacts)
    else:
        for found in contacts:
            print(found.line())
    _warn_old_format(contacts)
    return 0


def contact(hub: Hub, project: Path, person_id: str, identities: list[x25519.Identity]) -> Contact:
    """`person_id`'s email: public, or opened from their sealed block and checked."""
    person = hub.people[person_id]
    if person.public_email:
        return Contact(person_id, person.name, email=person.public_email)
    block = sealed_block(project / person.source.path)
    if block is None:
        return Contact(person_id, person.name, problem="no sealed email")
    try:
        opened = open_sealed(block, identities, person_id)
    except AgeError as exc:
        return Contact(person_id, person.name, sealed=True,
                       problem=f"{exc}: sealed for other recipients? re-seal with mentorhub seal")
    except SealedContentError as exc:
        return Contact(person_id, person.name, sealed=True,
                       problem=f"refused: the sealed block {exc}; ask the person, or an organizer, "
                               "to seal their email again")
    return Contact(person_id, person.name, email=opened.email, sealed=True, bound=opened.bound)


def _print_null_separated(contacts: list[Contact]) -> None:
    """`ID\\0EMAIL\\0` per opened sealed email: the rotation recipe's input (docs/guide/contact.md)."""
    out = sys.stdout.buffer
    for found in contacts:
        if found.sealed and found.email:
            out.write(found.id.encode("ascii") + b"\0" + found.email.encode("utf-8") + b"\0")
        elif found.problem:
            print(one_line(f"{found.id}: {found.problem}"), file=sys.stderr)
    out.flush()


def _warn_old_format(contacts: list[Contact]) -> None:
    old = [c.id for c in contacts if c.sealed and c.email and not c.bound]
    if old:
        print(one_line(
            f"mentorhub contacts: {len(old)} sealed block(s) in the old format, which does not "
            f"name its person ({', '.join(old)}): check each email belongs to its profile, then "
            "re-seal them (docs/guide/contact.md, 'rotating recipients')"), file=sys.stderr)


def _cohort(hub: Hub, project: Path, path: Path, identities: list[x25519.Identity]) -> int:
    try:
        pairs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _refuse(f"cannot read {path} ({exc}); build the site with matching first")
    if not isinstance(pairs, list):
        return _refuse(f"{path} is not a cohort proposal (a list of pairs)")
    for pair in pairs:
        if not isinstance(pair, dict):
            continue
        sides = [str(pair.get("mentee", "")), str(pair.get("mentor", ""))]
        shown = [_cohort_side(hub, project, pid, identities) for pid in sides]
        print(one_line(f"mentee {shown[0]}  ->  mentor {shown[1]}"))
    return 0


def _cohort_side(hub: Hub, project: Path, person_id: str, identities: list[x25519.Identity]) -> str:
    if person_id not in hub.people:
        return f"{person_id} (not published)"
    found = contact(hub, project, person_id, identities)
    return f"{person_id} ({found.name}) <{found.email or found.problem}>"


def _refuse(message: str) -> int:
    print(one_line(f"mentorhub contacts: {message}"), file=sys.stderr)
    return 1
