"""Static SVG charts drawn at build time: no JavaScript, no third-party service.

Charts are built with ElementTree, so every label is escaped and the output is
well-formed XML; numbers are formatted with fixed precision, so the same data
always gives the same bytes. Colours are not baked in: shapes and text use
`currentColor` (Material's text colour in light and dark palettes) and carry
classes that `kpi.css` paints with Material's CSS custom properties. Each chart is
an image with a `<title>` and `<desc>` for screen readers, and keeps its data so
the page can print the same figures as a table.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 640
FONT = 13  # user units; the chart scales with its container
LABEL_CHARS = 28  # longer row labels are shortened in the chart (the table has them whole)


@dataclass(frozen=True)
class Series:
    """One set of bars: its name in the legend and its colour slot (1 = primary, 2 = accent)."""

    name: str
    slot: int = 1


@dataclass(frozen=True)
class Row:
    """One category: its label and one value per series."""

    label: str
    values: tuple[float, ...]
    short: str = ""  # axis label when `label` is too long for a column; lines split on "\n"


@dataclass(frozen=True)
class Chart:
    """A drawn chart and the data behind it, for the table alternative."""

    id: str
    title: str
    description: str
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    svg: Markup
    category: str = "Item"  # what a row is ("Month", "Skill"): the table's first column


def column_chart(chart_id: str, title: str, description: str,
                 rows: Sequence[Row], series: Series, *, category: str = "Item") -> Chart:
    """Vertical columns, one per row (e.g. sessions per month), values above them."""
    height, top, bottom, left, right = 230, 24, 46, 8, 8
    plot_h = height - top - bottom
    svg = _svg(chart_id, title, description, WIDTH, height)
    peak = max((r.values[0] for r in rows), default=0)
    _baseline(svg, left, WIDTH - right, top + plot_h)
    slot = (WIDTH - left - right) / max(1, len(rows))
    bar_w = min(slot * 0.62, 56.0)
    for index, row in enumerate(rows):
        value = row.values[0]
        x = left + index * slot + (slot - bar_w) / 2
        h = plot_h * value / peak if peak else 0.0
        group = ET.SubElement(svg, "g")
        ET.SubElement(group, "title").text = f"{row.label}: {series.name} {_num(value)}"
        ET.SubElement(group, "rect", _bar_attrs(series, x, top + plot_h - h, bar_w, h))
        _text(group, x + bar_w / 2, top + plot_h - h - 5, _num(value), anchor="middle",
              css="mh-chart__value")
        for line_no, line in enumerate((row.short or row.label).split("\n")):
            _text(group, x + bar_w / 2, height - bottom + 16 + line_no * (FONT + 2), line,
                  anchor="middle", css="mh-chart__label")
    return Chart(chart_id, title, description, (series,), tuple(rows), _markup(svg), category)


def bar_chart(chart_id: str, title: str, description: str,
              rows: Sequence[Row], series: Sequence[Series], *, category: str = "Item") -> Chart:
    """Horizontal bars, one band per row and one bar per series, with a legend if several."""
    label_w, right, bar_h, gap = 190, 44, 14, 10
    legend_h = 24 if len(series) > 1 else 0
    band = bar_h * len(series) + gap
    height = legend_h + band * max(1, len(rows)) + gap
    svg = _svg(chart_id, title, description, WIDTH, height)
    peak = max((v for r in rows for v in r.values), default=0)
    plot_w = WIDTH - label_w - right
    if legend_h:
        legend = ET.SubElement(svg, "g", {"class": "mh-chart__legend", "aria-hidden": "true"})
        x = float(label_w)
        for item in series:
            ET.SubElement(legend, "rect", _bar_attrs(item, x, 6, 12, 12))
            _text(legend, x + 18, 16, item.name)
            x += 30 + len(item.name) * FONT * 0.6
    for index, row in enumerate(rows):
        y0 = legend_h + gap + index * band
        group = ET.SubElement(svg, "g")
        ET.SubElement(group, "title").text = f"{row.label}: " + ", ".join(
            f"{s.name} {_num(v)}" for s, v in zip(series, row.values, strict=True))
        _text(group, label_w - 8, y0 + bar_h * len(series) / 2 + FONT / 3, _shorten(row.label),
              anchor="end", css="mh-chart__label")
        for position, (item, value) in enumerate(zip(series, row.values, strict=True)):
            y = y0 + position * bar_h
            w = plot_w * value / peak if peak else 0.0
            ET.SubElement(group, "rect", _bar_attrs(item, label_w, y + 1, w, bar_h - 2))
            _text(group, label_w + w + 4, y + bar_h - 3, _num(value), css="mh-chart__value")
    _baseline(svg, label_w, label_w, legend_h + gap / 2, y2=height - gap / 2)
    return Chart(chart_id, title, description, tuple(series), tuple(rows), _markup(svg),
                 category)


# -- drawing helpers -----------------------------------------------------------------------


def _svg(chart_id: str, title: str, description: str, width: int, height: float) -> ET.Element:
    svg = ET.Element("svg", {
        "xmlns": SVG_NS,
        "class": "mh-chart__svg",
        "viewBox": f"0 0 {width} {_num(height)}",
        "role": "img",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        "font-size": str(FONT),
        "fill": "currentColor",
    })
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = description
    return svg


def _bar_attrs(series: Series, x: float, y: float, w: float, h: float) -> dict[str, str]:
    # fill-opacity keeps the two series apart even where kpi.css is not loaded
    return {
        "class": f"mh-chart__bar mh-chart__bar--{series.slot}",
        "x": _num(x), "y": _num(y), "width": _num(max(w, 0.0)), "height": _num(max(h, 0.0)),
        "fill": "currentColor", "fill-opacity": "1" if series.slot == 1 else "0.5",
    }


def _text(parent: ET.Element, x: float, y: float, text: str, *,
          anchor: str = "start", css: str = "") -> None:
    attrs = {"x": _num(x), "y": _num(y)}
    if anchor != "start":
        attrs["text-anchor"] = anchor
    if css:
        attrs["class"] = css
    ET.SubElement(parent, "text", attrs).text = text


def _baseline(svg: ET.Element, x1: float, x2: float, y1: float, *, y2: float | None = None) -> None:
    ET.SubElement(svg, "line", {
        "class": "mh-chart__axis", "x1": _num(x1), "y1": _num(y1), "x2": _num(x2),
        "y2": _num(y1 if y2 is None else y2), "stroke": "currentColor", "stroke-opacity": "0.4",
    })


def _markup(svg: ET.Element) -> Markup:
    # one line: a blank line would end the HTML block in the Markdown page
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))


def _num(value: float) -> str:
    """A fixed-precision number without trailing zeros (12, 12.5, 0.33)."""
    if not math.isfinite(value):
        raise ValueError(f"cannot draw {value!r}")
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
