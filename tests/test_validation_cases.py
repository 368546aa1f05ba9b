r"""Golden validation cases: each file in cases/validation/ is a bad (or tricky) input and
the exact problem lines `mentorhub check` must print for it.

Case file format:
    #! file: content/people/x.md      starts a file (following lines are its text)
    #! bytes: latin-1                 (optional) write that file in this encoding
    #! escaped                        (optional) \xHH and \uHHHH in that file's text stand
                                      for the character (NUL, ESC … in a readable case file)
    #! expect: <exact problem line>   one per expected problem (none: must be clean)
    #! published: person/x            (optional) this record must be in the hub
                                      (page/pages/about.md: this free page must be)
    #! symlink: content/a -> ../b     make content/a a symlink to ../b (relative to a's folder)
Every case is laid over a small valid base hub (BASE below).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mentorhub.hub.loader import load_hub
from mentorhub.hub.problems import format_problems

from conftest import MENTOR_MO, MINIMAL_SKILLS

CASES = Path(__file__).parent / "cases" / "validation"

BASE = {
    "content/skills.yml": MINIMAL_SKILLS,
    "content/people/mentor-mo.md": MENTOR_MO + "Mo mentors Python.\n",
    "content/people/mentee-mia.md": """\
        ---
        name: Mia Mentee
        roles: [mentee]
        languages: [en, es]
        seeks: [python]
        consent: true
        ---
        """,
    "content/people/peer-pat.md": """\
        ---
        name: Pat Peer
        roles: [peer]
        languages: [en]
        consent: true
        ---
        """,
    "content/people/draft-dan.md": """\
        ---
        name: Dan Draft
        draft: true
        ---
        """,
    "content/resources/guide-one.md": """\
        ---
        title: Guide one
        kind: guide
        summary: A guide.
        topics: [python]
        url: https://example.org/guide
        ---
        """,
}


@dataclass
class Case:
    name: str
    files: dict[str, bytes] = field(default_factory=dict)
    expected: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    symlinks: dict[str, str] = field(default_factory=dict)


def parse_case(path: Path) -> Case:
    case = Case(path.stem)
    current: str | None = None
    encoding = "utf-8"
    escaped = False
    lines: list[str] = []

    def flush() -> None:
        if current is not None:
            text = "".join(lines)
            if escaped:
                text = re.sub(r"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})",
                              lambda m: chr(int(m[1] or m[2], 16)), text)
            case.files[current] = text.encode(encoding)

    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("#! file: "):
            flush()
            current, encoding, escaped, lines = line[9:].strip(), "utf-8", False, []
        elif line.startswith("#! bytes: "):
            encoding = line[10:].strip()
        elif line.rstrip("\n") == "#! escaped":
            escaped = True
        elif line.startswith("#! expect: "):
            case.expected.append(line[11:].rstrip("\n"))
        elif line.startswith("#! published: "):
            case.published.append(line[14:].strip())
        elif line.startswith("#! symlink: "):
            flush()
            current = None
            link, target = line[12:].split(" -> ")
            case.symlinks[link.strip()] = target.strip()
        else:
            lines.append(line)
    flush()
    return case


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.case"))


def lay_case(case: Case, project: Path) -> None:
    """Write the base hub and the case's files and symlinks into `project`."""
    for relative, text in BASE.items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    for relative, data in case.files.items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for relative, link_target in case.symlinks.items():
        link = project / relative
        link.unlink(missing_ok=True)
        link.symlink_to(link_target)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_validation_case(path: Path, tmp_path: Path) -> None:
    case = parse_case(path)
    lay_case(case, tmp_path)

    result = load_hub(tmp_path / "content", display_root=tmp_path)

    assert format_problems(result.problems).splitlines() == case.expected
    collections: dict[str, dict[str, Any]] = {
        "person": result.hub.people, "resource": result.hub.resources,
        "session": result.hub.sessions, "story": result.hub.stories, "page": result.hub.pages,
    }
    for ref in case.published:
        kind, record_id = ref.split("/", 1)
        assert record_id in collections[kind], f"{ref} should be published"
    # nothing is silently dropped: each record file is published or named in a problem
    named = {p.path for p in result.problems}
    published = {r.source.path for c in collections.values() for r in c.values()}
    # and never anything else: no file under content/ outside the allow-list is admitted
    admitted = {f"content/{m}" for m in result.media} | published
    for relative in case.files:
        if relative.startswith("content/") and relative not in admitted:
            is_quiet = relative.endswith("/.gitkeep") or relative == "content/skills.yml" \
                or b"draft: true" in case.files[relative]
            assert is_quiet or relative in named, f"{relative} is neither admitted nor named"
    for relative in case.files:
        if relative.startswith(("content/people/", "content/resources/", "content/sessions/",
                                "content/stories/")):
            is_draft = b"draft: true" in case.files[relative]
            is_placeholder = relative.endswith("/.gitkeep")
            assert is_draft or is_placeholder or (relative in named) != (relative in published), relative
