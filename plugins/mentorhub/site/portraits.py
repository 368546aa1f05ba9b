"""Faces on cards and profiles: a re-encoded photo, or an initials avatar.

The photos themselves are made by `mentorhub.images` (which imports this module,
not the other way round); pages only need where each size is and how large it is,
so the browser reserves the space before the image arrives (no layout shift).

A person without a photo gets initials on a coloured disc, drawn as inline SVG:
no request, no broken image, the same colour for the same person on every build.
The colours are Material palette shades dark enough for white text at WCAG AA
(4.5:1, checked by tests/test_portraits.py) in both colour schemes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

#: CSS pixel sizes the pages show: a card's face and the profile header's.
CARD = 56
PROFILE = 128
#: Each is encoded at twice its size, for high-density screens.
PIXEL_SIZES = {CARD: 2 * CARD, PROFILE: 2 * PROFILE}

#: Material Design shades (700–900) that carry white text at ≥ 4.5:1.
AVATAR_COLOURS = (
    "#c62828",  # red 800
    "#ad1457",  # pink 800
    "#6a1b9a",  # purple 800
    "#4527a0",  # deep purple 800
    "#283593",  # indigo 800
    "#1565c0",  # blue 800
    "#01579b",  # light blue 900
    "#006064",  # cyan 900
    "#00695c",  # teal 800
    "#2e7d32",  # green 800
    "#4e342e",  # brown 800
    "#37474f",  # blue grey 800
    "#bf360c",  # deep orange 900
    "#5d4037",  # brown 700
)
AVATAR_TEXT = "#ffffff"


@dataclass(frozen=True)
class Portrait:
    """A person's photo on the site: a path under the site root per CSS pixel size."""

    files: tuple[tuple[int, str], ...]  # (CSS size, site path of the 2x WebP)

    def path(self, size: int) -> str:
        return dict(self.files)[size]


def initials(name: str) -> str:
    """Up to two letters: the first of the first and last words ("Ana María Pérez" → "AP")."""
    words = [w for w in name.replace("-", " ").split() if any(ch.isalnum() for ch in w)]
    letters = [next(ch for ch in w if ch.isalnum()) for w in (words[:1] + words[1:][-1:])]
    # NFC keeps a letter and its accent together, and upper() handles every script.
    return unicodedata.normalize("NFC", "".join(letters)).upper() or "?"


def avatar_colour(person_id: str) -> str:
    """The same palette colour for the same id on every build (not Python's salted hash)."""
    digest = hashlib.sha256(person_id.encode("utf-8")).digest()
    return AVATAR_COLOURS[int.from_bytes(digest[:4], "big") % len(AVATAR_COLOURS)]


def initials_svg(person_id: str, name: str, size: int) -> Markup:
    """Initials on a disc, decorative (the name is always written beside it)."""
    return Markup(
        '<svg class="mh-avatar mh-avatar--initials" width="{size}" height="{size}" viewBox="0 0 100 100" '
        'aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="50" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-size="40" font-weight="700" '
        'fill="{text}">{letters}</text></svg>'
    ).format(size=size, colour=avatar_colour(person_id), text=AVATAR_TEXT,
             letters=escape(initials(name)))
