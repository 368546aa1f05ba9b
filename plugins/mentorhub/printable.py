"""Text made safe to print on one line: terminals, CI logs and GitHub annotations.

Contributor text (a value, a key, a file name) can hold newlines, terminal escape
sequences or bidi overrides that split a `path:line: field: message` line, recolour a
terminal, or make a log line read differently from what it says. Everything printed
by `check`, `match` and `diff` passes through :func:`one_line`, which shows such
characters as visible escapes (`\\n`, `\\x1b`, `\\u202e`) instead of emitting them.
"""

from __future__ import annotations

import re

#: C0 and C1 controls and DEL; Unicode line and paragraph separators; the bidi
#: embedding, override and isolate controls (U+202E reverses the text after it) and
#: the invisible marks that steer them (U+061C, U+200E, U+200F); BOM / zero-width no-break.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """`text` with every control, separator and bidi character shown as an escape."""
    return UNSAFE.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with the characters above written as `\\uXXXX` escapes (still valid JSON).

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but leaves DEL, C1 and
    bidi controls raw; inside JSON they can only occur within strings, where
    `\\uXXXX` means the same character.
    """
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
