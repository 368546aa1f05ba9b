"""What must never be published, read from the content, and a scan of every output file for it.

The model the site is built from never holds `private` values, hidden emails or drafts,
so the build cannot leak them by design; this is the independent check on the result.
It reads the raw front matter (as `check` does, strictly), collects each value that
must stay out, and searches every file the build wrote for it: decompressed (Pagefind's
gzip fragments) and with HTML entities and %-escapes decoded (obfuscated emails).
Problems name the field and the file it came from, never the value itself.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..hub.files import display_path
from ..hub.frontmatter import FrontMatterError, split
from ..hub.schema import RECORD_TYPES
from .problem import SiteProblem

#: Shorter values ("yes", "2", "Ana") would match ordinary text anywhere: not searched.
MIN_SECRET_LENGTH = 6
#: Top-level draft fields distinctive enough to search for.
_DRAFT_TEXT_FIELDS = ("name", "title", "headline", "summary", "quote", "description")
_RECORD_FOLDERS = frozenset(t.folder for t in RECORD_TYPES)


@dataclass(frozen=True)
class Secret:
    value: str
    what: str  # e.g. "private.note of content/people/ana.md"


@dataclass
class Secrets:
    values: list[Secret]
    draft_pages: list[tuple[str, str]]  # (site path that must not exist, source file)


def collect_secrets(content_dir: Path, display_root: Path) -> Secrets:
    """Drafts' texts and pages, `private` values and hidden emails, minus any also published."""
    secrets: list[Secret] = []
    draft_pages: list[tuple[str, str]] = []
    public: list[str] = []
    for path in sorted(content_dir.rglob("*")):
        if path.suffix in (".yml", ".yaml") and path.is_file():
            public.append(path.read_text(encoding="utf-8", errors="replace"))
        if path.suffix != ".md" or not path.is_file():
            continue
        shown = display_path(path, display_root)
        try:
            parsed = split(path.read_bytes())
        except (OSError, FrontMatterError):
            continue  # `mentorhub check` reports it; such a file is never published
        data: dict[str, Any] = parsed.front_matter.data
        if data.get("draft") is True:
            secrets.extend(Secret(value, f"{key} of draft {shown}") for key in _DRAFT_TEXT_FIELDS
                           for value in _strings(data.get(key)))
            relative = path.relative_to(content_dir)
            if relative.parts[0] in _RECORD_FOLDERS:
                draft_pages.append((f"{relative.parts[0]}/{path.stem}/index.html", shown))
            continue
        secrets.extend(Secret(value, f"private{where} of {shown}")
                       for where, value in _leaves(data.get("private"), ""))
        contact = data.get("contact")
        if isinstance(contact, dict) and contact.get("public") is not True:
            secrets.extend(Secret(value, f"the hidden contact.email of {shown}")
                           for value in _strings(contact.get("email")))
        if isinstance(contact, dict):
            secrets.extend(Secret(line, f"the contact.sealed block of {shown}")
                           for line in _sealed_lines(contact.get("sealed")))
        public.extend(value for key, item in data.items() if key not in ("private", "contact")
                      for _, value in _leaves(item, ""))
        public.append(parsed.body)
    published = "\n".join(public).casefold()
    kept = [s for s in secrets if len(s.value) >= MIN_SECRET_LENGTH and s.value.casefold() not in published]
    return Secrets(values=kept, draft_pages=draft_pages)


def _sealed_lines(value: Any) -> list[str]:
    """Each base64 line of a sealed block, so a leak of any part of it is found, not only
    of the whole block. The first line starts with the encoded age header
    (`age-encryption.org/v1` and `-> X25519 `), the same in every block: its first 44
    characters are left out. Short lines could occur by chance and are skipped."""
    if not isinstance(value, str):
        return []
    lines = [line.strip() for line in value.splitlines() if line.strip() and "-----" not in line]
    parts = [line[44:] if index == 0 else line for index, line in enumerate(lines)]
    return [part for part in parts if len(part) >= 16]


def _strings(value: Any) -> list[str]:
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _leaves(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """(dotted path, text) of every scalar under `value`; numbers and dates as written."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, where)
    elif value is not None and not isinstance(value, bool):
        text = str(value).strip()
        if text:
            yield where, text


def leak_problems(site: Path, secrets: Secrets) -> Iterator[SiteProblem]:
    """Every output file that holds a secret, and every page built for a draft."""
    for page, source in secrets.draft_pages:
        if (site / page).exists():
            yield SiteProblem(page, f"a page was built for the draft {source}")
    finder = _Finder(secrets.values)
    if not finder.anchors:
        return
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        found: dict[str, Secret] = {}
        for text in _readable_texts(path):
            found.update((s.value.casefold(), s) for s in finder.find(text))
        for value in sorted(found):
            yield SiteProblem(path.relative_to(site).as_posix(), f"contains {found[value].what}")


_WORD = re.compile(r"\w+")


class _Finder:
    """Finds many secrets in many files fast: each secret is indexed by one of its words.

    A file's words are collected once (in C, by the regex engine) and intersected with
    the index; only a secret whose word is there is searched for in full. A regex
    alternation of every secret took 340 s on a 1,000-record hub; this takes seconds.
    Secrets are matched at word boundaries, as values are written in pages, JSON and
    feeds (between tags, quotes or spaces).
    """

    def __init__(self, secrets: list[Secret]) -> None:
        self.anchors: dict[str, list[tuple[str, Secret]]] = {}
        for secret in secrets:
            text = secret.value.casefold()
            words = _WORD.findall(text)
            if not words:
                continue
            # An inner word is bounded by the secret's own punctuation, so it is a whole word
            # in any text that contains the secret; the first and last may be glued to more.
            inner = words[1:-1] or words
            anchor = max(inner, key=len)
            self.anchors.setdefault(anchor, []).append((text, secret))

    def find(self, text: str) -> Iterator[Secret]:
        folded = text.casefold()
        for anchor in self.anchors.keys() & set(_WORD.findall(folded)):
            for value, secret in self.anchors[anchor]:
                if value in folded:
                    yield secret


def _readable_texts(path: Path) -> Iterator[str]:
    """A file's text as written, and with entities and %-escapes decoded."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        with contextlib.suppress(OSError, EOFError, zlib.error):
            data = gzip.decompress(data)
    text = data.decode("utf-8", errors="ignore")
    yield text
    decoded = html.unescape(unquote(text))
    if decoded != text:
        yield decoded
