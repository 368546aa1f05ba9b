"""The two public edits the cycle makes, each minimal and format-preserving.

* a mentee's `mentors:` in their person file (`pair start` adds, `pair end` removes);
* a `blocked:` pair in `content/matching.yml` (`pair end --reason mismatch`).

Only the lines of the one key change; every other byte of the file is kept, so the
pull request shows exactly what the command did.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

_TOP_LEVEL = re.compile(r"[^\s#-]")


class EditError(Exception):
    """The file cannot be edited safely; the message says why."""


def _front_matter_end(lines: list[str]) -> int:
    if not lines or lines[0].rstrip() != "---":
        raise EditError("the file does not start with a '---' front matter line")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise EditError("the front matter has no closing '---' line")
    return end


def _key_block(lines: list[str], key: str, start: int, stop: int) -> tuple[int, int] | None:
    """Lines [first, last) of a top-level `key:` and its indented or listed continuation."""
    first = next((i for i in range(start, stop) if lines[i].startswith(f"{key}:")), None)
    if first is None:
        return None
    last = first + 1
    while last < stop and (not lines[last].strip() or not _TOP_LEVEL.match(lines[last][:1])):
        if not lines[last].strip() and (last + 1 >= stop or _TOP_LEVEL.match(lines[last + 1][:1] or "x")):
            break  # a blank line before the next key belongs to neither
        last += 1
    return first, last


def _values(block: list[str], key: str) -> tuple[list[str], bool]:
    """The list under `key` in its lines, and whether it was written in block style."""
    try:
        data = yaml.safe_load("\n".join(block))
    except yaml.YAMLError:
        raise EditError(f"'{key}:' is not valid YAML; fix it first (mentorhub check)") from None
    value = data.get(key) if isinstance(data, dict) else None
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EditError(f"'{key}:' is not a list of ids; fix it first (mentorhub check)")
    return value, len(block) > 1 and block[1].lstrip().startswith("-")


def _with_list(text: str, key: str, change: Callable[[list[str]], list[str]]) -> str:
    lines = text.split("\n")
    end = _front_matter_end(lines)
    found = _key_block(lines, key, 1, end)
    old, block_style = _values(lines[found[0]:found[1]], key) if found else ([], False)
    new = change(list(old))
    if new == old:
        return text
    if not new:
        replacement: list[str] = []
    elif block_style and found:
        indent = re.match(r"\s*", lines[found[0] + 1]).group()  # type: ignore[union-attr]
        replacement = [f"{key}:", *(f"{indent}- {value}" for value in new)]
    else:
        replacement = [f"{key}: [{', '.join(new)}]"]
    first, last = found if found else (end, end)
    return "\n".join(lines[:first] + replacement + lines[last:])


def add_mentor(text: str, mentor: str) -> str:
    """A person file's text with `mentor` added to `mentors:` (unchanged if already there)."""
    return _with_list(text, "mentors", lambda ids: ids if mentor in ids else [*ids, mentor])


def remove_mentor(text: str, mentor: str) -> str:
    """A person file's text without `mentor` in `mentors:` (the key goes when it empties)."""
    return _with_list(text, "mentors", lambda ids: [i for i in ids if i != mentor])


def mentors_of(text: str) -> list[str]:
    lines = text.split("\n")
    end = _front_matter_end(lines)
    found = _key_block(lines, "mentors", 1, end)
    return _values(lines[found[0]:found[1]], "mentors")[0] if found else []


def add_blocked(text: str, mentee: str, mentor: str) -> str:
    """`content/matching.yml` with the pair under `blocked:` (unchanged if already there)."""
    entry = f"{{mentee: {mentee}, mentor: {mentor}}}"
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError:
        raise EditError("matching.yml is not valid YAML; fix it first (mentorhub check)") from None
    if not isinstance(data, dict):
        raise EditError("matching.yml is not a map of settings; fix it first (mentorhub check)")
    blocked = data.get("blocked") or []
    if not isinstance(blocked, list):
        raise EditError("matching.yml: blocked: is not a list; fix it first (mentorhub check)")
    if any(isinstance(b, dict) and b.get("mentee") == mentee and b.get("mentor") == mentor for b in blocked):
        return text
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    found = _key_block(lines, "blocked", 0, len(lines))
    if found is None:
        return "\n".join([*lines, "blocked:", f"  - {entry}", ""])
    first, last = found
    if len(lines[first].split(":", 1)[1].split("#")[0].strip()):  # flow style: rewrite this key
        items = [f"{{mentee: {b['mentee']}, mentor: {b['mentor']}}}" for b in blocked if isinstance(b, dict)]
        rewritten = ["blocked:", *(f"  - {i}" for i in [*items, entry])]
        return "\n".join([*lines[:first], *rewritten, *lines[last:], ""])
    while last > first + 1 and not lines[last - 1].strip():
        last -= 1
    indent = re.match(r"\s*", lines[first + 1]).group() if last > first + 1 else "  "  # type: ignore[union-attr]
    return "\n".join([*lines[:last], f"{indent}- {entry}", *lines[last:], ""])
