"""The Impact, per-group impact and Thanks pages, rendered from a :class:`KpiReport`.

No MkDocs import: pages come out as :class:`Page` objects through the hub's
template environment (so sites can override `kpi_*.html`), and the charts are
drawn here from the report, never from the content files.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, replace
from typing import Any

from ..site.render import Page, PageContext, SiteRenderer, group_src
from ..site.urls import dest_path
from .charts import Chart, Row, Series, bar_chart, column_chart
from .kpis import GroupKpis, KpiReport, SkillBalance
from .recognition import Credit, Recognition

KPI_JSON = "kpi.json"  # at the site root (the contract)
IMPACT_SRC = "impact/index.md"
THANKS_SRC = "thanks/index.md"
CHART_MONTHS = 12
TOP_SKILLS = 12  # skills in the supply-and-demand chart
TOP_GAPS = 5  # "most wanted, too few mentors"
WITHHELD = "not enough responses yet"


def impact_group_src(slug: str) -> str:
    return f"impact/groups/{slug}.md"


class Format:
    """Number formatting for templates: one place, so pages and charts agree."""

    withheld = WITHHELD

    @staticmethod
    def num(value: float | None) -> str:
        if value is None:
            return "–"
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.1f}"

    @staticmethod
    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value * 100:.0f}%"

    @staticmethod
    def signed(value: float | None) -> str:
        if value is None:
            return "–"
        if value == 0:
            return "no change"
        text = Format.num(abs(value))
        return f"+{text}" if value > 0 else f"−{text}"

    @staticmethod
    def period(start: dt.date, end: dt.date) -> str:
        if start.year == end.year:
            return f"{start.strftime('%-d %b')} – {end.strftime('%-d %b %Y')}"
        return f"{start.strftime('%-d %b %Y')} – {end.strftime('%-d %b %Y')}"


@dataclass(frozen=True)
class ImpactPages:
    """Everything the KPI plugin publishes as pages."""

    renderer: SiteRenderer
    report: KpiReport
    recognition: Recognition

    def pages(self) -> list[Page]:
        pages = [self.impact(), self.thanks()]
        pages += [self.group(group) for group in self.report.groups]
        pages += [self.thanks_all(kind) for kind in self._kinds() if kind.complete_src]
        return pages

    def _render(self, template: str, src_uri: str, title: str, description: str,
                **context: Any) -> Page:
        ctx = PageContext(src_uri, self.renderer)
        markdown = self.renderer.render_fragment(
            template, ctx, title=title, report=self.report, fmt=Format,
            group_slugs=self.renderer.group_slugs, impact_group_src=impact_group_src,
            group_src=group_src, **context,
        )
        return Page(src_uri, title, markdown, description, kind="impact")

    # -- pages ---------------------------------------------------------------------------

    def impact(self) -> Page:
        report = self.report
        in_demand = [s for s in report.skills if s.demand > 0]
        top = sorted(in_demand, key=lambda s: (-s.demand, -s.gap, s.label.lower(), s.id))
        gaps = sorted((s for s in in_demand if s.gap > 0),
                      key=lambda s: (-s.gap, -s.demand, s.label.lower(), s.id))
        return self._render(
            "kpi_impact.html", IMPACT_SRC, "Impact",
            "What mentoring in this hub adds up to: people, sessions, skills and stories",
            months_chart=sessions_chart("kpi-sessions", report.sessions.by_month, report.as_of,
                                        "Sessions per month"),
            skills_chart=skills_chart(top[:TOP_SKILLS]) if top else None,
            skills_shown=min(len(top), TOP_SKILLS),
            gaps=gaps[:TOP_GAPS],
            outcomes_chart=outcomes_chart(report.stories.by_outcome) if report.stories.count else None,
            uncovered=[self.renderer.hub.skills[s] for s in report.resources.uncovered
                       if s in self.renderer.hub.skills],
            kpi_json_url=posixpath.relpath(KPI_JSON, posixpath.dirname(
                dest_path(IMPACT_SRC, directory_urls=self.renderer.options.directory_urls))),
        )

    def group(self, group: GroupKpis) -> Page:
        return self._render(
            "kpi_group.html", impact_group_src(group.slug), f"{group.name}: impact",
            f"Sessions, attendance, hours and satisfaction of {group.name}",
            group=group,
            months_chart=sessions_chart(f"kpi-{group.slug}-sessions", group.by_month,
                                        self.report.as_of, f"Sessions per month, {group.name}"),
        )

    def thanks(self) -> Page:
        return self._render(
            "kpi_thanks.html", THANKS_SRC, "Thanks",
            "The people whose time and work make this hub: facilitators, mentors, authors "
            "and storytellers",
            thanks=self.recognition, kinds=self._kinds(), limit=self.renderer.options.section_limit,
        )

    def thanks_all(self, kind: CreditKind) -> Page:
        """Everyone in one kind, grouped by count: compact, so big hubs keep pages small."""
        by_count: dict[int, list[Credit]] = {}
        for credit in kind.credits:
            by_count.setdefault(credit.count, []).append(credit)
        return self._render(
            "kpi_thanks_all.html", kind.complete_src, f"Thanks: all {kind.title.lower()}",
            f"Every {kind.one_person} of this hub, by {kind.measure}", kind=kind,
            by_count=sorted(by_count.items(), reverse=True),
        )

    def _kinds(self) -> list[CreditKind]:
        thanks, limit = self.recognition, self.renderer.options.section_limit
        kinds = [
            CreditKind("facilitators", "Facilitators", "facilitator", "sessions led",
                       "session led", "sessions led", thanks.facilitators),
            CreditKind("mentors", "Mentors", "mentor", "mentees they mentor now",
                       "active mentee", "active mentees", thanks.mentors),
            CreditKind("authors", "Authors", "author", "resources written",
                       "resource", "resources", thanks.authors),
            CreditKind("storytellers", "Storytellers", "storyteller",
                       "success stories shared, as mentee or mentor", "story", "stories",
                       thanks.storytellers),
        ]
        return [k if len(k.credits) <= limit else replace(k, complete_src=thanks_src(k.key))
                for k in kinds]


@dataclass(frozen=True)
class CreditKind:
    """One section of the Thanks page."""

    key: str
    title: str
    one_person: str
    measure: str
    unit: str
    units: str
    credits: tuple[Credit, ...]
    complete_src: str = ""  # the page listing everyone, when the section shows only the first


def thanks_src(key: str) -> str:
    return f"thanks/{key}.md"


# -- charts ------------------------------------------------------------------------------


def last_months(as_of: dt.date, count: int = CHART_MONTHS) -> list[dt.date]:
    """The first day of each of the `count` months up to and including `as_of`'s month."""
    year, month = as_of.year, as_of.month
    months = []
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def sessions_chart(chart_id: str, by_month: dict[str, int], as_of: dt.date, title: str) -> Chart:
    months = last_months(as_of)
    rows = []
    for index, first in enumerate(months):
        short = first.strftime("%b")
        if index == 0 or first.month == 1:
            short += f"\n{first.year}"  # the year under the first column and each January
        rows.append(Row(first.strftime("%B %Y"), (by_month.get(first.strftime("%Y-%m"), 0),), short))
    total = sum(r.values[0] for r in rows)
    peak = max(r.values[0] for r in rows)
    busiest = [r.label for r in rows if r.values[0] == peak]
    description = (
        f"{Format.num(total)} {'session' if total == 1 else 'sessions'} in the {len(rows)} "
        f"months from {rows[0].label} to {rows[-1].label}"
    )
    if total and len(busiest) == 1:
        description += f"; the busiest month was {busiest[0]}, with {Format.num(peak)}."
    elif total:
        description += f"; at most {Format.num(peak)} in a month."
    else:
        description += "."
    return column_chart(chart_id, title, description, rows, Series("sessions"), category="Month")


def skills_chart(skills: list[SkillBalance]) -> Chart:
    rows = [Row(s.label, (s.demand, s.supply)) for s in skills]
    short = [s.label for s in skills if s.gap > 0]
    description = (
        f"Mentees seeking and open mentors offering the {len(rows)} most wanted skills. "
        + (f"Demand exceeds supply for {', '.join(short)}." if short
           else "Supply meets demand for each of them.")
    )
    return bar_chart("kpi-skills", "Skills: mentees seeking them and mentors offering them",
                     description, rows, (Series("mentees seeking", 1), Series("mentors offering", 2)),
                     category="Skill")


def outcomes_chart(by_outcome: dict[str, int]) -> Chart:
    counted = sorted(((n, o) for o, n in by_outcome.items() if n), key=lambda t: (-t[0], t[1]))
    rows = [Row(o.replace("-", " ").capitalize(), (n,)) for n, o in counted]
    description = "Stories by outcome: " + "; ".join(
        f"{r.label.lower()} {Format.num(r.values[0])}" for r in rows) + "."
    return bar_chart("kpi-outcomes", "Outcomes in success stories", description, rows,
                     (Series("stories", 1),), category="Outcome")
