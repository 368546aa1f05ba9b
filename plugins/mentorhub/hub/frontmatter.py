"""Split a content file into front matter and body, strictly.

Stock MkDocs (and python-frontmatter) treat a file whose front matter is
malformed as having none, and publish the YAML, private fields included, as page
text. Here the rules are strict and the page builder uses exactly what this
module returns, so that cannot happen:

* the file is UTF-8 (a byte-order mark is tolerated);
* line 1 is `---`: nothing, not even a blank line, comes before it;
* a later line `---` (or `...`) closes the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Msg
from .strict_yaml import Document, YamlError, load

_FENCE = "---"
#: Line ends as editors and GitHub count them. str.splitlines() also splits at form
#: feeds, \x1c-\x1e, U+0085 and U+2028/9, which shifted every later line number and
#: turned those characters into line breaks inside the YAML.
_LINE_END = re.compile(r"\r\n|\r|\n")
_CLOSERS = frozenset({"---", "..."})


class FrontMatterError(Exception):
    """The file cannot be split into front matter and body."""

    def __init__(self, message: str, line: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


@dataclass(frozen=True)
class SplitFile:
    """A content file's parsed front matter and its Markdown body."""

    front_matter: Document
    body: str
    body_line: int


def decode(raw: bytes) -> str:
    """Decode UTF-8 strictly, naming the line of the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FrontMatterError(
            Msg("the file is not UTF-8 text (byte 0x%(byte)s cannot be read)",
                byte=f"{raw[exc.start]:02x}"),
            line,
            Msg("save the file as UTF-8"),
        ) from None
    return text.removeprefix("\ufeff")


def split(raw: bytes) -> SplitFile:
    """Return the parsed front matter and the body of a content file's bytes."""
    text = decode(raw)
    trimmed = text.removesuffix("\n").removesuffix("\r")
    # Without a carriage return the only line end is "\n": str.split, not the pattern.
    lines = (trimmed.split("\n") if "\r" not in trimmed else _LINE_END.split(trimmed)) if text else []
    if not lines or lines[0].rstrip() != _FENCE:
        opening = next((i for i, line in enumerate(lines) if line.rstrip() == _FENCE), None)
        if opening is not None:
            raise FrontMatterError(
                Msg("text before the opening '---' (the front matter starts on line %(opening)s)",
                    opening=opening + 1),
                1,
                Msg("the '---' line must be the very first line, with nothing above it"),
            )
        raise FrontMatterError(
            Msg("missing front matter: the file must start with a '---' line"),
            1,
            Msg("see the README for an example"),
        )
    closing = next(
        (i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None
    )
    if closing is None:
        raise FrontMatterError(
            Msg("front matter is never closed"), 1, Msg("add a '---' line after the last field")
        )
    yaml_text = "\n".join(lines[1:closing]) + "\n"
    try:
        document = load(yaml_text, first_line=2)
    except YamlError as exc:
        raise FrontMatterError(exc.message, exc.line, exc.hint) from None
    if not isinstance(document.data, dict):
        message = (Msg("front matter is empty") if document.data is None
                   else Msg("front matter is not a set of 'field: value' lines"))
        raise FrontMatterError(message, 1, Msg("write one 'field: value' per line"))
    body = "\n".join(lines[closing + 1 :])
    stripped = body.lstrip("\n")
    body_line = closing + 2 + len(body) - len(stripped)  # the line of the body's first line
    return SplitFile(front_matter=document, body=stripped.rstrip("\n") + "\n", body_line=body_line)
