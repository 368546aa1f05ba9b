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
#: few kilobytes per image. `method` 4 is libwebp's default speed/size balance.
QUALITY = 80
METHOD = 4
#: Faces sit in the upper half of most portraits: a square crop keeps more of the top.
CENTRE = (0.5, 0.4)
#: Bumped when the output changes, so cached images from an older engine are not reused.
VERSION = "2"


def encode_photo(data: bytes, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Pixel size → WebP bytes of a square crop of the photo in `data`."""
    # No warnings filter here (it is process-wide, and photos are encoded on threads):
    # `check` refused anything over MAX_PIXELS, and the size is checked again below.
    with Image.open(io.BytesIO(data), formats=FORMATS) as opened:
        width, height = opened.size
        if width * height > MAX_PIXELS:  # a bomb that got past `check` stops before decoding
            raise ValueError(f"{width} x {height} pixels")
        opened.seek(0)  # an animated GIF or WebP: its first frame
        # libjpeg can decode at 1/2, 1/4 or 1/8 scale: far less work for a thumbnail,
        # still at least twice the largest size, so the final resize stays sharp.
        if opened.format == "JPEG":
            opened.draft("RGB", (2 * max(sizes), 2 * max(sizes)))
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
    fitted = ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS, centering=CENTRE)
    # A new image from the pixels alone: no `info` (EXIF, XMP, ICC, comments) travels on.
    return Image.frombytes("RGB", fitted.size, fitted.tobytes())


def _webp(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=QUALITY, method=METHOD, exif=b"", xmp=b"", icc_profile=b"")
    return out.getvalue()
