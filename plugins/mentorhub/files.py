"""Finding content files: record files by type, and symlinks that escape `content/`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .schema import RECORD_TYPES, RecordType

_MARKDOWN_LOOKALIKES = frozenset({".markdown", ".mdown", ".mkd", ".mkdn", ".txt", ".yml", ".yaml"})


@dataclass
class ContentFiles:
    """What a walk of `content/` found."""

    records: dict[str, list[Path]] = field(default_factory=dict)  # type name → files
    refused: set[str] = field(default_factory=set)  # paths (relative to content/) not to publish
    problems: list[Problem] = field(default_factory=list)


def display_path(path: Path, root: Path) -> str:
    """`path` as shown in messages: relative to the project root when possible."""
    text, base = path.as_posix(), root.as_posix()
    if base != "." and text.startswith(base + "/"):
        return text[len(base) + 1 :]  # the common case, without pathlib's slow relative_to
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def walk_content(content_dir: Path, display_root: Path) -> ContentFiles:
    """Walk `content/` once: collect record files, refuse links that lead outside it."""
    found = ContentFiles(records={t.name: [] for t in RECORD_TYPES})
    base = content_dir.resolve()
    folders = {t.folder: t for t in RECORD_TYPES}
    for root, dirs, files in os.walk(content_dir):
        dirs.sort()
        here = Path(root)
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink():
                found.refused.add(path.relative_to(content_dir).as_posix())
                _refuse_link(found, path, base, display_root, folder=True)
        # The record type is that of the top folder: found once per folder, since
        # pathlib's relative_to() for each of 20,000 files cost ~0.1 s of `check`.
        top = here.relative_to(content_dir).parts
        record_type = folders.get(top[0]) if top else None
        for name in sorted(files):
            path = here / name
            if path.is_symlink() and not _inside(path, base):
                found.refused.add(path.relative_to(content_dir).as_posix())
                _refuse_link(found, path, base, display_root, folder=False)
                continue
            if record_type is not None:
                _classify(found, record_type, path, display_root)
    return found


def _inside(path: Path, base: Path) -> bool:
    try:
        path.resolve().relative_to(base)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _refuse_link(
    found: ContentFiles, path: Path, base: Path, display_root: Path, *, folder: bool
) -> None:
    shown = display_path(path, display_root)
    if not _inside(path, base):
        found.problems.append(
            Problem(shown, 1, "file", "symlink leads outside content/", "copy the file in instead")
        )
    elif folder:
        found.problems.append(
            Problem(shown, 1, "file", "symlinked folders are not followed", "move the files here")
        )


def _classify(found: ContentFiles, record_type: RecordType, path: Path, display_root: Path) -> None:
    suffix = path.suffix
    if suffix == ".md":
        found.records[record_type.name].append(path)
    elif suffix.lower() == ".md" or suffix.lower() in _MARKDOWN_LOOKALIKES:
        found.problems.append(
            Problem(
                display_path(path, display_root), 1, "file",
                f"'{path.name}' is not read as a {record_type.name}",
                f"records in content/{record_type.folder}/ end in lowercase '.md'",
            )
        )
