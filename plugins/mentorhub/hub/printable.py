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
#: the invisible marks that steer them (U+061C, U+200E, U+200F); BOM / zero-width no-break;
#: lone surrogates (YAML's "\\uD800" makes one), which cannot even be encoded to print.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
    "\ud800-\udfff]"
)
#: Control characters that have no place in published text (tab, newline and carriage
#: return do): XML 1.0 forbids most of them, so one would break the feeds, and in a
#: terminal they are commands.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Lone surrogates: not characters at all, so a page holding one cannot be written as UTF-8.
SURROGATE = re.compile("[\ud800-\udfff]")
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


#: What `json.dumps(..., ensure_ascii=False)` leaves raw: it escapes C0 controls in
#: strings itself, and its own newlines and indents (outside strings) must stay.
_JSON_UNSAFE = re.compile(UNSAFE.pattern.replace("\x00-\x1f", ""))


def json_safe(text: str) -> str:
    """JSON text from `json.dumps` with DEL, C1, separators and bidi controls written as
    `\\uXXXX` escapes: still valid JSON (they occur only inside strings, where the
    escape means the same character), and inert in a terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
