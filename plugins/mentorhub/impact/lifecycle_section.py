"""The "Relationships" section of the Impact page, from the cycle's :class:`Lifecycle`.

Rendered through the theme environment (`kpi_lifecycle.html`, overridable like the
other `kpi_*.html`) and appended to the Impact page, so the page's own template and
module stay as they are. `lifecycle` is None when the build has no build key or too
few records: the section then says so in words and shows no figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from babel.dates import format_date

from ..cycle.lifecycle import Lifecycle
from ..cycle.models import PARTIES, REASONS
from ..i18n import Localizer
from ..i18n.vocabulary import N_
from ..site.render import Page, PageContext, SiteRenderer
from .charts import Chart, Row, Series, column_chart
from .pages import LocalFormat

#: Why the section holds no figures (the template words each state).
NO_KEY = "no-key"  # records exist but this build cannot open them (a pull request's build)
TOO_FEW = "too-few"  # opened, but fewer than min_responses records stand behind any figure
REASON_WORDS = {
    "goals-met": N_("Goals met"), "planned-end": N_("Planned end"),
    "mentor-time": N_("Mentor's time or circumstances"), "mentee-time": N_("Mentee's time or circumstances"),
    "moved": N_("Moved away"), "mismatch": N_("Not a good match"), "no-contact": N_("Lost contact"),
    "other": N_("Other reasons"),
}
PARTY_WORDS = {
    "mentee": N_("The mentee"), "mentor": N_("The mentor"), "organizer": N_("The organizers"),
    "both": N_("Both together"), "facilitator": N_("The facilitator"),
}


def retention_chart(lifecycle: Lifecycle, i18n: Localizer) -> Chart | None:
    if not lifecycle.curve:
        return None
    rows = [Row(i18n.ngettext("after %(num)s month", "after %(num)s months", point.month),
                (round(point.retention * 100),), i18n.number(point.month)) for point in lifecycle.curve]
    last = lifecycle.curve[-1]
    description = i18n.gettext(
        "Share of relationships still going, by months since they started (Kaplan–Meier, ongoing "
        "relationships counted for as long as they have run): %(share)s after %(months)s months.",
        share=i18n.percent(last.retention), months=i18n.number(last.month))
    return column_chart("kpi-retention", i18n.gettext("Relationships still going, by month"), description,
                        rows, Series(i18n.gettext("% still going")), category=i18n.gettext("Month"))


def quarter_label(label: str, i18n: Localizer) -> str:
    """"2026-Q3" (as in kpi.json) in the UI language: "Q3 2026", "T3 2026"."""
    year, quarter = label.split("-Q")
    return format_date(dt.date(int(year), (int(quarter) - 1) * 3 + 1, 1), "QQQ y", locale=i18n.locale)


def with_lifecycle(page: Page, renderer: SiteRenderer, lifecycle: Lifecycle | None, state: str) -> Page:
    """The Impact page with its "Relationships" section appended."""
    i18n = renderer.i18n
    section = renderer.render_fragment(
        "kpi_lifecycle.html", PageContext(page.src_uri, renderer), lifecycle=lifecycle, state=state,
        fmt=LocalFormat(i18n), chart=retention_chart(lifecycle, i18n) if lifecycle else None,
        reasons=[(i18n.gettext(REASON_WORDS[r]), r) for r in REASONS],
        parties=[(i18n.gettext(PARTY_WORDS[p]), p) for p in PARTIES],
        quarter=lambda label: quarter_label(label, i18n),
    )
    return replace(page, markdown=page.markdown.rstrip("\n") + "\n\n" + section)


def lifecycle_json(lifecycle: Lifecycle | None, state: str) -> dict[str, object]:
    """`kpi.json`'s "lifecycle": the figures, or why there are none (no-key, too-few)."""
    if lifecycle is None:
        return {"published": False, "why": state}
    return {"published": True, **lifecycle.to_json()}
