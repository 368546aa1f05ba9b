"""`mentorhub contacts --identity KEYFILE [PERSON…|--cohort]`: open sealed emails locally.

For organizers only, on their own machine: it prints to the terminal and writes no
file, and it refuses to run in CI (`CI=true`, `GITHUB_ACTIONS=true`), where output
ends up in public logs. `--cohort` joins the proposed cohort (reports/cohort.json)
with both people's emails, ready for introductions. `--new-identity FILE` makes an
organizer key (the same as `age-keygen -o FILE`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pyrage import x25519

from ..hub.models import Hub
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
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ci = [name for name in ("CI", "GITHUB_ACTIONS") if os.environ.get(name, "").lower() == "true"]
    if ci:
        return _refuse(f"{ci[0]}=true: contact details are opened on an organizer's own machine, "
                       "never in CI, where output lands in logs")
    try:
        if args.new_identity is not None:
            public = new_identity(args.new_identity)
            print(f"Wrote {args.new_identity} (keep it private and backed up).\n"
                  f"Public key, for 'recipients' in mkdocs.yml: {public}")
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
        for person_id in args.people or sorted(hub.people):
            print(f"{person_id}\t{hub.people[person_id].name}\t"
                  f"{_email(hub, args.project, person_id, identities)}")
    except AgeError as exc:
        return _refuse(str(exc))
    return 0


def _email(hub: Hub, project: Path, person_id: str, identities: list[x25519.Identity]) -> str:
    person = hub.people[person_id]
    if person.public_email:
        return person.public_email
    block = sealed_block(project / person.source.path)
    if block is None:
        return "(no sealed email)"
    try:
        return open_sealed(block, identities)
    except AgeError as exc:
        return f"({exc}: sealed for other recipients? re-seal with mentorhub seal)"


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
        shown = [f"{pid} ({hub.people[pid].name}) <{_email(hub, project, pid, identities)}>"
                 if pid in hub.people else f"{pid} (not published)" for pid in sides]
        print(f"mentee {shown[0]}  ->  mentor {shown[1]}")
    return 0


def _refuse(message: str) -> int:
    print(f"mentorhub contacts: {message}", file=sys.stderr)
    return 1
