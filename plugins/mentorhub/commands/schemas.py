"""`mentorhub schemas`: the JSON Schemas of the content files, from the validator's definitions.

The schemas are generated from `hub/schema.py`, the same field definitions the
validator uses, and committed under `plugins/mentorhub/schemas/` so editors and
other tools can use them; `--check` (run by the tests) fails when they are stale.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..hub.schema import RECORD_TYPES, json_schema, page_json_schema, skills_json_schema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_documents() -> dict[str, dict[str, Any]]:
    """File name → schema, one per record type plus the skills vocabulary and free pages."""
    documents = {f"{t.name}.schema.json": json_schema(t) for t in RECORD_TYPES}
    documents["skills.schema.json"] = skills_json_schema()
    documents["page.schema.json"] = page_json_schema()
    return documents


def schema_texts() -> dict[str, str]:
    """File name → the exact text to commit (stable: fixed key order, trailing newline)."""
    return {
        name: json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        for name, document in schema_documents().items()
    }


def stale_files(folder: Path) -> list[str]:
    """Schema files in `folder` that are missing, different or no longer generated."""
    expected = schema_texts()
    stale = [
        name for name, text in expected.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    extra = [p.name for p in folder.glob("*.schema.json") if p.name not in expected]
    return sorted(stale + extra)


def write_schemas(folder: Path) -> list[str]:
    """Write every schema into `folder`, remove ones no longer generated; return changed names."""
    changed = stale_files(folder) if folder.is_dir() else sorted(schema_texts())
    folder.mkdir(parents=True, exist_ok=True)
    texts = schema_texts()
    for name in changed:
        if name in texts:
            (folder / name).write_text(texts[name], encoding="utf-8")
        else:
            (folder / name).unlink()
    return changed


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schemas", help="print, write or check the JSON Schemas of the content files",
        description="Without options, print the schema of TYPE (default: all, as one JSON map).",
    )
    parser.add_argument("type", nargs="?", choices=[t.name for t in RECORD_TYPES] + ["skills", "page"])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="write the schema files")
    action.add_argument("--check", action="store_true",
                        help="exit 1 if the schema files are not up to date")
    parser.add_argument("--dir", type=Path, default=SCHEMA_DIR,
                        help="folder of the schema files (default: the package's schemas/)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.write:
        changed = write_schemas(args.dir)
        print(f"Wrote {', '.join(changed)} to {args.dir}" if changed else "Schemas already up to date.")
        return 0
    if args.check:
        stale = stale_files(args.dir)
        if stale:
            print(f"Out of date in {args.dir}: {', '.join(stale)}. Run `mentorhub schemas --write`.",
                  file=sys.stderr)
            return 1
        print("Schemas are up to date.")
        return 0
    documents = schema_documents()
    chosen = documents[f"{args.type}.schema.json"] if args.type else documents
    print(json.dumps(chosen, indent=2, ensure_ascii=False))
    return 0
