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
    yaml_text = yaml.safe_dump(front_matter(record_type, args.title, today), sort_keys=False,
                               allow_unicode=True, default_flow_style=None)
    path.write_text(f"---\n{yaml_text}---\n\n{_BODIES[record_type.name]}", encoding="utf-8")
    print(f"Wrote {path}. Fill it in, then run `mentorhub check`.")
    return 0
