"""The `mentorhub-search` plugin: Pagefind search, its filters, and the finder pages.

Replaces Material's built-in search. It marks each page's content area as the only
indexed part, adds the record's facets (computed by :mod:`mentorhub.search.meta`),
publishes the search page and the finders, puts a search box in the header (a
theme partial shipped with the package), and indexes the finished site.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from ..search.index import BUNDLE_DIR, PagefindError, build_index
from ..search.intro import with_intro_reasons
from ..search.meta import (
    PAGE_KEY,
    PAGE_TYPE,
    UNINDEXED,
    SearchRecord,
    list_words_html,
    page_type_record,
    render_record,
    search_records,
)
from ..search.mirror import SearchMirror
from ..search.pages import FIND_MENTOR_SRC, SEARCH_SRC, finder_pages, finders
from ..search.pages import KIND as FINDER_KIND
from ..site.join import KIND as JOIN_KIND
from .handlers import all_ours, is_last, ours_before
from .hub_plugin import HubPlugin
from .matching_plugin import CIRCLES_SRC
from .preview import BackgroundJob, refresh_in_background
from .shared import find_hub_plugin

log = get_plugin_logger(__name__)

PLUGIN_NAME = "mentorhub-search"
_ASSETS = Path(__file__).parent.parent / "assets"
_THEME = Path(__file__).parent.parent / "theme"
ASSETS = {"assets/mentorhub/search.css": "search.css", "assets/mentorhub/search.js": "search.js"}
#: Generated pages that only repeat records (listings, group pages) or are search or
#: form UI themselves (finders, join forms) stay out of the index, so a word finds the
#: record, not every list or form it is on.
NOT_INDEXED = frozenset({"listing", "group", FINDER_KIND, JOIN_KIND})
#: From this many pages on, `build` has Pagefind read the search mirror (search/mirror.py):
#: below it, Pagefind reads a site in well under a second and a mirror saves nothing.
MIRROR_PAGES = 300


class SearchConfig(Config):
    page_size = c.Type(int, default=24)
    """Results the search page and the finders show at a time; "Show more" adds as many again."""
    exclude_selectors = c.ListOfItems(c.Type(str), default=[])
    """More CSS selectors Pagefind must not index (related-record lists and permalinks never are)."""


class SearchPlugin(BasePlugin[SearchConfig]):
    """Pagefind search over the hub's pages."""

    def __init__(self) -> None:
        self.hub: HubPlugin | None = None
        self.records: dict[str, SearchRecord] = {}
        self.refresh: BackgroundJob | None = None  # `serve`: the index being rebuilt
        self.mirror = SearchMirror()  # `build`: the pages as Pagefind reads them
        self.command = "build"
        self.dirty = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.hub = find_hub_plugin(config, PLUGIN_NAME)
        if self.hub.options is not None:  # the home page's "Find a mentor" opens the finder
            self.hub.options = dataclasses.replace(self.hub.options, find_mentor_src=FIND_MENTOR_SRC)
        if any(name in config.plugins for name in ("search", "material/search")):
            log.warning("Material's search plugin builds a second, unfiltered index: remove "
                        f"'- search' from plugins in mkdocs.yml ({PLUGIN_NAME} replaces it)")
        config.extra_css.extend(uri for uri in ASSETS if uri.endswith(".css")
                                and uri not in config.extra_css)
        config.extra_javascript.extend(uri for uri in ASSETS if uri.endswith(".js")
                                       and uri not in config.extra_javascript)
        # After the site's custom_dir (its overrides still win), before the theme's own.
        if str(_THEME) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(_THEME))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        hub = self._hub()
        assert hub.result is not None and hub.options is not None and hub.renderer is not None
        options = hub.options
        self.records = search_records(hub.result.hub, today=options.today,
                                      stale_after_days=options.stale_after_days,
                                      i18n=hub.renderer.i18n, images=hub.portraits.thumbnails())
        if options.contact.via:
            self.records = with_intro_reasons(self.records, hub.result.hub, hub.renderer.i18n,
                                              today=options.today, stale_after_days=options.stale_after_days)
        circles = CIRCLES_SRC if "mentorhub-matching" in config.plugins else ""
        for page in finder_pages(hub.renderer, finders(self.records, hub.renderer.i18n),
                                 page_size=max(1, self.config.page_size), circles_src=circles):
            hub.add_page(files, page, config)
        for uri, name in ASSETS.items():
            files.append(File.generated(config, uri, abs_src_path=str(_ASSETS / name)))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        search_page = files.get_file_from_path(SEARCH_SRC)
        env.globals["mentorhub_search_url"] = search_page.url if search_page else None
        pages = files.documentation_pages()
        if self.command != "serve" and not self.dirty and len(pages) >= MIRROR_PAGES:
            self.mirror.start([file.dest_uri for file in pages])  # before any page is written
        return env

    @event_priority(-100)  # the page as it is written, after every plugin's changes
    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        self.mirror.add(page.file.dest_uri, output)
        return None

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str | None:
        meta: Any = page.meta.get("mentorhub")
        kind = meta.get("kind", "") if isinstance(meta, dict) else ""
        if kind in NOT_INDEXED:
            return html
        record = self.records.get(page.file.src_uri)
        assert self.hub is not None and self.hub.renderer is not None
        i18n = self.hub.renderer.i18n
        facets_of = record or page_type_record(i18n.gettext(PAGE_TYPE))
        preview = self.hub.preview  # `serve`: most pages' facets are the same as last time
        facets = preview.reuse(render_record, facets_of) if preview else render_record(facets_of)
        words = list_words_html(record.key if record else PAGE_KEY)
        # Only this wrapper is indexed: not the nav, header, footer or theme buttons.
        return f"<div data-pagefind-body>\n{words}\n{html}\n{facets}</div>\n"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        excludes = [*UNINDEXED, *self.config.exclude_selectors]
        preview = self.hub.preview if self.hub is not None else None
        if preview is not None:  # `serve`: the page reloads without waiting for the index
            preview.search_note = "search index refreshing in the background"
            self.refresh = refresh_in_background(Path(config.site_dir), excludes, preview)
            return
        site = Path(config.site_dir)
        # Only our handlers saw the pages after the mirror did, and nothing else rewrote them.
        mirrored = (is_last(config, "post_page", self.on_post_page) and all_ours(config, "post_page")
                    and ours_before(config, "post_build", self.on_post_build))
        try:
            source = self.mirror.complete(site, BUNDLE_DIR) if mirrored else None
            summary = build_index(site, exclude_selectors=excludes, source_dir=source)
        except PagefindError as exc:
            raise PluginError(f"search index: {exc}") from exc
        finally:
            self.mirror.discard()
        log.info(f"Pagefind indexed {summary.pages} pages ({summary.words} words, "
                 f"{summary.filters} filters) in {summary.seconds:.1f} s")
        log.debug(f"Pagefind read {'the search mirror, ' + str(source) if source else 'the site'}")

    def on_build_error(self, *, error: Exception) -> None:
        self.mirror.discard()

    def _hub(self) -> HubPlugin:
        if self.hub is None:
            raise PluginError(f"the '{PLUGIN_NAME}' plugin was not configured")
        return self.hub
