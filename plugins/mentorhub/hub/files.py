"""What may live under `content/`: a positive allow-list, checked on one walk.

Every file under `content/` is one of: a record file (`<id>.md` in a record
folder, any depth), `skills.yml`, `matching.yml`, a free page (`index.md`,
`pages/**.md`), an image in `media/`, or a `.gitkeep` placeholder. Anything else
is a problem naming the file, and the MkDocs plugin publishes only what this walk
admitted: stock MkDocs would copy an `.html`, `.js` or backup file as it is, or
render a Markdown file in the wrong folder with no validation at all.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .media import IMAGE_LIKE, media_problem
from .problems import N_, Msg, Problem
from .schema import RECORD_TYPES, RecordType

SKILLS_FILE = "skills.yml"
MATCHING_FILE = "matching.yml"
HOME_PAGE = "index.md"
PAGES_FOLDER = "pages"
MEDIA_FOLDER = "media"
PLACEHOLDER = ".gitkeep"
ROOT_FILES = (SKILLS_FILE, MATCHING_FILE, HOME_PAGE)

_MARKDOWN_LOOKALIKES = frozenset({
    ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx", ".txt", ".yml", ".yaml",
})
_BACKUP_SUFFIXES = frozenset({".bak", ".orig", ".old", ".swp", ".swo", ".tmp", ".rej", ".backup"})
_CODE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".js", ".mjs", ".css", ".php", ".svgz"})
#: Folder names contributors reach for, and where that content goes instead.
_FOLDER_SYNONYMS = {
    "mentors": "people", "mentees": "people", "peers": "people", "person": "people",
    "persons": "people", "profiles": "people", "members": "people",
    "images": MEDIA_FOLDER, "img": MEDIA_FOLDER, "assets": MEDIA_FOLDER, "static": MEDIA_FOLDER,
    "pictures": MEDIA_FOLDER, "photos": MEDIA_FOLDER, "page": PAGES_FOLDER, "docs": PAGES_FOLDER,
    "toolkits": "resources", "guides": "resources", "notes": "sessions",
}
_FOLDERS = tuple(sorted({t.folder for t in RECORD_TYPES} | {PAGES_FOLDER, MEDIA_FOLDER}))


@dataclass
class ContentFiles:
    """What a walk of `content/` found."""

    records: dict[str, list[Path]] = field(default_factory=dict)  # type name → files
    pages: dict[str, Path] = field(default_factory=dict)  # free pages: path under content/ → file
    media: dict[str, Path] = field(default_factory=dict)  # checked images: path under content/ → file
    refused: set[str] = field(default_factory=set)  # paths (relative to content/) not to publish
    problems: list[Problem] = field(default_factory=list)


#: One sentence per record type, so each language can say it in its own grammar.
_NOT_READ_AS = {
    "person": N_("'%(name)s' is not read as a person"),
    "resource": N_("'%(name)s' is not read as a resource"),
    "session": N_("'%(name)s' is not read as a session"),
    "story": N_("'%(name)s' is not read as a story"),
}
_NOT_PUBLISHED = {
    "person": N_("'%(name)s' is not a person file and is not published"),
    "resource": N_("'%(name)s' is not a resource file and is not published"),
    "session": N_("'%(name)s' is not a session file and is not published"),
    "story": N_("'%(name)s' is not a story file and is not published"),
}

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
    """Walk `content/` once: sort every file into what it may be, or a problem."""
    found = ContentFiles(records={t.name: [] for t in RECORD_TYPES})
    base = content_dir.resolve()
    folders = {t.folder: t for t in RECORD_TYPES}
    for root, dirs, files, links in _walk(content_dir):
        dirs.sort()
        here = Path(root)
        # Found once per folder: pathlib's relative_to() for each of 20,000 files cost
        # ~0.1 s of `check`.
        top = here.relative_to(content_dir).parts
        prefix = "/".join(top) + "/" if top else ""
        for name in sorted(dirs):
            path = here / name
            if name in links:
                found.refused.add(prefix + name)
                _refuse_link(found, path, base, display_root, folder=True)
        for name in sorted(files):
            path = here / name
            relative = prefix + name
            if name in links and not _inside(path, base):
                found.refused.add(relative)
                _refuse_link(found, path, base, display_root, folder=False)
                continue
            if name == PLACEHOLDER:
                continue  # keeps an empty folder in git; never published
            if not top:
                _classify_root(found, path, display_root)
            elif top[0] in folders:
                _classify_record(found, folders[top[0]], path, relative, display_root)
            elif top[0] == PAGES_FOLDER:
                _classify_page(found, path, relative, display_root)
            elif top[0] == MEDIA_FOLDER:
                _classify_media(found, path, relative, display_root)
            else:
                _refuse(found, path, display_root, relative,
                        Msg("'%(top)s/' is not a content folder: '%(name)s' is not published",
                            top=top[0], name=name),
                        _folder_hint(top[0], path))
    return found


def _walk(top: str | Path) -> Iterator[tuple[str, list[str], list[str], set[str]]]:
    """os.walk (top down, not into linked folders) that also says which names are symlinks.

    The listing knows that already: asking each of 20,000 files again (Path.is_symlink)
    was half of walking a 20k-record hub.
    """
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError:
        return  # as os.walk: a folder that cannot be listed is left out
    dirs: list[str] = []
    files: list[str] = []
    links: set[str] = set()
    for entry in entries:
        try:
            is_dir, is_link = entry.is_dir(), entry.is_symlink()
        except OSError:
            is_dir, is_link = False, False
        (dirs if is_dir else files).append(entry.name)
        if is_link:
            links.add(entry.name)
    root = os.fspath(top)
    yield root, dirs, files, links
    for name in dirs:  # as sorted by the caller
        if name not in links:
            yield from _walk(os.path.join(root, name))


def _inside(path: Path, base: Path) -> bool:
    try:
        path.resolve().relative_to(base)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def escapes_content(path: Path, content_dir: Path) -> bool:
    """True for a symlink that leads outside `content_dir` (such a file is never read)."""
    return path.is_symlink() and not _inside(path, content_dir.resolve())


def _refuse_link(
    found: ContentFiles, path: Path, base: Path, display_root: Path, *, folder: bool
) -> None:
    shown = display_path(path, display_root)
    if not _inside(path, base):
        found.problems.append(
            Problem(shown, 1, "file", Msg("symlink leads outside content/"), Msg("copy the file in instead"))
        )
    elif folder:
        found.problems.append(
            Problem(shown, 1, "file", Msg("symlinked folders are not followed"), Msg("move the files here"))
        )


def _refuse(found: ContentFiles, path: Path, display_root: Path, relative: str,
            message: str, hint: str) -> None:
    found.refused.add(relative)
    found.problems.append(Problem(display_path(path, display_root), 1, "file", message, hint))


def _classify_root(found: ContentFiles, path: Path, display_root: Path) -> None:
    name = path.name
    if name == HOME_PAGE:
        found.pages[name] = path
        return
    if name in (SKILLS_FILE, MATCHING_FILE):
        return  # read by the loader (or the matching settings), never published
    if path.suffix.lower() == ".md" or path.suffix.lower() in _MARKDOWN_LOOKALIKES:
        close = difflib.get_close_matches(name.lower(), ROOT_FILES, n=1, cutoff=0.7)
        hint: str = (Msg("did you mean content/%(name)s?", name=close[0]) if close
                else Msg("free pages go in content/pages/ (content/pages/%(lower)s.md)",
                         lower=path.stem.lower()))
    else:
        hint = _type_hint(path) or Msg("see docs/guide/content.md for what may live under content/")
    _refuse(found, path, display_root, name,
            Msg("'%(name)s' is not allowed at the top of content/ and is not published", name=name), hint)


def _classify_record(found: ContentFiles, record_type: RecordType, path: Path, relative: str,
                     display_root: Path) -> None:
    suffix = path.suffix
    if suffix == ".md":
        found.records[record_type.name].append(path)
    elif not _is_backup(path) and (
        suffix.lower() == ".md" or suffix.lower() in _MARKDOWN_LOOKALIKES or not suffix
    ):
        _refuse(found, path, display_root, relative,
                Msg(_NOT_READ_AS[record_type.name], name=path.name),
                Msg("records in content/%(folder)s/ end in lowercase '.md'",
                    folder=record_type.folder))
    else:
        _refuse(found, path, display_root, relative,
                Msg(_NOT_PUBLISHED[record_type.name], name=path.name),
                _type_hint(path) or Msg("content/%(folder)s/ holds only '<id>.md' files",
                                        folder=record_type.folder))


def _classify_page(found: ContentFiles, path: Path, relative: str, display_root: Path) -> None:
    if path.suffix == ".md":
        found.pages[relative] = path
    else:
        _refuse(found, path, display_root, relative,
                Msg("'%(name)s' is not a page and is not published", name=path.name),
                _type_hint(path) or Msg("free pages end in lowercase '.md'"))


def _classify_media(found: ContentFiles, path: Path, relative: str, display_root: Path) -> None:
    problem = media_problem(path)
    if problem is None:
        found.media[relative] = path
    else:
        _refuse(found, path, display_root, relative, *problem)


def _is_backup(path: Path) -> bool:
    name = path.name
    return (name.endswith("~") or path.suffix.lower() in _BACKUP_SUFFIXES
            or name.startswith(".#") or (name.startswith("#") and name.endswith("#")))


def _type_hint(path: Path) -> str:
    """A hint from the kind of file, whatever folder it is in ('' if none fits)."""
    suffix = path.suffix.lower()
    if _is_backup(path):
        return Msg("editor and backup copies are not published: delete the file")
    if suffix == ".age":
        return (Msg("relationship records live in records/ next to mkdocs.yml, never in content/ "
                    "(docs/guide/cycle.md)"))
    if suffix in _CODE_SUFFIXES:
        return Msg("content/ cannot add HTML, scripts or styles to the site")
    if suffix in IMAGE_LIKE:
        return Msg("images go in content/media/ (png, jpg, webp or gif)")
    if path.name.startswith("."):
        return Msg("hidden files are not published: delete the file")
    if suffix == ".md" or suffix in _MARKDOWN_LOOKALIKES or not suffix:
        return Msg("records and pages end in lowercase '.md'")
    return ""


def _folder_hint(folder: str, path: Path) -> str:
    lower = folder.lower()
    if _is_backup(path) or path.suffix.lower() in (*_CODE_SUFFIXES, ".age"):
        return _type_hint(path)
    if lower in _FOLDERS:
        return Msg("folder names are lowercase: did you mean content/%(lower)s/?", lower=lower)
    target = _FOLDER_SYNONYMS.get(lower)
    if target is None:
        close = difflib.get_close_matches(lower, _FOLDERS, n=1, cutoff=0.6)
        target = close[0] if close else None
    if target is not None:
        return Msg("did you mean content/%(target)s/?", target=target)
    if path.suffix.lower() in IMAGE_LIKE:
        return _type_hint(path)
    return Msg("content/ holds people/, resources/, sessions/, stories/, pages/ and media/")
