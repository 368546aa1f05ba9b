"""`mentorhub new TYPE ["Title"]`: write a new record file.

In a terminal it asks for each field (commands/new_questions.py), then the text under
it (a bio, the notes), and writes a file that passes `mentorhub check`. Otherwise (or
with --no-input) it writes a skeleton whose `FILL IN` placeholders (in the body too)
fail `check` with "fill in this field" until they are replaced, so a half-done file is
never published. Both speak the hub's first language: questions, placeholders
("RELLENAR"), the body's prompts and headings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from ..hub.fields import Boolean, Date, Email, FieldError, ListOf
from ..hub.loader import load_hub
from ..hub.printable import one_line
from ..hub.problems import format_problems
from ..hub.schema import PERSON, RECORD_TYPES, RESOURCE, SESSION, STORY, RecordType
from ..hub.vocabulary import SkillVocabulary
from ..i18n import ENGLISH, Localizer, localizer
from ..i18n.vocabulary import N_
from ..site.build_date import build_date
from ..site.join import LABELS
from .age_tools import AgeError, seal, with_sealed_contact
from .common import add_project_argument, content_dir, project_recipients
from .hub_language import hub_languages
from .new_ids import MAX_ID_LENGTH, IdError, check_id, id_from_title
from .new_questions import Cancelled, Questions
from .new_words import AnswerWords

#: The text a skeleton's body asks for, after a placeholder (`FILL IN: …`) that fails
#: `check` until it is replaced; a session's notes get headings to write under.
_BODIES = {
    PERSON.name: N_("A few sentences about you: what you do, what you can help with, what you hope "
                    "to learn."),
    RESOURCE.name: N_("What this resource is, who it helps, and how to use it."),
    STORY.name: N_("What was the situation, what changed, and what helped."),
}
_SESSION_HEADINGS = (N_("Challenges raised"), N_("What we tried"), N_("Takeaways"), N_("Action items"))


def placeholder(words: Localizer) -> str:
    """`FILL IN` in the hub's language (hub/placeholders.py knows every translation)."""
    return words.gettext("FILL IN")


def body_text(record_type: RecordType, words: Localizer) -> str:
    """A skeleton's body in the hub's language."""
    if record_type is SESSION:
        return "\n".join(f"## {words.gettext(h)}\n\n- \n" for h in _SESSION_HEADINGS)
    return f"{placeholder(words)}: {words.gettext(_BODIES[record_type.name])}\n"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("new", help="write a new person, resource, session or story file")
    parser.add_argument("type", choices=[t.name for t in RECORD_TYPES])
    parser.add_argument("title", nargs="?",
                        help="the person's name or the record's title (asked in a terminal)")
    parser.add_argument("--id", dest="file_id", metavar="ID",
                        help="the file's id (its name without .md) instead of one made from the title; "
                        "needed for titles in non-Latin scripts")
    asking = parser.add_mutually_exclusive_group()
    asking.add_argument("--interactive", action="store_true",
                        help="ask for each field even when not run in a terminal")
    asking.add_argument("--no-input", action="store_true",
                        help="never ask: write a skeleton with FILL IN placeholders")
    parser.add_argument("--seal-email", metavar="EMAIL",
                        help="person: their hidden email, sealed to the hub's recipients as "
                        "contact.sealed ('-' reads it from stdin)")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def front_matter(record_type: RecordType, title: str, today: dt.date,
                 words: Localizer = ENGLISH) -> dict[str, Any]:
    """The skeleton: required fields and the usual optional ones as FILL IN placeholders.

    Only the contributor can say who they are, what they offer and that they consent,
    so nothing that would pass as a real answer is prefilled.
    """
    values: dict[str, Any] = {}
    for field in record_type.fields:
        if field.name in ("name", "title"):
            values[field.name] = title
        elif isinstance(field.kind, Date) and field.required:
            values[field.name] = today
        elif isinstance(field.kind, Boolean) and not field.required:
            continue  # e.g. draft: false is the default anyway
        elif field.required or field.example is not None:
            fill = placeholder(words)
            values[field.name] = [fill] if isinstance(field.kind, ListOf) else fill
    if record_type is PERSON:
        values.update(joined=today, confirmed=today)
    return values


