"""Charts: well-formed, accessible, deterministic SVG with no colours baked in."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mentorhub.impact.charts import Row, Series, bar_chart, column_chart
from mentorhub.impact.kpis import SkillBalance
from mentorhub.impact.pages import Format, last_months, outcomes_chart, sessions_chart, skills_chart

NS = {"svg": "http://www.w3.org/2000/svg"}
GOLDEN = Path(__file__).parent / "cases" / "kpis" / "skills_chart.svg"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def two_series() -> str:
    return str(bar_chart(
        "c", "Supply & demand", "Mentees <seeking> and mentors offering",
        [Row('Grant "writing" <b>', (3, 1)), Row("Python", (2, 3)), Row("Idle", (0, 0))],
        [Series("seeking", 1), Series("offering", 2)],
        category="Skill",
    ).svg)


def test_bar_chart_is_well_formed_and_labelled() -> None:
    root = parse(two_series())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    assert root.find(f"svg:title[@id='{title_id}']", NS).text == "Supply & demand"  # type: ignore[union-attr]
    assert root.find(f"svg:desc[@id='{desc_id}']", NS).text == (  # type: ignore[union-attr]
        "Mentees <seeking> and mentors offering")
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")
              if t.get("class") == "mh-chart__label"]
    assert labels == ['Grant "writing" <b>', "Python", "Idle"]  # escaped, and back intact
    assert "<b>" not in two_series()


def test_bars_scale_to_the_largest_value() -> None:
    root = parse(two_series())
    bars = [r for g in root.findall("svg:g", NS) if g.get("class") != "mh-chart__legend"
            for r in g.findall("svg:rect", NS)]
    widths = [float(r.get("width", "nan")) for r in bars]
    # rows: (3, 1), (2, 3), (0, 0): 3 is the full width, the rest in proportion
    full = max(widths)
    assert [round(w / full, 3) for w in widths] == [1.0, 0.333, 0.667, 1.0, 0.0, 0.0]
    assert {r.get("class") for r in bars} == {"mh-chart__bar mh-chart__bar--1",
                                              "mh-chart__bar mh-chart__bar--2"}


def test_column_chart_heights_and_labels() -> None:
    chart = column_chart("m", "Sessions per month", "d",
                         [Row("May", (4,)), Row("June", (0,)), Row("July", (2,), "Jul\n2026")],
                         Series("sessions"), category="Month")
    root = parse(str(chart.svg))
    rects = list(root.iter("{http://www.w3.org/2000/svg}rect"))
    heights = [float(r.get("height", "nan")) for r in rects]
    assert heights[1] == 0 and heights[0] == 2 * heights[2]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["4", "May", "0", "June", "2", "Jul", "2026"]
    tips = [g.find("svg:title", NS).text for g in root.findall("svg:g", NS)]  # type: ignore[union-attr]
    assert tips == ["May: sessions 4", "June: sessions 0", "July: sessions 2"]
    assert chart.category == "Month"
    assert [r.label for r in chart.rows] == ["May", "June", "July"]


def test_empty_charts_are_still_well_formed() -> None:
    parse(str(bar_chart("e", "t", "d", [], [Series("x")]).svg))
    parse(str(column_chart("e", "t", "d", [], Series("x")).svg))


def test_no_colour_script_or_newline_is_baked_in() -> None:
    for svg in (two_series(), str(sessions_chart("s", {"2026-11": 3}, dt.date(2026, 11, 22), "t").svg)):
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgb\(|hsl\(", svg)
        assert "<script" not in svg and not re.search(r"\son\w+=", svg)
        assert "\n" not in svg  # a blank line would end the Markdown HTML block
        fills = set(re.findall(r'fill="([^"]+)"', svg))
        assert fills == {"currentColor"}


def test_charts_are_deterministic() -> None:
    assert two_series() == two_series()
    first = sessions_chart("s", {"2026-01": 1, "2026-11": 3}, dt.date(2026, 11, 22), "t")
    again = sessions_chart("s", {"2026-11": 3, "2026-01": 1}, dt.date(2026, 11, 22), "t")
    assert first == again


def skill(sid: str, demand: int, supply: int) -> SkillBalance:
    return SkillBalance(sid, sid.replace("-", " ").capitalize(), supply, demand, demand - supply, 0)


def test_skills_chart_matches_its_golden_file() -> None:
    chart = skills_chart([skill("grant-writing", 3, 1), skill("python", 2, 3),
                          skill("a-skill-with-a-very-long-name-indeed", 1, 0)])
    expected = GOLDEN.read_text(encoding="utf-8").rstrip("\n")
    assert str(chart.svg) == expected, f"chart output changed; if intended, update {GOLDEN}"
    assert chart.description == (
        "Mentees seeking and open mentors offering the 3 most wanted skills. Demand exceeds "
        "supply for Grant writing, A skill with a very long name indeed.")
    labels = [t.text for t in parse(str(chart.svg)).iter("{http://www.w3.org/2000/svg}text")
              if t.get("class") == "mh-chart__label"]
    assert labels == ["Grant writing", "Python", "A skill with a very long na…"]  # drawing only
    assert chart.rows[2].label == "A skill with a very long name indeed"


def test_sessions_chart_covers_twelve_months_with_zeros() -> None:
    chart = sessions_chart("s", {"2025-11": 9, "2025-12": 2, "2026-11": 3}, dt.date(2026, 11, 22),
                           "Sessions per month")
    assert [r.label for r in chart.rows][:2] == ["December 2025", "January 2026"]
    assert chart.rows[-1].label == "November 2026"
    assert [r.values[0] for r in chart.rows] == [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]
    assert [r.short for r in chart.rows][:3] == ["Dec\n2025", "Jan\n2026", "Feb"]
    assert chart.description == (
        "5 sessions in the 12 months from December 2025 to November 2026; the busiest month "
        "was November 2026, with 3.")
    quiet = sessions_chart("s", {}, dt.date(2026, 11, 22), "t")
    assert quiet.description.startswith("0 sessions in the 12 months")


def test_outcomes_chart_orders_by_count() -> None:
    chart = outcomes_chart({"promotion": 1, "skill-gained": 4, "new-role": 1, "other": 0})
    assert [(r.label, r.values) for r in chart.rows] == [
        ("Skill gained", (4,)), ("New role", (1,)), ("Promotion", (1,))]


def test_last_months_crosses_the_year() -> None:
    months = last_months(dt.date(2026, 2, 28), 4)
    assert months == [dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1),
                      dt.date(2026, 2, 1)]


@pytest.mark.parametrize(("value", "num", "pct", "signed"), [
    (None, "–", "–", "–"),
    (0, "0", "0%", "no change"),
    (0.5882, "0.6", "59%", "+0.6"),
    (1234, "1,234", "123400%", "+1,234"),
    (-3, "-3", "-300%", "−3"),
])
def test_number_formats(value: float | None, num: str, pct: str, signed: str) -> None:
    assert Format.num(value) == num
    assert Format.pct(value) == pct
    assert Format.signed(value) == signed
