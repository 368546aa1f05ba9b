"""`mentorhub kpi`: the hub's KPIs as a readable table, or as `kpi.json` with `--json`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from ..hub.printable import json_safe, one_line
from ..hub.site_config import read_config
from ..impact.kpis import (
    DEFAULT_MIN_RESPONSES,
    DEFAULT_TREND_DAYS,
    KpiReport,
    Rated,
    compute_kpis,
    kpi_json_text,
)
from ..impact.pages import WITHHELD, Format, last_months
from ..site.build_date import build_date
from .common import add_project_argument, load_valid_hub

SKILL_ROWS = 10  # largest gaps shown in the table; --json has every skill


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "kpi", help="print the hub's KPIs (the figures of kpi.json) as a table or JSON",
        description="Compute the KPIs from content/ without building the site. Use the same "
                    "options as the mentorhub-kpi plugin in mkdocs.yml to get the same figures.",
    )
    add_project_argument(parser)
    parser.add_argument("--json", action="store_true", help="print kpi.json instead of a table")
    parser.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="the date the figures describe (default: as_of in mkdocs.yml, "
                             "SOURCE_DATE_EPOCH or today)")
    parser.add_argument("--min-responses", type=_positive, default=None, metavar="N",
                        help="fewest responses an average may rest on (default: mkdocs.yml, else 5)")
    parser.add_argument("--trend-days", type=_positive, default=None, metavar="DAYS",
                        help="length of the periods compared under trends (default: mkdocs.yml, else 90)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
    except (ValueError, yaml.YAMLError) as exc:
        print(one_line(f"mkdocs.yml: {exc}"), file=sys.stderr)
        return 2
    hub = load_valid_hub(args.project)
    if hub is None:
        return 1
    as_of, min_responses, trend_days = settings
    report = compute_kpis(hub, as_of, min_responses=min_responses, trend_days=trend_days)
    # Group names come from content: bidi and other controls are shown as escapes.
    sys.stdout.write(json_safe(kpi_json_text(report)) if args.json else
                     "".join(one_line(line) + "\n" for line in format_report(report).splitlines()))
    return 0


def _settings(args: argparse.Namespace) -> tuple[dt.date, int, int]:
    """Flags first, then the options of mentorhub-kpi (and mentorhub's as_of) in mkdocs.yml,
    so the figures match the built site's kpi.json as `match` and `diff` do."""
    plugins = read_config(args.project / "mkdocs.yml").plugins
    kpi, core = plugins.get("mentorhub-kpi", {}), plugins.get("mentorhub", {})
    configured = kpi.get("as_of") or core.get("as_of")
    as_of = args.as_of or build_date(None if configured is None else str(configured))
    return (as_of,
            args.min_responses or _option(kpi, "min_responses", DEFAULT_MIN_RESPONSES),
            args.trend_days or _option(kpi, "trend_days", DEFAULT_TREND_DAYS))


def _option(options: Mapping[str, Any], name: str, default: int) -> int:
    value = options.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"mentorhub-kpi: {name} must be a whole number of at least 1, not {value!r}")
    return value


def format_report(report: KpiReport) -> str:
    """The report as plain-text tables, one section per KPI family."""
    p, cap, s, st, r, t = (report.people, report.capacity, report.sessions, report.stories,
                           report.resources, report.trends)
    out = [
        f"Impact as of {report.as_of.isoformat()} (averages need {report.min_responses} "
        f"responses; trends compare {t.days}-day periods)",
        _section("People", [
            ("mentors", _n(p.mentors)), ("mentees", _n(p.mentees)), ("peers", _n(p.peers)),
            ("active pairs", _n(p.pairs)), ("unpaired mentees", _n(p.unpaired_mentees)),
            ("match rate", Format.pct(p.match_rate)),
            ("mentor utilization", Format.pct(p.mentor_utilization)),
        ]),
        _section("Capacity (mentors not closed nor paused)", [
            ("places", _n(cap.total)), ("used", _n(cap.used)),
            ("utilization", Format.pct(cap.utilization)),
            ("mentors with places not stated", _n(cap.unstated)),
        ]),
        _section("Sessions", [
            ("sessions", _n(s.count)), ("attendance", _n(s.attendance)), ("hours", _n(s.hours)),
            ("satisfaction (1-5)", _rated(s.satisfaction)),
        ]),
        _section("Stories", [
            ("stories", _n(st.count)), ("confidence gain", _rated(st.confidence_gain)),
            ("rating (1-5)", _rated(st.rating)),
            *((f"  {o}", _n(n)) for o, n in st.by_outcome.items() if n),
        ]),
        _section("Resources", [
            ("resources", _n(r.count)),
            ("coverage of in-demand skills", f"{Format.pct(r.skill_coverage)} of {r.in_demand}"),
            ("not covered", ", ".join(r.uncovered) or "–"),
        ]),
        f"Trends: last {t.days} days ({t.current_start.isoformat()} to "
        f"{report.as_of.isoformat()}) vs the {t.days} before\n"
        + _table(["measure", "last", "before", "change"], [
            [label, _n(c.current), _n(c.previous), Format.signed(c.change)]
            for label, c in (("sessions", t.sessions), ("attendance", t.attendance),
                             ("hours", t.hours), ("new profiles", t.new_profiles),
                             ("stories", t.stories))
            if c is not None
        ]),
    ]
    gaps = sorted((k for k in report.skills if k.demand or k.supply),
                  key=lambda k: (-k.gap, -k.demand, k.id))
    skills = _table(["skill", "demand", "supply", "gap", "resources"], [
        [k.id, _n(k.demand), _n(k.supply), f"{k.gap:+d}" if k.gap else "0", _n(k.resources)]
        for k in gaps[:SKILL_ROWS]
    ])
    more = f"\n  … {len(gaps) - SKILL_ROWS} more (see --json)" if len(gaps) > SKILL_ROWS else ""
    out.append("Skills, largest gaps first\n" + skills + more if gaps else "Skills: none in use")
    months = [first.strftime("%Y-%m") for first in last_months(report.as_of)]
    out.append(f"Sessions by month, last {len(months)}\n" + _table(
        ["month", "sessions"], [[m, _n(s.by_month.get(m, 0))] for m in months]))
    if report.groups:
        out.append("Groups\n" + _table(
            ["group", "sessions", "attendance", "hours", "satisfaction", "stories"],
            [[g.name, _n(g.sessions), _n(g.attendance), _n(g.hours), _rated(g.satisfaction),
              _n(g.stories)] for g in report.groups],
        ))
    return "\n\n".join(out) + "\n"


def _section(title: str, rows: Sequence[tuple[str, str]]) -> str:
    width = max(len(label) for label, _ in rows)
    return title + "\n" + "\n".join(f"  {label.ljust(width)}  {value}" for label, value in rows)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to fit; numbers (every column but the first) right-aligned."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  " + "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), *(line(row) for row in rows)])


def _n(value: float) -> str:
    return Format.num(value)


def _rated(rated: Rated) -> str:
    shown = WITHHELD if rated.value is None else f"{rated.value:.2f}"
    waiting = rated.responses - rated.behind
    later = f", {waiting} not counted yet" if waiting else ""
    return f"{shown} ({rated.behind} {'response' if rated.behind == 1 else 'responses'}{later})"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return value