class _PlainDumper(yaml.SafeDumper):
    """Writes a repeated value (joined = confirmed = today) twice, not as `&id001`/`*id001`."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def file_text(record_type: RecordType, title: str, today: dt.date, *, comments: bool = False,
              words: Localizer = ENGLISH) -> str:
    """A new file to fill in (also prefilled in the web editor by "Add yourself" links).

    With `comments`, each field's line ends with what the field means, for people
    who fill the file in a browser without the README at hand.
    """
    return record_text(record_type, front_matter(record_type, title, today, words), comments=comments,
                       words=words)


def record_text(record_type: RecordType, values: dict[str, Any], *, comments: bool = False,
                words: Localizer = ENGLISH, body: str | None = None) -> str:
    """A record file: `values` as front matter, then `body` (default: the type's skeleton)."""
    yaml_text = yaml.dump(values, Dumper=_PlainDumper,
                          sort_keys=False, allow_unicode=True, default_flow_style=None)
    if comments:
        docs = {f.name: _meaning(record_type, f.name, f.doc, words) for f in record_type.fields}
        lines = yaml_text.splitlines()
        width = max(len(line) for line in lines) + 2
        yaml_text = "".join(
            f"{line.ljust(width)}# {docs[key]}\n" if (key := line.split(":", 1)[0]) in docs
            else f"{line}\n"
            for line in lines
        )
    return f"---\n{yaml_text}---\n\n{body_text(record_type, words) if body is None else body}"


def _meaning(record_type: RecordType, name: str, doc: str, words: Localizer) -> str:
    """A field's question from the join forms, in the hub's language (its doc without one)."""
    question, _ = LABELS.get(f"{record_type.name}.{name}") or LABELS.get(name) or ("", "")
    return words.gettext(question) if question else doc


def run(args: argparse.Namespace) -> int:
    record_type = next(t for t in RECORD_TYPES if t.name == args.type)
    today = build_date()
    words = localizer(hub_languages(args.project)[0])  # the hub speaks its first language
    interactive = args.interactive or (
        not args.no_input and sys.stdin.isatty() and sys.stdout.isatty())
    if interactive:
        try:
            values, body = _ask(args, record_type, today, words)
        except Cancelled as exc:
            return _refuse(words.gettext("stopped: %(reason)s; nothing was written", reason=str(exc)))
        title = str(values.get("name") or values.get("title"))
        text = record_text(record_type, values, words=words, body=body)
    elif not args.title:
        return _refuse(words.gettext("give the name or title (or run it in a terminal to be asked)"))
    else:
        title, text = args.title, file_text(record_type, args.title, today, words=words)
    try:
        if args.file_id is not None:
            file_id = args.file_id
        else:
            day = values.get("date", today) if interactive else today
            prefix = f"{day.isoformat()}-" if record_type is SESSION else ""
            file_id = prefix + id_from_title(title, MAX_ID_LENGTH - len(prefix))
        check_id(file_id, record_type)
    except IdError as exc:
        return _refuse(str(exc))
    content = content_dir(args.project)
    path = content / record_type.folder / f"{file_id}.md"
    refusal = _why_not_write(content, path, record_type.folder)
    if refusal:
        return _refuse(refusal)
    if args.seal_email is not None:
        if record_type is not PERSON:
            return _refuse("--seal-email is for a person")
        try:
            text = _sealed(text, args.seal_email, args.project, file_id)
        except AgeError as exc:
            return _refuse(str(exc))
    try:
        _write_new(path, text)
    except OSError as exc:
        return _refuse(f"cannot write {path}: {exc.strerror or exc}")
    if not interactive:
        print(words.gettext("Wrote %(path)s. Replace each %(placeholder)s, then run `mentorhub check`.",
                            path=str(path), placeholder=placeholder(words)))
        return 0
    return _report(args.project, content, path, words)


def _ask(args: argparse.Namespace, record_type: RecordType, today: dt.date,
         words: Localizer) -> tuple[dict[str, Any], str]:
    """The answers, checked against this hub's skills and people, and the body."""
    hub = load_hub(content_dir(args.project), display_root=args.project).hub
    vocab = SkillVocabulary()
    for skill in hub.skills.values():
        vocab.add(skill.in_language(words.lang, words.lang))
    questions = Questions(ask=input, say=print, vocab=vocab, people=hub.people, today=today,
                          answers=AnswerWords(words))
    return questions.record(record_type, args.title), questions.body()


def _report(project: Path, content: Path, path: Path, words: Localizer) -> int:
    """What `check` says about the new file: every answer was checked, but references
    (a facilitator, a mentor) are checked against the whole hub."""
    shown = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
    problems = [p for p in load_hub(content, display_root=project).problems if p.path == shown]
    if problems:
        print(format_problems(problems, translate=words.gettext), file=sys.stderr)
        print(words.gettext("Wrote %(path)s; fix the lines above, then run `mentorhub check`.",
                            path=str(path)))
        return 1
    print(words.gettext("Wrote %(path)s. It passes `mentorhub check`; open a pull request with it.",
                        path=str(path)))
    return 0


def _sealed(text: str, email: str, project: Path, person_id: str) -> str:
    """The new person's text with `email` sealed to the hub's recipients (never in plain text)."""
    email = (sys.stdin.readline() if email == "-" else email).strip()
    try:
        Email().check(email, SkillVocabulary())
    except FieldError:
        raise AgeError("--seal-email: that is not an email address") from None
    recipients, problem = project_recipients(project)
    if problem or not recipients:
        raise AgeError("--seal-email needs the organizers' age public keys as 'recipients' under "
                       "the mentorhub plugin in mkdocs.yml" + (f" ({problem})" if problem else ""))
    return with_sealed_contact(text, seal(email, recipients, person_id))


def _refuse(message: str) -> int:
    print(one_line(f"mentorhub new: {message}"), file=sys.stderr)
    return 1


def _why_not_write(content: Path, path: Path, folder: str) -> str:
    """Why `path` must not be written, or ''.

    A symlink in content/ could send the new file anywhere the contributor's account
    can write (and the loader refuses links leading outside content/ anyway).
    """
    steps = [content, *(content.joinpath(*path.relative_to(content).parts[: i + 1])
                        for i in range(len(path.relative_to(content).parts)))]
    for step in steps:
        if step.is_symlink():
            kind = "file" if step == path else "folder"
            return (f"{step} is a symbolic link; not writing through it (make the {kind} "
                    "a real one, or remove the link)")
    if path.exists():
        return f"{path} already exists; pick another title or --id"
    stem = path.stem
    records = content / folder
    twin = next((p for p in records.rglob(f"{stem}.md") if p != path), None) if records.is_dir() else None
    if twin is not None:
        return f"{twin} already uses the id '{stem}'; pick another title or --id"
    return ""


def _write_new(path: Path, text: str) -> None:
    """Create `path`, failing rather than following a symlink or replacing a file.

    O_EXCL also closes the gap between the checks above and the write.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
