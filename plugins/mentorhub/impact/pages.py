"""The Impact, per-group impact and Thanks pages, rendered from a :class:`KpiReport`.

No MkDocs import: pages come out as :class:`Page` objects through the hub's
template environment (so sites can override `kpi_*.html`), and the charts are
drawn here from the report, never from the content files.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from ..i18n import ENGLISH, Localizer
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


class LocalFormat:
    """:class:`Format` in the UI language: CLDR numbers, percentages and dates (docs/guide/languages.md)."""

    def __init__(self, i18n: Localizer) -> None:
        self.i18n = i18n
        self.withheld = i18n.gettext("not enough responses yet")

    def __eq__(self, other: object) -> bool:
        """Formats alike: the same language's localizer (`serve` compares what pages were
        given, site/page_memo.py)."""
        return type(other) is type(self) and other.i18n is self.i18n

    def __hash__(self) -> int:
        return id(self.i18n)

    def num(self, value: float | None) -> str:
        return "–" if value is None else self.i18n.number(value)

    def pct(self, value: float | None) -> str:
        return "–" if value is None else self.i18n.percent(value)

    def decimal(self, value: float) -> str:
        """One decimal always ("4.0", "4,0"): averages on a 1–5 scale."""
        return format_decimal(value, "0.0", locale=self.i18n.locale)

    def signed(self, value: float | None) -> str:
        if value is None:
            return "–"
        if value == 0:
            return self.i18n.gettext("no change")
        text = self.num(abs(value))
        return f"+{text}" if value > 0 else f"−{text}"

    def period(self, start: dt.date, end: dt.date) -> str:
        return self.i18n.period(start, end)


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
            template, ctx, title=title, report=self.report, fmt=LocalFormat(self.renderer.i18n),
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
        _ = self.renderer.i18n.gettext
        i18n = self.renderer.i18n
        return self._render(
            "kpi_impact.html", IMPACT_SRC, _("Impact"),
            _("What mentoring in this hub adds up to: people, sessions, skills and stories"),
            months_chart=sessions_chart("kpi-sessions", report.sessions.by_month, report.as_of,
                                        _("Sessions per month"), i18n),
            skills_chart=skills_chart(top[:TOP_SKILLS], i18n) if top else None,
            skills_shown=min(len(top), TOP_SKILLS),
            gaps=gaps[:TOP_GAPS],
            outcomes_chart=outcomes_chart(report.stories.by_outcome, i18n) if report.stories.count else None,
            uncovered=[self.renderer.hub.skills[s] for s in report.resources.uncovered
                       if s in self.renderer.hub.skills],
            kpi_json_url=posixpath.relpath(KPI_JSON, posixpath.dirname(
                dest_path(IMPACT_SRC, directory_urls=self.renderer.options.directory_urls))),
        )

    def group(self, group: GroupKpis) -> Page:
        i18n = self.renderer.i18n
        return self._render(
            "kpi_group.html", impact_group_src(group.slug),
            i18n.gettext("%(group)s: impact", group=group.name),
            i18n.gettext("Sessions, attendance, hours and satisfaction of %(group)s", group=group.name),
            group=group,
            months_chart=sessions_chart(f"kpi-{group.slug}-sessions", group.by_month, self.report.as_of,
                                        i18n.gettext("Sessions per month, %(group)s", group=group.name),
                                        i18n),
        )

    def thanks(self) -> Page:
        _ = self.renderer.i18n.gettext
        return self._render(
            "kpi_thanks.html", THANKS_SRC, _("Thanks"),
            _("The people whose time and work make this hub: facilitators, mentors, authors "
              "and storytellers"),
            thanks=self.recognition, kinds=self._kinds(), limit=self.renderer.options.section_limit,
        )

    def thanks_all(self, kind: CreditKind) -> Page:
        """Everyone in one kind, grouped by count: compact, so big hubs keep pages small."""
        by_count: dict[int, list[Credit]] = {}
        for credit in kind.credits:
            by_count.setdefault(credit.count, []).append(credit)
        return self._render(
            "kpi_thanks_all.html", kind.complete_src, kind.all_title, kind.all_description, kind=kind,
            by_count=sorted(by_count.items(), reverse=True),
        )

    def _kinds(self) -> list[CreditKind]:
        thanks, limit = self.recognition, self.renderer.options.section_limit
        _, ngettext = self.renderer.i18n.gettext, self.renderer.i18n.ngettext
        # Each kind's words are whole sentences, so each language can build them its own way.
        kinds = [
            CreditKind("facilitators", _("Facilitators"), _("By sessions led"),
                       _("Nobody yet: be the first facilitator."),
                       _("Thanks: all facilitators"), _("Every facilitator of this hub, by sessions led"),
                       lambda n: ngettext("%(num)s session led", "%(num)s sessions led", n),
                       lambda n: ngettext("All %(num)s facilitator →", "All %(num)s facilitators →", n),
                       thanks.facilitators),
            CreditKind("mentors", _("Mentors"), _("By mentees they mentor now"),
                       _("Nobody yet: be the first mentor."),
                       _("Thanks: all mentors"), _("Every mentor of this hub, by mentees they mentor now"),
                       lambda n: ngettext("%(num)s active mentee", "%(num)s active mentees", n),
                       lambda n: ngettext("All %(num)s mentor →", "All %(num)s mentors →", n),
                       thanks.mentors),
            CreditKind("authors", _("Authors"), _("By resources written"),
                       _("Nobody yet: be the first author."),
                       _("Thanks: all authors"), _("Every author of this hub, by resources written"),
                       lambda n: ngettext("%(num)s resource", "%(num)s resources", n),
                       lambda n: ngettext("All %(num)s author →", "All %(num)s authors →", n),
                       thanks.authors),
            CreditKind("storytellers", _("Storytellers"),
                       _("By success stories shared, as mentee or mentor"),
                       _("Nobody yet: be the first storyteller."),
                       _("Thanks: all storytellers"),
                       _("Every storyteller of this hub, by success stories shared, as mentee or mentor"),
                       lambda n: ngettext("%(num)s story", "%(num)s stories", n),
                       lambda n: ngettext("All %(num)s storyteller →", "All %(num)s storytellers →", n),
                       thanks.storytellers),
        ]
        return [k if len(k.credits) <= limit else replace(k, complete_src=thanks_src(k.key))
                for k in kinds]


@dataclass(frozen=True)
class CreditKind:
    """One section of the Thanks page."""

    key: str
    title: str
    by_measure: str  # "By sessions led"
    nobody: str  # "Nobody yet: be the first facilitator."
    all_title: str
    all_description: str
    count: Callable[[int], str]  # 3 → "3 sessions led", in the UI language's plural form
    everyone: Callable[[int], str]  # 30 → "All 30 facilitators →"
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


def sessions_chart(chart_id: str, by_month: dict[str, int], as_of: dt.date, title: str,
                   i18n: Localizer = ENGLISH) -> Chart:
    months = last_months(as_of)
    rows = []
    for index, first in enumerate(months):
        short = format_date(first, "LLL", locale=i18n.locale)
        if index == 0 or first.month == 1:
            short += f"\n{first.year}"  # the year under the first column and each January
        rows.append(Row(i18n.month(first), (by_month.get(first.strftime("%Y-%m"), 0),), short))
    total = sum(r.values[0] for r in rows)
    peak = max(r.values[0] for r in rows)
    busiest = [r.label for r in rows if r.values[0] == peak]
    description = i18n.ngettext(
        "%(num)s session in the %(months)s months from %(first)s to %(last)s",
        "%(num)s sessions in the %(months)s months from %(first)s to %(last)s",
        int(total), months=len(rows), first=rows[0].label, last=rows[-1].label)
    if total and len(busiest) == 1:
        description += i18n.gettext("; the busiest month was %(month)s, with %(peak)s.",
                                    month=busiest[0], peak=i18n.number(peak))
    elif total:
        description += i18n.gettext("; at most %(peak)s in a month.", peak=i18n.number(peak))
    else:
        description += "."
    return column_chart(chart_id, title, description, rows, Series(i18n.gettext("sessions")),
                        category=i18n.gettext("Month"))


def skills_chart(skills: list[SkillBalance], i18n: Localizer = ENGLISH) -> Chart:
    rows = [Row(s.label, (s.demand, s.supply)) for s in skills]
    short = [s.label for s in skills if s.gap > 0]
    description = i18n.ngettext(
        "Mentees seeking and open mentors offering the %(num)s most wanted skill.",
        "Mentees seeking and open mentors offering the %(num)s most wanted skills.", len(rows))
    description += " " + (i18n.gettext("Demand exceeds supply for %(skills)s.", skills=", ".join(short))
                          if short else i18n.gettext("Supply meets demand for each of them."))
    return bar_chart("kpi-skills", i18n.gettext("Skills: mentees seeking them and mentors offering them"),
                     description, rows, (Series(i18n.gettext("mentees seeking"), 1),
                                         Series(i18n.gettext("mentors offering"), 2)),
                     category=i18n.gettext("Skill"))


def outcomes_chart(by_outcome: dict[str, int], i18n: Localizer = ENGLISH) -> Chart:
    counted = sorted(((n, o) for o, n in by_outcome.items() if n), key=lambda t: (-t[0], t[1]))
    rows = [Row(i18n.choice_label("outcome", o), (n,)) for n, o in counted]
    description = i18n.gettext("Stories by outcome: %(outcomes)s.", outcomes="; ".join(
        f"{i18n.choice('outcome', o)} {i18n.number(n)}" for n, o in counted))
    return bar_chart("kpi-outcomes", i18n.gettext("Outcomes in success stories"), description, rows,
                     (Series(i18n.gettext("stories"), 1),), category=i18n.gettext("Outcome"))
