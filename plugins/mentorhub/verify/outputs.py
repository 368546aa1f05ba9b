"""The machine-readable outputs: kpi.json and matches.json against their published schemas,
the feeds well-formed, and the Pagefind index present."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .problem import SiteProblem

#: Output file → its schema in mentorhub/schemas/output/.
SCHEMAS = {"kpi.json": "kpi.schema.json", "matches.json": "matches.schema.json"}
ATOM = "{http://www.w3.org/2005/Atom}feed"
PAGEFIND_FILES = ("pagefind/pagefind.js", "pagefind/pagefind-entry.json")


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    text = files("mentorhub").joinpath("schemas", "output", schema_name).read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(text))


def json_problems(site: Path, name: str) -> Iterator[SiteProblem]:
    """`name` (kpi.json or matches.json) exists, parses and follows its schema."""
    path = site / name
    if not path.is_file():
        yield SiteProblem(name, "missing (the plugin that writes it is in mkdocs.yml)")
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield SiteProblem(name, f"not valid JSON ({exc})")
        return
    errors = sorted(_validator(SCHEMAS[name]).iter_errors(data), key=lambda e: list(map(str, e.path)))
    for error in errors:
        where = ".".join(map(str, error.path)) or "(top level)"
        yield SiteProblem(name, f"{where}: {error.message} (see schemas/output/{SCHEMAS[name]})")


def feed_problems(site: Path) -> Iterator[SiteProblem]:
    """Every feed-*.xml is a well-formed Atom feed; every feed-*.json a JSON Feed."""
    for path in sorted(site.glob("feed-*.xml")):
        try:
            root = ET.fromstring(path.read_bytes())
        except ET.ParseError as exc:
            yield SiteProblem(path.name, f"not well-formed XML ({exc})")
            continue
        if root.tag != ATOM:
            yield SiteProblem(path.name, f"not an Atom feed (root element {root.tag})")
    for path in sorted(site.glob("feed-*.json")):
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield SiteProblem(path.name, f"not valid JSON ({exc})")
            continue
        if not (isinstance(data, dict) and str(data.get("version", "")).startswith("https://jsonfeed.org/")
                and isinstance(data.get("items"), list)):
            yield SiteProblem(path.name, "not a JSON Feed (needs 'version' and a list of 'items')")


def feeds_missing(site: Path) -> Iterator[SiteProblem]:
    if not any(site.glob("feed-*.xml")):
        yield SiteProblem("feed-*.xml", "no feed was written (the mentorhub-feeds plugin is in mkdocs.yml)")


def search_problems(site: Path) -> Iterator[SiteProblem]:
    """The Pagefind index the search box and finders load."""
    for name in PAGEFIND_FILES:
        path = site / name
        if not path.is_file() or path.stat().st_size == 0:
            yield SiteProblem(name, "missing: the search index was not built")
    entry = site / PAGEFIND_FILES[1]
    if entry.is_file() and entry.stat().st_size:
        try:
            json.loads(entry.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield SiteProblem(PAGEFIND_FILES[1], f"not valid JSON ({exc})")
