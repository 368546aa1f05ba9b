"""The id `mentorhub new` gives a file: from the title, or from `--id`, checked before writing.

A title is transliterated only where that is safe: accents come off Latin letters
(NFKD), and a few Latin letters without a decomposition get their usual spelling.
A title in another script (李雷, Алия) has no safe spelling in a-z, so the contributor
is asked for an id instead of getting `people/group.md` or half a name.
"""

from __future__ import annotations

import unicodedata

from ..hub.fields import ID_PATTERN, ID_RULE
from ..hub.schema import RecordType

# Long enough for any real title, short enough that `2026-01-31-<id>.md` stays far
# below the 255-byte file-name limit of common file systems.
MAX_ID_LENGTH = 64

# Latin letters that NFKD leaves alone; everything else Latin decomposes into a base
# letter and marks.
_LATIN_SPELLINGS = {
    "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s",
}


class IdError(ValueError):
    """Why no id can be used; the message is shown to the contributor as is."""


def id_from_title(title: str, max_length: int = MAX_ID_LENGTH) -> str:
    """A lowercase a-z/0-9/'-' id spelled from `title`, shortened at a word boundary."""
    words: list[str] = []
    current: list[str] = []
    untransliterable: list[str] = []
    for char in unicodedata.normalize("NFKD", title.lower()):
        char = _LATIN_SPELLINGS.get(char, char)
        if char.isascii() and char.isalnum():
            current.append(char)
        elif unicodedata.category(char) == "Mn":
            continue  # a combining accent: "é" is "e" + U+0301
        else:
            if unicodedata.category(char)[0] in "LN" and len(char) == 1:
                untransliterable.append(char)
            if current:
                words.append("".join(current))
                current = []
    if current:
        words.append("".join(current))
    if untransliterable:
        raise IdError(
            f"the title has letters with no safe a-z spelling ({''.join(untransliterable[:12])}); "
            "choose the file's id with --id, e.g. --id li-lei")
    if not words:
        raise IdError("the title has no letters or digits to make an id from; choose one with --id")
    slug = words[0][:max_length]
    for word in words[1:]:
        if len(slug) + 1 + len(word) > max_length:
            break
        slug = f"{slug}-{word}"
    return slug


def check_id(file_id: str, record_type: RecordType) -> None:
    """Raise IdError if `file_id` breaks the id rule, is too long or names a listing page."""
    if not ID_PATTERN.match(file_id):
        raise IdError(f"'{_shown(file_id)}' is not a valid id ({ID_RULE})")
    if len(file_id) > MAX_ID_LENGTH:
        raise IdError(f"the id is {len(file_id)} characters long; use at most {MAX_ID_LENGTH}")
    if file_id in record_type.reserved_ids:
        raise IdError(f"the id '{file_id}' is reserved for a listing page of "
                      f"{record_type.folder}/; choose another with --id")


def _shown(text: str) -> str:
    """`text` cut short and without control characters, for an error message."""
    clean = "".join(c if c.isprintable() else "?" for c in text)
    return clean if len(clean) <= 40 else clean[:39] + "…"
