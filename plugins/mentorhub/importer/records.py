"""The records already in the hub that an import may update, and how a record is written.

Re-importing the same source finds the same files: by the mapping's `key` column
(remembered under `private.import_key`, never published) or else by id. Fields the
mapping does not name keep their values; the body is kept unless the mapping fills it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..hub.frontmatter import FrontMatterError, split
from ..hub.schema import RecordType

KEY_FIELD = "import_key"  # under `private:`: which source row a record came from


@dataclass
class Existing:
    path: Path
    data: dict[str, Any]
    body: str
    text: str  # the whole file, to tell an update from a re-import of the same answers


def existing_records(content_dir: Path, record: RecordType, with_keys: bool) -> tuple[
        dict[str, Path], dict[str, str], dict[Path, Existing | None]]:
    """Files of this record type by id, and (when `with_keys`) import keys → id and the
    files already read to find them (so that no file is parsed twice)."""
    folder = content_dir / record.folder
    by_id: dict[str, Path] = {}
    keys: dict[str, str] = {}
    read: dict[Path, Existing | None] = {}
    if not folder.is_dir():
        return by_id, keys, read
    for path in sorted(folder.rglob("*.md")):
        if path.is_symlink():
            continue
        by_id.setdefault(path.stem, path)
        if with_keys:
            found = read[path] = read_existing(path)
            private = found.data.get("private") if found else None
            if isinstance(private, dict) and isinstance(private.get(KEY_FIELD), str):
                keys.setdefault(private[KEY_FIELD], path.stem)
    return by_id, keys, read


def read_existing(path: Path) -> Existing | None:
    try:
        raw = path.read_bytes()
        parsed = split(raw)
    except (OSError, FrontMatterError):
        return None  # `check` names it; the import leaves a broken file alone
    return Existing(path, dict(parsed.front_matter.data), parsed.body, raw.decode("utf-8"))


#: libyaml's emitter when PyYAML has it (10× faster on 20,000 records), the pure one otherwise;
#: both are PyYAML's safe dumper, so quoting (`'no'`, `'2026-01-01'` as text) is theirs.
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Block style, Unicode as is, multi-line text (a sealed block) as a `|` literal."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render(values: dict[str, Any], body: str) -> str:
    """A record file: front matter between `---` lines, then the Markdown body."""
    front = yaml.dump(values, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=None, width=100_000)
    text = f"---\n{front}---\n"
    return text + ("\n" + body.strip() + "\n" if body.strip() else "")


def ordered(values: dict[str, Any], record: RecordType) -> dict[str, Any]:
    """The contract's field order, unknown keys (from an existing file) after them."""
    names = record.field_names
    return dict(sorted(values.items(), key=lambda kv: names.index(kv[0]) if kv[0] in names else len(names)))


def plain(value: Any) -> Any:
    """Tuples as lists and dates as dates: what the YAML dumper writes cleanly."""
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (`True == 1` in Python, not in a file)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
