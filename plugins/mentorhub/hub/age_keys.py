"""Age secret keys in text: the lines of an identity file as age-keygen writes it.

One reader for the organizers' key files (`contacts`, the `pair` commands) and the build
key (an environment variable): blank lines and `#` comments are skipped, every other line
must be an `AGE-SECRET-KEY-1…` key. Callers word the error for where the text came from.
"""

from __future__ import annotations

import pyrage
from pyrage import x25519


class KeyTextError(ValueError):
    """The text is not an age identity file: `empty` when it holds no key at all."""

    def __init__(self, *, empty: bool) -> None:
        super().__init__("holds no age secret key" if empty else "is not an age secret key")
        self.empty = empty


def identities_in(text: str) -> list[x25519.Identity]:
    """Every identity in `text`; KeyTextError when a line is not a key or none is there."""
    keys = [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    try:
        identities = [x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError:
        raise KeyTextError(empty=False) from None
    if not identities:
        raise KeyTextError(empty=True)
    return identities
