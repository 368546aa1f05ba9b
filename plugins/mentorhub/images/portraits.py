"""Every published person's photo, encoded once and cached by content between builds.

The cache is a folder beside mkdocs.yml (`.cache/mentorhub/photos/`), outside
the site: an image is named by the SHA-256 of the photo's bytes, the size and the
encoder version, so an unchanged photo is never encoded twice, a changed one is
encoded again, and two builds of the same content give the same files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from ..hub.loader import LoadResult
from ..hub.media import PHOTO_FOLDER
from ..hub.models import Hub
from ..site.portraits import CARD, PIXEL_SIZES, Portrait
from .encode import VERSION, encode_photo

#: Where the re-encoded photos go inside the site.
SITE_FOLDER = "assets/mentorhub/photos"
CACHE_FOLDER = Path(".cache") / "mentorhub" / "photos"


@dataclass
class PortraitSet:
    """What a build publishes: person id → portrait, site path → bytes, and failures."""

    portraits: dict[str, Portrait] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # person id → why (initials shown)
    encoded: int = 0  # images encoded in this build (the rest came from the cache)

    def thumbnails(self) -> dict[str, str]:
        """Person id → the card-size image's path from the site root (search results)."""
        return {pid: portrait.path(CARD) for pid, portrait in self.portraits.items()}


def build_portraits(hub: Hub, media: Mapping[str, Path], cache_dir: Path | None) -> PortraitSet:
    """Encode (or reuse) the photo of every published person who has one."""
    result = PortraitSet()
    by_digest: dict[str, dict[int, bytes]] = {}  # two people with the same photo: encoded once
    for person in hub.people.values():
        source = media.get(person.photo) if person.photo else None
        if source is None:
            continue
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        images = by_digest.get(digest)
        if images is None:
            try:
                images = by_digest[digest] = _cached_or_encoded(data, digest, cache_dir, result)
            except (OSError, ValueError, SyntaxError, Image.DecompressionBombError,
                    Image.DecompressionBombWarning) as exc:
                result.failed[person.id] = f"{person.photo}: cannot be decoded ({type(exc).__name__})"
                continue
        files = []
        for css, pixels in sorted(PIXEL_SIZES.items()):
            path = f"{SITE_FOLDER}/{digest[:20]}-{pixels}.webp"
            result.files[path] = images[pixels]
            files.append((css, path))
        result.portraits[person.id] = Portrait(tuple(files))
    result.files = dict(sorted(result.files.items()))
    return result


def _cached_or_encoded(data: bytes, digest: str, cache_dir: Path | None,
                       result: PortraitSet) -> dict[int, bytes]:
    sizes = tuple(sorted(PIXEL_SIZES.values()))
    paths = {size: cache_dir / f"{digest}-{size}-v{VERSION}.webp" for size in sizes} if cache_dir else {}
    if paths and all(p.is_file() for p in paths.values()):
        return {size: path.read_bytes() for size, path in paths.items()}
    images = encode_photo(data, sizes)
    result.encoded += 1
    for size, path in paths.items():
        _write_atomically(path, images[size])
    return images


def _write_atomically(path: Path, data: bytes) -> None:
    """A cache file is whole or absent, even if two builds run at once."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only checkout: the build goes on without a cache


def photo_sources(result: LoadResult) -> set[str]:
    """Images never copied to the site as they are: everything under content/media/people/,
    and any other image a `photo:` names (drafts' too), since their metadata goes with them."""
    named = {p.photo for p in result.hub.people.values() if p.photo}
    return {path for path in result.media if path.startswith(PHOTO_FOLDER + "/") or path in named}
