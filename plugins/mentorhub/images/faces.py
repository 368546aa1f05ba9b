"""Stylised portraits drawn from a seed: the demo's faces and `init --example`'s.

No photo of a real person and nothing downloaded: each face is a few shapes
(skin, hair, eyes, smile, shirt, sometimes glasses) whose colours and styles come
from the SHA-256 of a seed, so the same seed draws the same face on every machine.
They are part of this repository and share its licence (MIT).
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw

BACKGROUNDS = ("#f3e5f5", "#e3f2fd", "#e8f5e9", "#fff8e1", "#fce4ec", "#e0f2f1", "#ede7f6", "#fbe9e7")
SKIN = ("#f9d7c0", "#eebb99", "#d9a07b", "#c68642", "#a5694f", "#8d5524", "#6b4226", "#4a2f1d")
HAIR = ("#1b1b1b", "#3b2417", "#5a3825", "#8d5a2b", "#b5813e", "#d9b26f", "#7a7a7a", "#a63d2a")
SHIRTS = ("#1565c0", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#ef6c00", "#37474f", "#ad1457")
#: Drawn large and scaled down once: Pillow's shapes have no anti-aliasing of their own.
_CANVAS = 512


def draw_face(seed: str, size: int = 320, *, beard: bool = True) -> bytes:
    """A JPEG portrait of `size` x `size` pixels, the same for the same seed.

    `beard=False` never draws one (the demo asks so for people whose pronouns are not he/him).
    """
    pick = hashlib.sha256(seed.encode("utf-8")).digest()
    image = Image.new("RGB", (_CANVAS, _CANVAS), BACKGROUNDS[pick[0] % len(BACKGROUNDS)])
    draw = ImageDraw.Draw(image)
    skin, hair = SKIN[pick[1] % len(SKIN)], HAIR[pick[2] % len(HAIR)]
    style, shirt = pick[3] % 4, SHIRTS[pick[4] % len(SHIRTS)]
    if style == 1:  # long hair, behind the shoulders
        draw.rounded_rectangle((126, 120, 386, 420), radius=110, fill=hair)
    draw.ellipse((96, 380, 416, 700), fill=shirt)  # shoulders
    draw.rectangle((226, 320, 286, 400), fill=skin)  # neck
    draw.ellipse((146, 110, 366, 360), fill=skin)  # face
    draw.ellipse((134, 210, 166, 270), fill=skin)  # ears
    draw.ellipse((346, 210, 378, 270), fill=skin)
    if style in (0, 1):  # a fringe
        draw.chord((140, 90, 372, 280), 180, 360, fill=hair)
    elif style == 2:  # a bun on top
        draw.ellipse((210, 46, 302, 130), fill=hair)
        draw.chord((146, 100, 366, 270), 180, 360, fill=hair)
    else:  # short, with a side parting
        draw.chord((140, 96, 372, 250), 170, 370, fill=hair)
    eye_y = 228 + pick[5] % 12
    for x in (206, 306):
        draw.ellipse((x - 11, eye_y - 11, x + 11, eye_y + 11), fill="#2b2b2b")
        draw.ellipse((x - 3, eye_y - 7, x + 3, eye_y - 1), fill="#ffffff")
    if pick[6] % 3 == 0:  # glasses
        for x in (206, 306):
            draw.ellipse((x - 30, eye_y - 26, x + 30, eye_y + 26), outline="#263238", width=6)
        draw.line((236, eye_y, 276, eye_y), fill="#263238", width=6)
    draw.arc((206, 250, 306, 320), 20, 160, fill="#8e3b3b", width=8)  # smile
    if beard and pick[7] % 4 == 0 and style == 3:  # a beard
        draw.chord((160, 250, 352, 372), 0, 180, fill=hair)
        draw.arc((216, 270, 296, 316), 20, 160, fill="#f5f5f5", width=6)
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue()
