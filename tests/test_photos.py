"""Photos: safe to decode, published small and without metadata; initials otherwise."""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from mentorhub.hub.loader import load_hub
from mentorhub.images.encode import encode_photo
from mentorhub.images.portraits import build_portraits
from mentorhub.site.portraits import AVATAR_COLOURS, AVATAR_TEXT, avatar_colour, initials, initials_svg

from conftest import MENTOR_MO, run_mkdocs, write_project

SERIAL = "SN-4242-CAMERA-7781"
#: 51° 30' 26.46" N: written as rationals; their bytes and the text both must vanish.
GPS_TEXT = "51.50735"


def jpeg_with_secrets(size: tuple[int, int] = (640, 480), orientation: int = 1) -> bytes:
    """A JPEG carrying GPS coordinates, a camera serial number, an XMP packet and a comment."""
    image = Image.new("RGB", size, (200, 120, 80))
    for x in range(0, size[0], 40):  # something to encode, and a way to see orientation
        image.paste((20, 40, 160), (x, 0, x + 20, size[1] // 4))
    exif = Image.Exif()
    exif[0x010F] = "Example Camera Co"  # Make
    exif[0x0112] = orientation
    exif[0xA431] = SERIAL  # BodySerialNumber (Exif IFD, also accepted at top level by readers)
    exif[0x0131] = f"firmware {SERIAL}"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (TiffImagePlugin.IFDRational(51), TiffImagePlugin.IFDRational(30),
              TiffImagePlugin.IFDRational(2646, 100))
    gps[3] = "W"
    gps[4] = (TiffImagePlugin.IFDRational(0), TiffImagePlugin.IFDRational(7),
              TiffImagePlugin.IFDRational(3960, 100))
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="{GPS_TEXT}" '
           f'aux:SerialNumber="{SERIAL}"/></x:xmpmeta>').encode()
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), xmp=xmp, comment=f"shot by {SERIAL}".encode())
    data = out.getvalue()
    assert SERIAL.encode() in data and GPS_TEXT.encode() in data  # the secrets are really there
    return data


def person(name: str, photo: str = "", extra: str = "") -> str:
    lines = [f"name: {name}", "roles: [mentor]", "languages: [en]", "offers: [python]", "consent: true"]
    if photo:
        lines.append(f"photo: {photo}")
    return "---\n" + "\n".join(lines) + ("\n" + extra if extra else "") + "\n---\n"


