"""Images under `content/media/`: only raster types whose bytes match their extension.

A body may show these images; nothing else a contributor puts under `content/`
is copied to the site. SVG is refused rather than sanitized: an SVG is an XML
document that can carry scripts, event handlers, `<foreignObject>` HTML and
external references, and a home-made SVG sanitizer is one missed construct away
from script on the site. Raster formats cannot run script, so checking that the
first bytes really are that format (not HTML renamed `.png`) is enough.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Msg

#: Extension → (format name, the file's possible first bytes).
_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),  # and "WEBP" at offset 8, checked below
}
IMAGE_SUFFIXES = frozenset(_SIGNATURES)
#: Extensions that look like images to a contributor (hints point them to content/media/).
IMAGE_LIKE = IMAGE_SUFFIXES | {".svg", ".bmp", ".tif", ".tiff", ".ico", ".avif", ".heic"}
#: Where portraits go (`photo:`): never copied as they are, only re-encoded without metadata.
PHOTO_FOLDER = "media/people"
MEDIA_HINT = Msg("content/media/ holds png, jpg, webp and gif images")


def media_problem(path: Path) -> tuple[str, str] | None:
    """Why the image at `path` may not be published, as (message, hint); None if it may."""
    suffix = path.suffix
    lower = suffix.lower()
    if lower == ".svg":
        return (Msg("SVG images are refused: an SVG can carry script"),
                Msg("export it as PNG or WebP"))
    if lower not in IMAGE_SUFFIXES:
        return (Msg("'%(name)s' is not an allowed image and is not published", name=path.name), MEDIA_HINT)
    if suffix != lower:
        return (Msg("'%(name)s' is not published: image extensions are lowercase", name=path.name),
                Msg("rename it to '%(stem)s%(lower)s'", stem=path.stem, lower=lower))
    name, starts = _SIGNATURES[lower]
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError as exc:
        return (Msg("cannot be read (%(reason)s)", reason=exc.strerror), "")
    matches = head.startswith(starts) and (lower != ".webp" or head[8:12] == b"WEBP")
    if not matches:
        return (Msg("'%(name)s' is not a %(format)s image (its first bytes say otherwise)",
                    name=path.name, format=name),
                Msg("save it as a real %(format)s file, or give it the extension of its format",
                    format=name))
    return None
