"""The placeholders `mentorhub new` writes where only the contributor can answer.

It writes them in the hub's language (the catalogs translate "FILL IN"), and a hub's
files may come from `new` run in any language, so `check` knows them all: a value, or a
body line starting with one, fails with "fill in this field" until it is replaced.
`tests/test_new_language.py` keeps this list in step with the catalogs.
"""

from __future__ import annotations

from typing import Any

PLACEHOLDERS = frozenset({
    "FILL IN",  # en
    "RELLENAR",  # es
    "À REMPLIR",  # fr
    "PREENCHER",  # pt
    "AUSFÜLLEN",  # de
    "يُملأ",  # ar
})


def is_placeholder(value: Any) -> bool:
    """A placeholder, alone or in a list, as `mentorhub new` writes it."""
    # Asked of every value of every record: the common cases first, without a generator.
    if isinstance(value, str):
        return value.strip() in PLACEHOLDERS
    if isinstance(value, list):
        for item in value:  # mostly lists of words (skills, languages): no call per item
            if item.strip() in PLACEHOLDERS if isinstance(item, str) else is_placeholder(item):
                return True
    return False


def placeholder_line(body: str) -> int | None:
    """The 0-based line of the body that starts with a placeholder ("FILL IN: a few
    sentences about you …"), or None."""
    if not any(placeholder in body for placeholder in PLACEHOLDERS):
        return None  # most bodies: no line can start with one
    for number, line in enumerate(body.splitlines()):
        head = line.strip().split(":", 1)[0].strip()
        if head in PLACEHOLDERS:
            return number
    return None
