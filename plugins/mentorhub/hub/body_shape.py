"""Bodies whose shape would stall or crash the Markdown renderer are refused at check time.

Python-Markdown and the HTML sanitizer (html5ever, through nh3) are fast on prose but
not on every shape a stranger can send: each of these costs the square of its size or
recurses once per level (measured in `benchmarks/bench_bad_shapes.py`):

* list or quote markers nested hundreds deep (`- - - - x`): a RecursionError that kills
  the build without naming the file;
* brackets nested or left open (`[[[[…`): every `[` scans the rest of its paragraph;
* raw HTML nested deep (`<div><div>…`, `<span><span>…`): each tag walks the open ones;
* many headings, rules, setext underlines or definitions in one paragraph (no blank line
  between them): each one splits the block and copies what follows;
* many abbreviation or footnote definitions: each is matched against the whole body.

One linear pass measures each of these against a fixed limit, far above what a bio or
session notes need, so every body that passes renders in time linear in its size. A
body over a limit is a problem on its line (`path:line: body: …`) and the file is not
published, like any invalid record; the build never starts rendering it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Msg

#: List and quote levels (markers, or four spaces of indentation, per level).
MAX_NESTING = 16
#: Brackets open at once within a paragraph (links inside links are not even links).
MAX_BRACKETS = 16
#: Raw HTML elements open at once.
MAX_HTML_DEPTH = 32
#: Headings, rules, setext underlines and definition lines in one paragraph.
MAX_SPLITS_PER_BLOCK = 64
#: Abbreviation and footnote definitions in one body.
MAX_DEFINITIONS = 100

_CONTAINER = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]?")
_SPLITTER = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|-+[ \t]*$|:[ \t])")
_DEFINITION = re.compile(r" {0,3}(?:\*\[[^\]\n]*\]:|\[\^[^\]\n]*\]:)")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
#: What a line must start with to open a list or quote level (or indentation).
_CONTAINER_STARTS = frozenset(" \t-*+>0123456789")
#: The characters that change the bracket count: an escape (with what it escapes), '[' or ']'.
_BRACKET_CHARS = re.compile(r"\\.|[\[\]]")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


@dataclass(frozen=True)
class ShapeProblem:
    line: int  # 0-based line of the body
    message: str
    hint: str


def body_shape_problems(body: str) -> list[ShapeProblem]:
    """What in `body` is beyond the limits, at most one problem per kind (first line)."""
    found: dict[str, ShapeProblem] = {}

    def report(kind: str, line: int, message: str, hint: str) -> None:
        found.setdefault(kind, ShapeProblem(line, message, hint))

    brackets = html = splits = definitions = 0
    for number, line in enumerate(body.split("\n")):
        if not line.strip():
            brackets = splits = 0  # a blank line ends the paragraph
            continue
        if _nesting(line) > MAX_NESTING:
            report("nesting", number, Msg("lists or quotes nest more than %(max_nesting)s levels deep",
                                          max_nesting=MAX_NESTING),
                   Msg("flatten the list; deeper nesting cannot be read on a page anyway"))
        if _SPLITTER.match(line):
            splits += 1
            if splits > MAX_SPLITS_PER_BLOCK:
                report("splits", number, Msg("more than %(max_splits_per_block)s headings, rules or "
                                             "definitions without a blank line between them",
                                             max_splits_per_block=MAX_SPLITS_PER_BLOCK),
                       Msg("put a blank line before each heading"))
        if _DEFINITION.match(line):
            definitions += 1
            if definitions > MAX_DEFINITIONS:
                report("definitions", number, Msg("more than %(max_definitions)s abbreviation or "
                                                  "footnote definitions",
                                                  max_definitions=MAX_DEFINITIONS),
                       Msg("keep the body short; link to a longer document"))
        brackets = _brackets(line, brackets)
        if brackets > MAX_BRACKETS:
            report("brackets", number, Msg("more than %(max_brackets)s '[' open at once",
                                           max_brackets=MAX_BRACKETS),
                   Msg("close each '[' with ']', or write \\[ for a bracket that is just text"))
            brackets = 0
        html = _html_depth(line, html)
        if html > MAX_HTML_DEPTH:
            report("html", number, Msg("HTML elements nest more than %(max_html_depth)s deep",
                                       max_html_depth=MAX_HTML_DEPTH),
                   Msg("close each element, or use Markdown instead of HTML"))
            html = 0
    return sorted(found.values(), key=lambda p: p.line)


def _nesting(line: str) -> int:
    """Container levels at the start of `line`: markers, and each four columns of indent."""
    head = line[:1]
    if head not in _CONTAINER_STARTS and not head.isdecimal():  # most lines: prose (\d is Unicode)
        return 0
    levels = 0
    position = 0
    while True:
        indent = len(line) - position - len(line[position:].lstrip(" \t"))
        if indent >= 4:
            levels += indent // 4
            position += indent - indent % 4
            if levels > MAX_NESTING:
                return levels
            continue
        marker = _CONTAINER.match(line, position)
        if marker is None or marker.end() == position:
            return levels
        levels += 1
        position = marker.end()
        if levels > MAX_NESTING:
            return levels


def _brackets(line: str, open_now: int) -> int:
    """Brackets still open after `line` (an escaped `\\[` is text); the most counts."""
    if not open_now and "[" not in line:  # most lines: nothing opens, nothing to close
        return 0
    deepest = open_now
    for found in _BRACKET_CHARS.finditer(line):  # only the characters that count, not each one
        char = found.group()
        if char == "[":
            open_now += 1
            deepest = max(deepest, open_now)
        elif char == "]" and open_now:
            open_now -= 1
    return open_now if deepest <= MAX_BRACKETS else deepest


def _html_depth(line: str, depth: int) -> int:
    """HTML elements open after `line` (void and self-closed ones never open)."""
    if "<" not in line:
        return depth
    deepest = depth
    for tag in _TAG.finditer(line):
        closing, name, self_closed = tag.groups()
        if name.lower() in _VOID or self_closed:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return depth if deepest <= MAX_HTML_DEPTH else deepest
