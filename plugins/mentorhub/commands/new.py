"""`mentorhub new TYPE "Title"`: write a well-formed file to fill in."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

import yaml

from ..build_date import build_date
from ..schema import PERSON, RECORD_TYPES, RESOURCE, SESSION, STORY, RecordType
from ..urls import slugify
from .common import add_project_argument, content_dir

_BODIES = {
    PERSON.name: "A few sentences about you: what you do, what you can help with, what you hope to learn.\n",
    RESOURCE.name: "What this resource is, who it helps, and how to use it.\n",
    SESSION.name: (
        "## Challenges raised\n\n- \n\n## What we tried\n\n- \n\n"
        "## Takeaways\n\n- \n\n## Action items\n\n- \n"
    ),
    STORY.name: "What was the situation, what changed, and what helped.\n",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("new", help="write a new person, resource, session or story file")
    parser.add_argument("type", choices=[t.name for t in RECORD_TYPES])
    parser.add_argument("title", help="the person's name or the record's title")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def front_matter(record_type: RecordType, title: str, today: dt.date) -> dict[str, Any]:
    """Required fields filled with examples, plus the usual optional ones."""
    values: dict[str, Any] = {}
    for field in record_type.fields:
        if field.name in ("name", "title"):
            values[field.name] = title
        elif field.kind.__class__.__name__ == "Date" and field.required:
            values[field.name] = today
        elif field.required or field.example is not None:
            values[field.name] = field.example
    if record_type is PERSON:
        values.update(joined=today, confirmed=today)
    return values


class _PlainDumper(yaml.SafeDumper):
    """Writes a repeated value (joined = confirmed = today) twice, not as `&id001`/`*id001`."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def file_text(record_type: RecordType, title: str, today: dt.date, *, comments: bool = False) -> str:
    """A new file to fill in (also prefilled in the web editor by "Add yourself" links).

    With `comments`, each field's line ends with what the field means, for people
    who fill the file in a browser without the README at hand.
    """
    yaml_text = yaml.dump(front_matter(record_type, title, today), Dumper=_PlainDumper,
                          sort_keys=False, allow_unicode=True, default_flow_style=None)
    if comments:
        docs = {f.name: f.doc for f in record_type.fields}
        lines = yaml_text.splitlines()
        width = max(len(line) for line in lines) + 2
        yaml_text = "".join(
            f"{line.ljust(width)}# {docs[key]}\n" if (key := line.split(":", 1)[0]) in docs
            else f"{line}\n"
            for line in lines
        )
    return f"---\n{yaml_text}---\n\n{_BODIES[record_type.name]}"


def run(args: argparse.Namespace) -> int:
    record_type = next(t for t in RECORD_TYPES if t.name == args.type)
    today = build_date()
    slug = slugify(args.title)
    file_id = f"{today.isoformat()}-{slug}" if record_type is SESSION else slug
    path = content_dir(args.project) / record_type.folder / f"{file_id}.md"
    if path.exists():
        print(f"{path} already exists; pick another title", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(file_text(record_type, args.title, today), encoding="utf-8")
    print(f"Wrote {path}. Fill it in, then run `mentorhub check`.")
    return 0
