"""One photo → small square WebP images with nothing in them but pixels.

Decoding is Pillow's. What is written is built from the pixels alone: no EXIF
(camera serials, GPS, dates), no XMP, no ICC profile (colours are converted to
sRGB first), no comments. EXIF orientation is applied, so a phone photo taken
on its side stands up. The same bytes in give the same bytes out.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageOps

from ..hub.photos import FORMATS, MAX_PIXELS

#: WebP quality for faces at thumbnail sizes: 80 keeps skin and hair smooth at a
#: few kilobytes per image. `method` 2 (libwebp's default is 4) encodes in half the
#: time for ~7 % more bytes (2.4 instead of 2.3 KiB at 256 px): a cold build of
#: 1,000 photos is that much quicker, and the page budgets keep their margin
#: (docs/reference/benchmarks.md, "Photos").
QUALITY = 80
METHOD = 2
#: Faces sit in the upper half of most portraits: a square crop keeps more of the top.
CENTRE = (0.5, 0.4)
#: Bumped when the output changes, so cached images from an older engine are not reused.
VERSION = "3"


def encode_photo(data: bytes, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Pixel size → WebP bytes of a square crop of the photo in `data`."""
    # No warnings filter here (it is process-wide, and photos are encoded on threads):
    # `check` refused anything over MAX_PIXELS, and the size is checked again below.
    with Image.open(io.BytesIO(data), formats=FORMATS) as opened:
        width, height = opened.size
        if width * height > MAX_PIXELS:  # a bomb that got past `check` stops before decoding
            raise ValueError(f"{width} x {height} pixels")
        opened.seek(0)  # an animated GIF or WebP: its first frame
        # libjpeg can decode at 1/2, 1/4 or 1/8 scale, at least the largest size: its
        # scaled inverse DCT is a good downscaling filter (a 1024-pixel photo decoded
        # at 256 is within 46 dB PSNR of a Lanczos resize of the full decode, far below
        # what WebP at quality 80 changes) for a fraction of the work of a resize.
        if opened.format == "JPEG":
            opened.draft("RGB", (max(sizes), max(sizes)))
        oriented = ImageOps.exif_transpose(opened)
        rgb = _to_srgb(oriented)
    # The largest square first; smaller ones from it (a fraction of the work of each
    # starting again from the full photo).
    largest = _square(rgb, max(sizes))
    return {size: _webp(largest if size == max(sizes) else _square(largest, size)) for size in sizes}


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB pixels in sRGB: an embedded colour profile is applied, then dropped."""
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    rgb = image.convert("RGB")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(rgb, source, ImageCms.createProfile("sRGB"),
                                                  outputMode="RGB")
            if converted is not None:
                rgb = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    return rgb


def _square(image: Image.Image, size: int) -> Image.Image:
    """The photo's square around CENTRE, resized to `size` (not at all when it is that size)."""
    width, height = image.size
    side = min(width, height)
    left = round((width - side) * CENTRE[0])
    top = round((height - side) * CENTRE[1])
    box = (left, top, left + side, top + side)
    # Far larger sources (a PNG; a JPEG too big for draft mode alone) are first reduced by
    # a whole factor, keeping at least twice the size for Lanczos: Pillow's thumbnail rule.
    fitted = (image.crop(box) if side == size
              else image.resize((size, size), Image.Resampling.LANCZOS, box=box, reducing_gap=2.0))
    # A new image from the pixels alone: no `info` (EXIF, XMP, ICC, comments) travels on.
    return Image.frombytes("RGB", fitted.size, fitted.tobytes())


def _webp(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=QUALITY, method=METHOD, exif=b"", xmp=b"", icc_profile=b"")
    return out.getvalue()
