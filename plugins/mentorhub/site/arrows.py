"""Arrows in link text ("All stories →") hidden from screen readers.

The arrow is a visual cue; read out it becomes "rightwards arrow" in every link. The
translated strings keep it (each language places it), and the finished HTML wraps it in
`aria-hidden`, so a hub's own templates and Markdown get the same treatment.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"(<a\b[^>]*>)(.*?)(</a>)", re.S)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
_ARROW = re.compile(r"\s*[←→]\s*")
HIDDEN = '<span aria-hidden="true">{}</span>'


def hide_arrows(output: str) -> str:
    """Wrap every ← or → in link text (not in tags or attributes) in an aria-hidden span."""
    def link(match: re.Match[str]) -> str:
        inner = _TAG_OR_TEXT.sub(
            lambda part: part.group(1) or _ARROW.sub(lambda a: HIDDEN.format(a.group(0)), part.group(2)),
            match.group(2))
        return match.group(1) + inner + match.group(3)

    if "→" not in output and "←" not in output:
        return output
    return _LINK.sub(link, output)
