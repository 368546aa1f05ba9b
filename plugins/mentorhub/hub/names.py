"""People's names compared by meaning, not by bytes.

`authors` takes person ids or plain names. A draft person's name must not be
published through it however it is written: in another case, with other spacing,
with invisible or compatibility characters (a zero-width space, full-width
letters, a soft hyphen), with or without punctuation ("Jean-Luc", "Jean Luc"),
or in "Last, First" order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters, marks and digits make up a name; separators (spaces, punctuation,
# symbols, controls) only split it into words; format characters (Cf: zero-width
# space and joiners, soft hyphen, direction marks) are invisible and dropped.
_WORD_CATEGORIES = ("L", "M", "N")
_ASCII_WORD = re.compile("[a-z0-9]+")


def _words(text: str) -> list[str]:
    if text.isascii():
        # The common case, the same words without a call per character: ASCII is its own
        # NFKC form, casefolds to lowercase, and has no format characters; its letters and
        # digits are words, its apostrophes join them and everything else separates them.
        return _ASCII_WORD.findall(text.lower().replace("'", "").replace("`", ""))
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    words: list[str] = []
    current: list[str] = []
    for char in folded:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category[0] in _WORD_CATEGORIES:
            current.append(char)
        elif char in "'’ʼ`´":  # an apostrophe joins: "O'Brien" is "OBrien"
            continue
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def name_keys(text: str) -> frozenset[str]:
    """Keys under which two ways of writing the same name meet (empty for no name at all).

    A name's words are joined without separators (so spacing, hyphens and dots do
    not matter) in the order written and in sorted order (so "Last First" meets
    "First Last"); "Last, First" is read as "First Last" first.
    """
    parts = text.split(",")
    if len(parts) == 2 and all(_words(part) for part in parts):
        text = f"{parts[1]} {parts[0]}"
    words = _words(text)
    if not words:
        return frozenset()
    return frozenset({"".join(words), "".join(sorted(words))})


class NameSet:
    """Names and ids to recognise, however an author writes them.

    An id is matched by its name keys too: `zz-draft-author`, `ZZ-Draft-Author` and
    `ZZ Draft Author` meet, since ids are lowercase words joined by hyphens.
    """

    def __init__(self, names: Iterable[str] = (), ids: Iterable[str] = ()) -> None:
        self._keys: set[str] = set()
        for text in (*names, *ids):
            self._keys |= name_keys(text)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and not self._keys.isdisjoint(name_keys(text))
