"""Every Material `primary` × `accent` × scheme: our colour pairs reach WCAG 2.2 AA.

Computed from the installed Material's own stylesheets (tests/palette_support.py), no
browser: 21 primaries × 16 accents × 2 schemes. The browser test
(tests/test_browser_a11y.py, axe) checks rendered pages in a few of them.
"""

from __future__ import annotations

import re

import pytest
from palette_support import (
    AA,
    ACCENTS,
    OURS,
    PRIMARIES,
    SCHEMES,
    contrast,
    hex_of,
    overrides,
    pairs,
    parse,
)

from mentorhub.site.portraits import AVATAR_COLOURS, AVATAR_TEXT

#: Our own fixed colours (mentorhub.css), as (text, scheme): badges on the page background.
BADGES = {"default": ("#1b7f3b", "#9a5b00", "#b3261e"), "slate": ("#6fdd8b", "#ffb74d", "#ff8a80")}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("primary", PRIMARIES)
def test_every_pair_reaches_aa_with_every_accent(scheme: str, primary: str) -> None:
    failures = []
    for accent in ACCENTS:
        for name, (text, background) in pairs(scheme, primary, accent).items():
            ratio = contrast(text, background)
            if ratio < AA:
                failures.append(f"{name}: {hex_of(text)} on {hex_of(background)} = {ratio:.2f}")
    assert not failures, f"{scheme}/{primary}: " + "; ".join(sorted(set(failures)))


def test_without_our_overrides_material_alone_fails_some() -> None:
    """The test can fail: Material's own values miss AA (e.g. indigo chips on slate)."""
    text, background = pairs("slate", "indigo", "indigo", ours=False)["chip"]
    assert contrast(text, background) < AA
    text, background = pairs("default", "light-blue", "indigo", ours=False)["primary button"]
    assert contrast(text, background) < AA


def test_the_committed_overrides_are_current() -> None:
    """mentorhub.css holds exactly what Material's installed palette calls for."""
    css = OURS.read_text(encoding="utf-8")
    block = css.split("/* palette contrast:", 1)[1].split("*/", 1)[1]
    assert overrides() in block, "run `.venv/bin/python tests/palette_support.py` and update mentorhub.css"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_badges_reach_aa_on_the_page(scheme: str) -> None:
    page = pairs(scheme, "indigo", "indigo")["text"][1]
    for colour in BADGES[scheme]:
        assert contrast(parse(colour)[:3], page) >= AA, colour
    css = OURS.read_text(encoding="utf-8")
    for colour in BADGES[scheme]:
        assert re.search(re.escape(colour), css)


@pytest.mark.parametrize("colour", AVATAR_COLOURS)
def test_initials_reach_aa(colour: str) -> None:
    assert contrast(parse(colour)[:3], parse(AVATAR_TEXT)[:3]) >= AA
