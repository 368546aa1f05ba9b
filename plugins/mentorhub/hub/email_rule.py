"""The one rule for what an email address is (`contact.email`, and a sealed block's email).

Deliberately loose about what real addresses contain (a local part, an `@`, a domain
with a dot), but never a space, a control character, a bidi control or half of a
surrogate pair: an address is printed to organizers' terminals and pasted into mail
clients, where such characters act instead of reading as text.
"""

from __future__ import annotations

import re

#: One character of an address: not `@`, not whitespace, not a C0/C1 control or DEL,
#: not a bidi or invisible mark (the same set `printable.UNSAFE` escapes). Written with
#: `\\xHH`/`\\uHHHH` escapes that Python and ECMAScript (JSON Schema) read alike.
_CHAR = r"[^@\s\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
EMAIL_PATTERN = f"{_CHAR}+@{_CHAR}+\\.{_CHAR}+"
_EMAIL = re.compile(EMAIL_PATTERN)
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_email(value: object) -> bool:
    """Whether `value` is exactly one email address by the `contact.email` rule."""
    return isinstance(value, str) and bool(_EMAIL.fullmatch(value)) and not _SURROGATE.search(value)