def write_binary(root: Path, relative: str, data: bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_no_metadata_reaches_the_site(tmp_path: Path) -> None:
    project = write_project(tmp_path / "hub", {
        "content/people/ana.md": person("Ana Photo", "media/people/ana.jpg"),
        "content/people/mo.md": MENTOR_MO,
    })
    write_binary(project, "content/media/people/ana.jpg", jpeg_with_secrets())
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    webps = sorted(site.glob("assets/mentorhub/photos/*.webp"))
    assert webps, "the photo was not published"
    assert not list(site.rglob("*.jpg")), "the original photo was copied as it is"
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SERIAL.encode() not in data, path
            assert GPS_TEXT.encode() not in data, path
            assert b"Example Camera" not in data, path
    for webp in webps:
        with Image.open(webp) as image:
            assert image.format == "WEBP"
            assert not image.getexif() and "xmp" not in image.info and "icc_profile" not in image.info
            assert b"EXIF" not in webp.read_bytes() and b"XMP " not in webp.read_bytes()
    profile = (site / "people" / "ana" / "index.html").read_text(encoding="utf-8")
    img = re.search(r'<img class="mh-avatar"[^>]*>', profile)
    assert img and 'alt=""' in img.group() and 'width="128"' in img.group() and 'height="128"' in img.group()
    listing = (site / "people" / "mentors" / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<img class="mh-avatar"[^>]*>', listing)
    assert card and 'loading="lazy"' in card.group() and 'width="56"' in card.group()
    # Mo has no photo: initials, never a broken image.
    assert re.search(r'<svg class="mh-avatar mh-avatar--initials"[^>]*aria-hidden="true"', listing)
    assert ">MM</text>" in listing


def test_orientation_is_applied_and_output_is_deterministic() -> None:
    # Orientation 6: the camera was turned; a 640x480 sensor image stands 480 wide, 640 tall.
    data = jpeg_with_secrets((640, 480), orientation=6)
    first = encode_photo(data, (112,))
    assert first == encode_photo(data, (112,))
    with Image.open(io.BytesIO(first[112])) as image:
        assert image.size == (112, 112)
        # The blue stripes run along the top of the sensor image; turned, they are on the right.
        left, right = image.getpixel((5, 56)), image.getpixel((106, 56))
        assert isinstance(left, tuple) and isinstance(right, tuple)
        assert right[2] > left[2]


def _bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims `width` x `height` pixels."""
    import zlib
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.mark.parametrize(("photo", "data", "message"), [
    ("media/people/bomb.png", _bomb_png(60_000, 60_000), "decompression bomb"),
    ("media/people/big.png", _bomb_png(9_000, 9_000), "megapixels"),
    ("media/people/missing.jpg", None, "there is no image at content/media/people/missing.jpg"),
    ("https://example.org/me.jpg", None, "not a link"),
    ("../secret.jpg", None, "not a path under content/media/"),
])
def test_bad_photos_are_check_problems(tmp_path: Path, photo: str, data: bytes | None, message: str) -> None:
    project = write_project(tmp_path / "hub", {"content/people/ana.md": person("Ana", photo)})
    if data is not None:
        write_binary(project, "content/" + photo, data)
    result = load_hub(project / "content", display_root=project)
    lines = [str(p) for p in result.problems]
    assert any(line.startswith("content/people/ana.md:7: photo:") and message in line
               for line in lines), lines
    assert "ana" not in result.hub.people


def test_cache_reuses_encoded_photos(tmp_path: Path) -> None:
    files = {"content/people/ana.md": person("Ana", "media/people/ana.jpg")}
    project = write_project(tmp_path / "hub", files)
    write_binary(project, "content/media/people/ana.jpg", jpeg_with_secrets())
    loaded = load_hub(project / "content", display_root=project)
    cache = tmp_path / "cache"
    first = build_portraits(loaded.hub, loaded.media, cache)
    first.wait()  # the cache is written while the build goes on
    second = build_portraits(loaded.hub, loaded.media, cache)
    assert (first.encoded, second.encoded) == (1, 0) and second.saving is None
    assert first.files == second.files and len(first.files) == 2


def test_a_build_encodes_photos_in_the_background_into_the_site(tmp_path: Path) -> None:
    """With a site folder, missing photos are written there (and cached) by other processes
    while the pages are built: the same bytes as in memory; a damaged photo is found first."""
    whole = jpeg_with_secrets()
    files = {"content/people/ana.md": person("Ana", "media/people/ana.jpg"),
             "content/people/bo.md": person("Bo", "media/people/bo.jpg"),
             "content/people/cy.md": person("Cy", "media/people/cy.jpg")}
    project = write_project(tmp_path / "hub", files)
    write_binary(project, "content/media/people/ana.jpg", whole)
    write_binary(project, "content/media/people/bo.jpg", whole)  # the same photo: encoded once
    write_binary(project, "content/media/people/cy.jpg", whole[: len(whole) // 2])  # cut short
    loaded = load_hub(project / "content", display_root=project)
    in_memory = build_portraits(loaded.hub, loaded.media, None)
    site, cache = tmp_path / "site", tmp_path / "cache"
    background = build_portraits(loaded.hub, loaded.media, cache, site_dir=site)
    # Cy's photo fails before any page is rendered: initials, not a broken image.
    assert set(background.portraits) == {"ana", "bo"} and set(background.failed) == {"cy"}
    assert set(in_memory.failed) == {"cy"}  # as without the background
    assert background.files == {} and background.encoded == 1
    assert background.wait() == {}
    written = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.webp")}
    assert written == in_memory.files and len(written) == 2
    again = build_portraits(loaded.hub, loaded.media, cache, site_dir=tmp_path / "site2")
    assert again.encoded == 0 and again.files == in_memory.files and again.wait() == {}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", AVATAR_COLOURS)
def test_avatar_colours_carry_white_text(colour: str) -> None:
    light, dark = sorted((_luminance(colour), _luminance(AVATAR_TEXT)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_initials_are_deterministic_and_escaped() -> None:
    assert initials("Ana María Pérez") == "AP"
    assert initials("Zoë") == "Z"
    assert initials("jean-luc picard") == "JP"
    assert initials("  ") == "?"
    assert avatar_colour("ana") == avatar_colour("ana")
    drawn = initials_svg("x", "<script>", 56)
    assert "<script>" not in drawn and ">S</text>" in drawn  # letters and digits only
