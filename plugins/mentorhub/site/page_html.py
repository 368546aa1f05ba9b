"""Generated page Markdown → final HTML and table-of-contents entries, without Markdown.

Our templates produce documents of HTML blocks plus fixed `## Heading` lines at
column 0. Running Python-Markdown over them costs more than anything else in a
build (its raw-HTML pass re-parses every block) and changes nothing, so the
headings are turned into HTML here and the rest is kept verbatim. Contributor text
cannot start a line with `#`: escaped values have no newlines (see the Jinja
`finalize` in render.py) and bodies have a leading `#` written as `&#35;`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from markdown.extensions.toc import slugify

_HEADING = re.compile(r"^(#{2,6}) +(.+?) *#*$")
_TAGS = re.compile(r"<[^>]*>")


@dataclass
class PageHtml:
    """A page's HTML and its headings in Python-Markdown's `toc_tokens` shape."""

    html: str
    toc_tokens: list[dict[str, Any]] = field(default_factory=list)


def to_html(markdown: str, *, permalink: str = "") -> PageHtml:
    """Turn heading lines into `<hN id>` elements (with a permalink if given); keep the rest."""
    lines: list[str] = []
    tokens: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    seen: set[str] = set()
    for line in markdown.split("\n"):
        match = _HEADING.match(line)
        if match is None:
            lines.append(line)
            continue
        level, name = len(match[1]), match[2]
        anchor = _unique(slugify(unescape(_TAGS.sub("", name)), "-") or "section", seen)
        link = (
            f'<a class="headerlink" href="#{anchor}" title="Permanent link">{permalink}</a>'
            if permalink else ""
        )
        lines.append(f'<h{level} id="{anchor}">{name}{link}</h{level}>')
        token: dict[str, Any] = {"level": level, "id": anchor, "name": name, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return PageHtml("\n".join(lines), tokens)


def _unique(anchor: str, seen: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in seen:
        candidate, n = f"{anchor}_{n}", n + 1
    seen.add(candidate)
    return candidate
