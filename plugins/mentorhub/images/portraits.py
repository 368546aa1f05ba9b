"""Every published person's photo, encoded once and cached by content between builds.

The cache is a folder beside mkdocs.yml (`.cache/mentorhub/photos/`), outside
the site: an image is named by the SHA-256 of the photo's bytes, the size and the
encoder version, so an unchanged photo is never encoded twice, a changed one is
encoded again, and two builds of the same content give the same files.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..hub.loader import LoadResult
from ..hub.media import PHOTO_FOLDER
from ..hub.models import Hub
from ..hub.photos import FORMATS, MAX_PIXELS
from ..site.portraits import CARD, PIXEL_SIZES, Portrait
from .encode import VERSION, encode_photo

#: Where the re-encoded photos go inside the site.
SITE_FOLDER = "assets/mentorhub/photos"
CACHE_FOLDER = Path(".cache") / "mentorhub" / "photos"
#: What a photo that cannot be decoded raises (Pillow's own errors, and our size limit).
UNDECODABLE = (OSError, ValueError, SyntaxError, UnidentifiedImageError, Image.DecompressionBombError,
               Image.DecompressionBombWarning)


@dataclass
class PortraitSet:
    """What a build publishes: person id → portrait, site path → bytes, and failures."""

    portraits: dict[str, Portrait] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # person id → why (initials shown)
    encoded: int = 0  # images encoded in this build (the rest came from the cache)
    #: Writes the newly encoded images to the cache while the build goes on (a file
    #: costs ~0.5 ms to create on a slow disk: a second for 1,000 photos); see wait().
    saving: threading.Thread | None = None
    #: Photos being encoded in other processes straight into the site (site_dir given):
    #: digest → (the job, the photo as a person's file names it, ids of the people with it).
    encoding: dict[str, tuple[Future[str | None], str, list[str]]] = field(default_factory=dict)

    def wait(self) -> dict[str, str]:
        """Return once the site and the cache hold this build's images (call before the build
        ends), with the people whose photo failed only then (person id → why; see build_portraits)."""
        if self.saving is not None:
            self.saving.join()
        late: dict[str, str] = {}
        for future, photo, people in self.encoding.values():
            why = future.result()
            if why is not None:
                late.update(dict.fromkeys(people, f"{photo}: cannot be decoded ({why})"))
        self.encoding = {}
        self.failed.update(late)
        return late

    def thumbnails(self) -> dict[str, str]:
        """Person id → the card-size image's path from the site root (search results)."""
        return {pid: portrait.path(CARD) for pid, portrait in self.portraits.items()}


def build_portraits(hub: Hub, media: Mapping[str, Path], cache_dir: Path | None,
                    site_dir: Path | None = None) -> PortraitSet:
    """Encode (or reuse) the photo of every published person who has one.

    Photos missing from the cache are encoded on a few threads: Pillow lets go of the
    GIL while it decodes, resizes and encodes, and each photo's bytes depend on that
    photo alone, so the output is the same in any order.

    With `site_dir` (a build), they are instead encoded in other processes, which write
    them into the site and the cache while this one renders the pages (on 2 cores a cold
    build then costs little more than a warm one); `wait()` before the build ends. Whether
    a photo decodes must be known now (its people get initials otherwise), so each is
    first decoded at 1/8 scale (a damaged file fails there); should one still fail
    later, wait() says so.
    """
    result = PortraitSet()
    sources: dict[str, str] = {}  # person id → digest of their photo's bytes
    data_of: dict[str, bytes] = {}  # digest → bytes, one entry per distinct photo
    for person in hub.people.values():
        source = media.get(person.photo) if person.photo else None
        if source is not None:
            data = source.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            sources[person.id] = digest
            data_of.setdefault(digest, data)
    images: dict[str, dict[int, bytes] | Exception] = {}
    missing = []
    for digest in sorted(data_of):
        cached = _cached(digest, cache_dir)
        if cached is None:
            missing.append(digest)
        else:
            images[digest] = cached
    if site_dir is not None and missing:
        _encode_in_background(hub, result, missing, data_of, sources, images, cache_dir, site_dir)
        missing = []
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for digest, encoded in zip(missing, pool.map(lambda d: _encoded(data_of[d]), missing), strict=True):
            images[digest] = encoded
    new = {d: found for d in missing if not isinstance(found := images[d], Exception)}
    result.encoded += len(new)
    if new and cache_dir is not None:
        writes = [(path, found[size]) for d, found in new.items()
                  for size, path in _cache_paths(d, cache_dir).items()]
        # Not a daemon: should the build stop early, the interpreter still finishes the writes.
        result.saving = threading.Thread(target=_write_all, args=(cache_dir, writes),
                                         name="mentorhub-photo-cache")
        result.saving.start()
    for person_id, digest in sorted(sources.items()):
        found = images[digest]
        if isinstance(found, Exception):
            photo = hub.people[person_id].photo
            result.failed[person_id] = f"{photo}: cannot be decoded ({type(found).__name__})"
            continue
        files = []
        for css, pixels in sorted(PIXEL_SIZES.items()):
            path = _site_path(digest, pixels)
            if pixels in found:  # not yet when it is being encoded in the background
                result.files[path] = found[pixels]
            files.append((css, path))
        result.portraits[person_id] = Portrait(tuple(files))
    result.files = dict(sorted(result.files.items()))
    return result


