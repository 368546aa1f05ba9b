"""Material's palette, read from the installed theme's own CSS, and WCAG contrast.

No browser: the custom properties of Material's main and palette stylesheets (and of
ours, which come after them) are resolved for a body with
`data-md-color-scheme`, `-primary` and `-accent` set the way Material's template sets
them, by specificity and source order, with `var()` and alpha compositing followed.

    .venv/bin/python tests/palette_support.py   # print the overrides mentorhub.css needs

prints what `assets/mentorhub.css` holds between its "palette contrast" markers.
"""

from __future__ import annotations

import colorsys
import re
from functools import cache
from pathlib import Path

import material

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
OURS = Path(__file__).resolve().parent.parent / "plugins" / "mentorhub" / "assets" / "mentorhub.css"
SCHEMES = ("default", "slate")
PRIMARIES = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
             "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown",
             "grey", "blue-grey", "black", "white")
ACCENTS = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
           "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange")
AA = 4.5
RGB = tuple[float, float, float]
RGBA = tuple[float, float, float, float]

_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_ATTR = re.compile(r"\[data-md-color-(scheme|primary|accent)=([a-z-]+)\]")


def _blocks(css: str) -> str:
    """Rules outside @media, and those inside `@media screen{…}` (no width condition)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out, depth, i = [], 0, 0
    while i < len(css):
        if css.startswith("@media", i):
            head_end = css.index("{", i)
            head = css[i:head_end]
            j, depth = head_end + 1, 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[j], 0)
                j += 1
            if re.fullmatch(r"@media\s+screen\s*", head):
                out.append(css[head_end + 1:j - 1])
            i = j
        else:
            out.append(css[i])
            i += 1
    return "".join(out)


@cache
def _rules(ours: bool = True) -> list[tuple[str, dict[str, str]]]:
    sheets = [next(STYLESHEETS.glob("main.*.min.css")), next(STYLESHEETS.glob("palette.*.min.css"))]
    sheets += [OURS] if ours else []
    rules = []
    for sheet in sheets:
        for selectors, body in _RULE.findall(_blocks(sheet.read_text(encoding="utf-8"))):
            decls = {}
            for decl in body.split(";"):
                name, _, value = decl.partition(":")
                if name.strip().startswith("--md-") or name.strip().startswith("--mh-"):
                    decls[name.strip()] = value.strip()
            if decls:
                rules.append((selectors.strip(), decls))
    return rules


def _applies(selector: str, where: dict[str, str]) -> int | None:
    """The selector's specificity if it selects the body in `where` (or :root), else None."""
    selector = selector.strip()
    if selector in (":root", "html"):
        return 0
    rest = selector
    count = 0
    for negated in re.findall(r":not\(([^)]*)\)", selector):
        for kind, value in _ATTR.findall(negated):
            if where.get(kind) == value:
                return None
            count += 1
    rest = re.sub(r":not\([^)]*\)", "", rest)
    attrs = _ATTR.findall(rest)
    if not attrs or _ATTR.sub("", rest).strip():
        return None  # another element or a pseudo-class: not the body's variables
    for kind, value in attrs:
        if where.get(kind) != value:
            return None
        count += 1
    return count


def variables(scheme: str, primary: str, accent: str, *, ours: bool = True) -> dict[str, str]:
    """Every custom property the body gets, unresolved (`ours`: with mentorhub.css)."""
    where = {"scheme": scheme, "primary": primary, "accent": accent}
    chosen: dict[str, tuple[int, int, str]] = {}
    for order, (selectors, decls) in enumerate(_rules(ours)):
        best = max((s for s in (_applies(sel, where) for sel in selectors.split(",")) if s is not None),
                   default=None)
        if best is None:
            continue
        for name, value in decls.items():
            if name not in chosen or (best, order) >= chosen[name][:2]:
                chosen[name] = (best, order, value)
    return {name: value for name, (_, _, value) in chosen.items()}


def resolve(values: dict[str, str], name: str, depth: int = 0) -> str:
    value = values[name]
    if depth > 20:
        raise ValueError(f"{name}: var() loop")
    return re.sub(r"var\((--[a-z0-9-]+)\)", lambda m: resolve(values, m.group(1), depth + 1), value)


