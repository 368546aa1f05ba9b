"""Is a portrait safe to decode? Its header says, before any pixel is decoded.

A photo is decoded at build time (`mentorhub.images`); a file that claims
60,000 × 60,000 pixels in a few kilobytes (a decompression bomb) would take
gigabytes of memory there. So `check` reads only the header, with Pillow (never
a decoder of our own), and refuses what is too large, which makes a bomb a
content problem on the person's file rather than a crash of the build.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .problems import Msg

#: The largest photo we decode: 40 megapixels (a 2026 phone camera is 12–50), and
#: no side over 10,000 pixels. Far beyond what the pages need (at most 256 px).
MAX_PIXELS = 40_000_000
MAX_SIDE = 10_000
#: Formats Pillow may open for a photo; everything else is refused unread.
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")


def photo_problem(path: Path) -> tuple[str, str] | None:
    """Why the image at `path` cannot be a portrait, as (message, hint); None when it can."""
    hint = Msg("export it again as a JPEG or PNG under 10,000 pixels a side")
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit and raises above twice that; ours is lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return (Msg("the image claims more pixels than any photo has (a decompression bomb?)"), hint)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return (Msg("the image cannot be read (damaged, or not a png, jpg, webp or gif)"), hint)
    if width < 1 or height < 1:
        return (Msg("the image is empty"), hint)
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return (Msg("the image is %(width)s × %(height)s pixels, more than the %(max_pixels)s "
                    "megapixels a photo may have",
                    width=f"{width:,}", height=f"{height:,}", max_pixels=MAX_PIXELS // 1_000_000), hint)
    return None