def _site_path(digest: str, pixels: int) -> str:
    return f"{SITE_FOLDER}/{digest[:20]}-{pixels}.webp"


def _encode_in_background(hub: Hub, result: PortraitSet, missing: list[str], data_of: dict[str, bytes],
                          sources: dict[str, str], images: dict[str, dict[int, bytes] | Exception],
                          cache_dir: Path | None, site_dir: Path) -> None:
    """Start encoding the `missing` photos in other processes (see build_portraits)."""
    people: dict[str, list[str]] = {}
    for person_id, digest in sorted(sources.items()):
        people.setdefault(digest, []).append(person_id)
    # One process fewer than the cores: the build's own keeps rendering pages meanwhile.
    pool = ProcessPoolExecutor(max_workers=max(1, min(3, (os.cpu_count() or 2) - 1)))
    for digest in missing:
        problem = _decode_problem(data_of[digest])
        if problem is not None:
            images[digest] = problem
            continue
        images[digest] = {}  # it will be in the site, not in memory
        site = {pixels: site_dir / _site_path(digest, pixels) for pixels in PIXEL_SIZES.values()}
        job = pool.submit(_encode_into, data_of[digest], site, _cache_paths(digest, cache_dir))
        result.encoding[digest] = (job, str(hub.people[people[digest][0]].photo), people[digest])
        result.encoded += 1
    pool.shutdown(wait=False)  # the jobs go on; the processes end when they are done


def _decode_problem(data: bytes) -> Exception | None:
    """Why the photo cannot be decoded, if it cannot: a JPEG is decoded at 1/8 scale
    (libjpeg still reads every byte), anything else in full."""
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as opened:
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise ValueError(f"{width} x {height} pixels")
            opened.seek(0)
            if opened.format == "JPEG":
                opened.draft("RGB", (1, 1))
            opened.load()
    except UNDECODABLE as exc:
        return exc
    return None


def _encode_into(data: bytes, site: dict[int, Path], cache: dict[int, Path]) -> str | None:
    """In a worker process: encode the photo and write it into the site and the cache;
    None, or why it failed."""
    found = _encoded(data)
    if isinstance(found, Exception):
        return type(found).__name__
    try:
        for pixels, path in site.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(found[pixels])
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"
    if cache:
        _write_all(next(iter(cache.values())).parent, [(cache[pixels], found[pixels]) for pixels in cache])
    return None


def _cache_paths(digest: str, cache_dir: Path | None) -> dict[int, Path]:
    sizes = sorted(PIXEL_SIZES.values())
    return {size: cache_dir / f"{digest}-{size}-v{VERSION}.webp" for size in sizes} if cache_dir else {}


def _cached(digest: str, cache_dir: Path | None) -> dict[int, bytes] | None:
    paths = _cache_paths(digest, cache_dir)
    try:
        return {size: path.read_bytes() for size, path in paths.items()} if paths else None
    except OSError:
        return None  # not (all) there: encode again


def _encoded(data: bytes) -> dict[int, bytes] | Exception:
    """The photo's images, or why it could not be decoded."""
    try:
        return encode_photo(data, tuple(sorted(PIXEL_SIZES.values())))
    except UNDECODABLE as exc:
        return exc


def _write_all(cache_dir: Path, writes: list[tuple[Path, bytes]]) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only checkout: the build goes on without a cache
    for path, data in writes:
        _write_atomically(path, data)


def _write_atomically(path: Path, data: bytes) -> None:
    """A cache file is whole or absent, even if two builds run at once."""
    try:
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
