"""The `mentorhub-matching` MkDocs plugin: suggestions on profiles, a peer-circles page,
`matches.json` in the site and the cohort proposal beside it.

A thin adapter: every decision is made by `mentorhub.matching`. Profile sections
are registered on the core `mentorhub` plugin, which renders profiles in its
`on_files`; matching runs once, on the first profile that needs it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from ..hub.models import Hub, Person
from ..hub.problems import format_problems
from ..i18n import localizer
from ..matching import (
    MatchContext,
    MatchOptions,
    MatchResult,
    Weights,
    cohort_csv,
    cohort_json,
    cohort_summary,
    cohort_summary_json,
    match_hub,
    matches_json,
)
from ..matching import options as defaults
from ..matching.controls import Controls, check_controls, load_controls
from ..matching.peers import in_peer_pool
from ..matching.preferences import preference_problems
from ..site.render import Page, PageContext
from .hub_plugin import HubPlugin
from .languages import is_nested_build
from .shared import find_hub_plugin

log = get_plugin_logger(__name__)

PLUGIN_NAME = "mentorhub-matching"
CIRCLES_SRC = "circles/index.md"
CSS_URI = "assets/mentorhub/matching.css"
_CSS_FILE = Path(__file__).parent.parent / "assets" / "matching.css"


class WeightsConfig(Config):
    skills = c.Type((int, float), default=defaults.DEFAULT_WEIGHTS["skills"])
    """Weight of shared skills (rarer skills count more); only the ratios between weights matter."""
    timezone = c.Type((int, float), default=defaults.DEFAULT_WEIGHTS["timezone"])
    """Weight of a small time-zone gap (from 1 for the same local time to 0 for 12 hours apart)."""
    formats = c.Type((int, float), default=defaults.DEFAULT_WEIGHTS["formats"])
    """Weight of shared meeting formats (one-on-one, group, peer-circle, async)."""


class MatchingConfig(Config):
    top_k = c.Type(int, default=defaults.DEFAULT_TOP_K)
    """How many mentors to suggest to each mentee, and peers to each peer."""
    stale_after_days = c.Optional(c.Type(int))
    """A mentor not confirmed within this many days is not suggested (default: the mentorhub plugin's)."""
    weights = c.SubConfig(WeightsConfig)
    """How much shared skills, time zones and formats count in a score."""
    exposure_per_place = c.Type(int, default=defaults.DEFAULT_EXPOSURE_PER_PLACE)
    """Fair exposure: a mentor appears in at most max(exposure_min, this × free places) lists."""
    exposure_min = c.Type(int, default=defaults.DEFAULT_EXPOSURE_MIN)
    """Fair exposure: the cap for a mentor with one free place or none to spare."""
    circle_min_size = c.Type(int, default=defaults.DEFAULT_CIRCLE_MIN)
    """Fewest mentees in a proposed peer circle."""
    circle_max_size = c.Type(int, default=defaults.DEFAULT_CIRCLE_MAX)
    """Most mentees in a proposed peer circle."""
    circle_max_hours_apart = c.Type((int, float), default=defaults.DEFAULT_CIRCLE_MAX_HOURS_APART)
    """Widest time-zone spread within a peer circle, in hours."""
    circle_max_per_facilitator = c.Type(int, default=defaults.DEFAULT_CIRCLE_MAX_PER_FACILITATOR)
    """Most peer circles one mentor is proposed to facilitate."""
    cohort_objective = c.Choice(defaults.COHORT_OBJECTIVES, default=defaults.DEFAULT_COHORT_OBJECTIVE)
    """The cohort proposal: max-pairs (most pairs, then best total score) or stable-grown."""
    reports_dir = c.Type(str, default="reports")
    """Folder for cohort.json and cohort.csv, relative to mkdocs.yml; never inside site_dir."""


class MatchingPlugin(BasePlugin[MatchingConfig]):
    """Wires matching into the build; see docs/guide/matching.md."""

    def __init__(self) -> None:
        self.hub_plugin: HubPlugin | None = None
        self.options: MatchOptions | None = None
        self.controls = Controls()
        self._cache: tuple[Hub, MatchResult] | None = None

    # -- events ------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        hub_plugin = find_hub_plugin(config, PLUGIN_NAME)
        if hub_plugin.options is None:
            raise PluginError(f"the '{PLUGIN_NAME}' plugin must come after 'mentorhub' in mkdocs.yml")
        self.hub_plugin = hub_plugin
        controls, problems = load_controls(Path(config.docs_dir), Path(config.config_file_path).parent)
        if problems:
            raise PluginError(f"{PLUGIN_NAME}: problems in {controls.path}:\n{format_problems(problems)}")
        self.controls = controls
        self.options = controls.apply(self._match_options(hub_plugin))
        if self.options.problems():
            raise PluginError(f"{PLUGIN_NAME}: " + "; ".join(self.options.problems()))
        self._cache = None
        self._reports_dir(config)  # fail early on a reports_dir inside the site
        hub_plugin.profile_sections.extend([self.mentors_section, self.mentees_section,
                                            self.peers_section])
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        hub_plugin, hub = self._hub()
        assert hub_plugin.renderer is not None and self.options is not None
        problems = check_controls(self.controls, hub)
        if problems:
            raise PluginError(f"{PLUGIN_NAME}: problems in {self.controls.path}:\n"
                              f"{format_problems(problems)}")
        ctx = PageContext(CIRCLES_SRC, hub_plugin.renderer)
        i18n = hub_plugin.renderer.i18n
        title = i18n.gettext("Peer circles")
        markdown = ctx.render("matching_circles.html", title=title, settings=self.options,
                              circles=self.result(hub).circles, hours=i18n.duration)
        hub_plugin.add_page(files, Page(CIRCLES_SRC, title, markdown,
                                        i18n.gettext("Proposed peer circles: mentees who share a goal"),
                                        "listing"),
                            config)
        files.append(File.generated(config, CSS_URI, abs_src_path=str(_CSS_FILE)))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        hub_plugin, hub = self._hub()
        assert self.options is not None
        result = self.result(hub)
        _write(Path(config.site_dir) / "matches.json", matches_json(result))
        if is_nested_build():
            return  # the organizers' reports are written once, by the first language's build
        cohort = result.cohort
        reports = self._reports_dir(config)
        _write(reports / "cohort.json", cohort_json(cohort))
        _write(reports / "cohort.csv", cohort_csv(cohort))
        _write(reports / "cohort-summary.json", cohort_summary_json(cohort))
        for problem in preference_problems(MatchContext(hub, self.options)):
            log.warning(str(problem))
        # `serve` prints one line per rebuild (preview.py); the summary is for `build`.
        say = log.debug if hub_plugin.preview is not None else log.info
        for line in cohort_summary(cohort):
            say(line)
        say(f"Cohort proposal written to {reports}")

    # -- profile sections (called by the hub while it renders profiles) -------------------

    def mentors_section(self, person: Person, ctx: PageContext) -> str:
        if not person.is_mentee:
            return ""
        result = self.result(ctx.site.hub)
        return ctx.render("matching_mentors.html", person=person,
                          suggestions=result.mentors_for.get(person.id, ()),
                          why=result.why_no_mentor.get(person.id),
                          preferences=result.preferences.get(person.id, ()))

    def mentees_section(self, person: Person, ctx: PageContext) -> str:
        if not person.is_mentor:
            return ""
        result = self.result(ctx.site.hub)
        return ctx.render("matching_mentees.html", person=person,
                          suggestions=result.mentees_for.get(person.id, ()),
                          why=result.why_no_mentee.get(person.id),
                          led=result.circles_led_by(person.id), circles_src=CIRCLES_SRC)

    def peers_section(self, person: Person, ctx: PageContext) -> str:
        if not in_peer_pool(person):
            return ""
        result = self.result(ctx.site.hub)
        return ctx.render("matching_peers.html", person=person,
                          suggestions=result.peers_for.get(person.id, ()),
                          why=result.why_no_peer.get(person.id),
                          circle=result.circle_of(person.id), circles_src=CIRCLES_SRC)

    # -- helpers ---------------------------------------------------------------------------

    def result(self, hub: Hub) -> MatchResult:
        """Matching for this build's hub, computed once."""
        if self._cache is None or self._cache[0] is not hub:
            assert self.options is not None
            self._cache = (hub, match_hub(hub, self.options))
        return self._cache[1]

    def _hub(self) -> tuple[HubPlugin, Hub]:
        hub_plugin = self.hub_plugin
        if hub_plugin is None or hub_plugin.result is None:
            raise PluginError(f"the '{PLUGIN_NAME}' plugin found no loaded hub")
        return hub_plugin, hub_plugin.result.hub

    def _match_options(self, hub_plugin: HubPlugin) -> MatchOptions:
        assert hub_plugin.options is not None
        cfg = self.config
        stale = cfg.stale_after_days
        options = MatchOptions(
            today=hub_plugin.options.today,
            top_k=cfg.top_k,
            stale_after_days=hub_plugin.options.stale_after_days if stale is None else stale,
            weights=Weights(float(cfg.weights.skills), float(cfg.weights.timezone),
                            float(cfg.weights.formats)),
            exposure_per_place=cfg.exposure_per_place,
            exposure_min=cfg.exposure_min,
            circle_min=cfg.circle_min_size,
            circle_max=cfg.circle_max_size,
            circle_max_hours_apart=float(cfg.circle_max_hours_apart),
            cohort_objective=cfg.cohort_objective,
            circle_max_per_facilitator=cfg.circle_max_per_facilitator,
            i18n=localizer(hub_plugin.options.language),
        )
        problems = options.problems()
        if problems:
            raise PluginError(f"{PLUGIN_NAME}: " + "; ".join(problems))
        return options

    def _reports_dir(self, config: MkDocsConfig) -> Path:
        """reports_dir resolved against mkdocs.yml; refused inside the site or the docs."""
        root = Path(config.config_file_path).parent
        reports = (root / self.config.reports_dir).resolve()
        for name, folder in (("site_dir", config.site_dir), ("docs_dir", config.docs_dir)):
            folder_path = Path(folder).resolve()
            if reports == folder_path or folder_path in reports.parents:
                raise PluginError(
                    f"{PLUGIN_NAME}: reports_dir '{self.config.reports_dir}' is inside {name} "
                    f"({folder}); organizer reports must never be published: choose a folder "
                    "outside it"
                )
        return reports


def _write(path: Path, text: str) -> None:
    """Write only when the content changes, so `mkdocs serve` does not churn files."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
