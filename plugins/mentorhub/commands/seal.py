"""`mentorhub seal --person ID [EMAIL]`: encrypt a person's hidden email to the organizers.

Writes the armored block into `content/people/ID.md` as `contact.sealed`, or prints it
with `--stdout`. The block names the person it was sealed for (hub/sealing.py), so a
block copied onto another profile is refused when it is opened. The email comes from
the argument or from stdin (so it need not stay in the shell's history); the recipients
from `--recipient` or the mentorhub plugin's `recipients` in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..hub.fields import ID_PATTERN, Email, FieldError
from ..hub.printable import one_line
from ..hub.vocabulary import SkillVocabulary
from .age_tools import AgeError, check_recipients, seal, with_sealed_contact
from .common import add_project_argument, content_dir, project_recipients


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "seal", help="encrypt a hidden email so only the organizers can read it")
    parser.add_argument("email", nargs="?", help="the email (default: read from stdin)")
    parser.add_argument("--recipient", "-r", action="append", default=[], metavar="AGE1KEY",
                        help="an organizer's age public key (default: recipients in mkdocs.yml)")
    parser.add_argument("--person", metavar="ID",
                        help="whose email it is: the block is sealed for them and written into "
                        "content/people/ID.md as contact.sealed")
    parser.add_argument("--stdout", action="store_true",
                        help="print the block (to paste) instead of writing it into the file")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.person is None or not ID_PATTERN.match(args.person):
        return _refuse("give --person ID (the person's id): a sealed email is bound to one "
                       "profile; add --stdout to print the block instead of writing it")
    email = (args.email if args.email is not None else sys.stdin.readline()).strip()
    try:
        Email().check(email, _NO_VOCABULARY)
    except FieldError:
        return _refuse("that is not an email address (give one, or pipe it in on stdin)")
    try:
        recipients = check_recipients(args.recipient) if args.recipient else _configured(args.project)
        block = seal(email, recipients, args.person)
        if args.stdout:
            sys.stdout.write(block)
            return 0
        path = _person_file(args.project, args.person)
        text = path.read_text(encoding="utf-8")
        path.write_text(with_sealed_contact(text, block), encoding="utf-8", newline="")
    except AgeError as exc:
        return _refuse(str(exc))
    except OSError as exc:
        return _refuse(f"cannot update the person file: {exc.strerror or exc}")
    print(one_line(f"Sealed the email into {path} (contact.sealed); only the organizers can read it."))
    return 0


_NO_VOCABULARY = SkillVocabulary()


def _configured(project: Path) -> list[str]:
    keys, problem = project_recipients(project)
    if problem:
        raise AgeError(f"mkdocs.yml: recipients: {problem}")
    if not keys:
        raise AgeError("no recipients: give --recipient age1…, or list the organizers' public "
                       "keys as 'recipients' under the mentorhub plugin in mkdocs.yml")
    return keys


def _person_file(project: Path, person: str) -> Path:
    people = content_dir(project) / "people"
    found = sorted(p for p in people.rglob(f"{person}.md") if not p.is_symlink()) if people.is_dir() else []
    if not found:
        raise AgeError(f"no person file {person}.md under {people}")
    return found[0]


def _refuse(message: str) -> int:
    print(one_line(f"mentorhub seal: {message}"), file=sys.stderr)
    return 1