def parse(color: str) -> RGBA:
    color = color.strip().lower()
    if color.startswith("#"):
        h = color[1:]
        if len(h) in (3, 4):
            h = "".join(c * 2 for c in h)
        parts = [int(h[i:i + 2], 16) / 255 for i in range(0, len(h), 2)]
        return (parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0)
    match = re.fullmatch(r"hsla?\(([^)]*)\)", color)
    if match:
        bits = [b.strip() for b in match.group(1).replace("/", ",").split(",")]
        hue = float(bits[0].removesuffix("deg")) / 360
        sat, light = float(bits[1].rstrip("%")) / 100, float(bits[2].rstrip("%")) / 100
        alpha = float(bits[3]) if len(bits) > 3 else 1.0
        r, g, b = colorsys.hls_to_rgb(hue, light, sat)
        return (r, g, b, alpha)
    if color == "white":
        return (1.0, 1.0, 1.0, 1.0)
    raise ValueError(f"cannot read colour {color!r}")


def over(top: RGBA, bottom: RGB) -> RGB:
    a = top[3]
    red, green, blue = (top[i] * a + bottom[i] * (1 - a) for i in range(3))
    return (red, green, blue)


def luminance(rgb: RGB) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: RGB, b: RGB) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_of(rgb: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def pairs(scheme: str, primary: str, accent: str, *, ours: bool = True,
          extra: dict[str, str] | None = None) -> dict[str, tuple[RGB, RGB]]:
    """Our colour pairs on a page in this palette: name → (text, background)."""
    values = {**variables(scheme, primary, accent, ours=ours), **(extra or {})}

    def colour(name: str) -> RGBA:
        return parse(resolve(values, name))

    page = over(colour("--md-default-bg-color"), (1.0, 1.0, 1.0))
    link = over(colour("--md-typeset-a-color"), page)
    chip = over(colour("--md-accent-fg-color--transparent"), page)
    button_bg = over(colour("--md-primary-fg-color"), page)
    return {
        "link": (link, page),  # links, and the text and border of secondary buttons
        "chip": (link, chip),  # skill chips: link colour on the accent's tint
        "muted": (over(colour("--md-default-fg-color--light"), page), page),
        "text": (over(colour("--md-default-fg-color"), page), page),
        "primary button": (over(colour("--md-primary-bg-color"), button_bg), button_bg),
    }


def adjusted(text: RGB, backgrounds: list[RGB], darker: bool) -> RGB:
    """`text` with its HSL lightness moved (darker or lighter) until it reaches AA on all."""
    hue, light, sat = colorsys.rgb_to_hls(*text)
    for _ in range(200):
        rgb = colorsys.hls_to_rgb(hue, light, sat)
        rounded = parse(hex_of(rgb))[:3]
        if all(contrast(rounded, bg) >= AA + 0.05 for bg in backgrounds):
            return rounded
        light = max(0.0, light - 0.005) if darker else min(1.0, light + 0.005)
    raise ValueError("no shade reaches AA")


def overrides() -> str:
    """The CSS that brings every primary to AA, computed from Material's values alone."""
    lines = []
    for primary in PRIMARIES:
        extra: dict[str, str] = {}
        text, button = pairs("default", primary, "indigo", ours=False)["primary button"]
        if contrast(text, button) < AA:  # the header, tabs and primary buttons
            shade = hex_of(adjusted(button, [text], darker=luminance(text) > 0.5))
            extra["--md-primary-fg-color"] = shade
            lines.append(f"[data-md-color-primary={primary}]{{--md-primary-fg-color:{shade}}}")
        for scheme in SCHEMES:
            found = [pairs(scheme, primary, accent, ours=False, extra=extra) for accent in ACCENTS]
            link = found[0]["link"][0]
            backgrounds = [f["link"][1] for f in found] + [f["chip"][1] for f in found]
            if all(contrast(link, bg) >= AA for bg in backgrounds):
                continue
            shade = hex_of(adjusted(link, backgrounds, darker=scheme == "default"))
            where = (f"[data-md-color-scheme=slate][data-md-color-primary={primary}]" if scheme == "slate"
                     else f"[data-md-color-primary={primary}]:not([data-md-color-scheme=slate])")
            lines.append(f"{where}{{--md-typeset-a-color:{shade}}}")
    return "\n".join(lines)


if __name__ == "__main__":  # print the overrides (see the module docstring)
    print(overrides())
