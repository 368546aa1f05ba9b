"""The `mentorhub-kpi` plugin: the Impact and Thanks pages, and `kpi.json` at the site root.

A thin adapter: the figures come from :mod:`mentorhub.impact.kpis`, the pages from
:mod:`mentorhub.impact.pages`; this class only wires them to MkDocs events.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..cycle.lifecycle import Lifecycle
from ..i18n import localizer
from ..impact.kpis import KpiReport, compute_kpis, kpi_json_text
from ..impact.lifecycle_section import lifecycle_json, with_lifecycle
from ..impact.pages import IMPACT_SRC, KPI_JSON, THANKS_SRC, ImpactPages
from ..impact.recognition import recognise
from ..site.build_date import build_date
from .cycle_build import build_lifecycle
from .shared import find_hub_plugin

PLUGIN_NAME = "mentorhub-kpi"
CSS_URI = "assets/mentorhub/kpi.css"
_ASSETS = Path(__file__).parent.parent / "assets"


class KpiConfig(Config):
    as_of = c.Optional(c.Type(str))
    """The date the figures describe (YYYY-MM-DD); default: the mentorhub plugin's date."""
    min_responses = c.Type(int, default=5)
    """Fewest responses an average (satisfaction, confidence) may rest on to be published."""
    trend_days = c.Type(int, default=90)
    """Length in days of the two periods compared under Trends."""


class KpiPlugin(BasePlugin[KpiConfig]):
    """Computes the KPIs once per build from the hub the `mentorhub` plugin loaded."""

    def __init__(self) -> None:
        self.report: KpiReport | None = None
        self.lifecycle: tuple[Lifecycle | None, str] = (None, "")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        find_hub_plugin(config, PLUGIN_NAME)  # fail early when it is missing or misplaced
        for name in ("min_responses", "trend_days"):
            if self.config[name] < 1:
                raise PluginError(f"{PLUGIN_NAME}: {name} must be at least 1, not {self.config[name]}")
        self._as_of_override()
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        self.report = None
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        hub_plugin = find_hub_plugin(config, PLUGIN_NAME)
        if hub_plugin.result is None or hub_plugin.options is None or hub_plugin.renderer is None:
            raise PluginError(f"{PLUGIN_NAME}: the mentorhub plugin did not load the hub")
        hub = hub_plugin.result.hub
        as_of = self._as_of_override() or hub_plugin.options.today
        self.report = compute_kpis(hub, as_of, min_responses=self.config.min_responses,
                                   trend_days=self.config.trend_days)
        self.lifecycle = build_lifecycle(hub, hub_plugin.cycle, Path(config.config_file_path).parent,
                                         as_of=as_of, min_records=self.config.min_responses,
                                         serve=hub_plugin.command == "serve",
                                         translate=localizer(hub_plugin.options.language).gettext)
        for page in ImpactPages(hub_plugin.renderer, self.report, recognise(hub, as_of)).pages():
            if page.src_uri == IMPACT_SRC and (self.lifecycle[0] or self.lifecycle[1]):
                page = with_lifecycle(page, hub_plugin.renderer, *self.lifecycle)
            hub_plugin.add_page(files, page, config)
        for src_uri in (IMPACT_SRC, THANKS_SRC):
            file = files.get_file_from_path(src_uri)
            if file is not None:  # top-level pages: part of a navigation MkDocs builds itself
                file.inclusion = InclusionLevel.UNDEFINED
        files.append(File.generated(config, CSS_URI, abs_src_path=str(_ASSETS / "kpi.css")))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.report is not None:
            target = Path(config.site_dir) / KPI_JSON
            text = kpi_json_text(self.report)
            if self.lifecycle[0] or self.lifecycle[1]:  # the hub keeps relationship records
                data = json.loads(text)
                data["lifecycle"] = lifecycle_json(*self.lifecycle)
                text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
            target.write_text(text, encoding="utf-8")

    def _as_of_override(self) -> dt.date | None:
        if not self.config.as_of:
            return None
        try:
            return build_date(self.config.as_of)
        except ValueError as exc:
            raise PluginError(
                f"{PLUGIN_NAME}: as_of: '{self.config.as_of}' is not a date (use YYYY-MM-DD)"
            ) from exc
