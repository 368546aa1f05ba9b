"""`mentorhub-feeds`: Atom and JSON feeds of new stories, sessions and resources.

A thin adapter around :mod:`mentorhub.feeds`: it writes `feed-<kind>.xml` (and
`.json`) from the hub the core plugin loaded, tells the listing templates which
feeds exist (they show a visible "Subscribe" link), and adds autodiscovery
`<link rel="alternate">` tags to every page's <head>.
"""

from __future__ import annotations

import dataclasses

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..feeds import (
    FEED_KINDS,
    Feed,
    FeedOptions,
    atom_xml,
    autodiscovery_links,
    build_feeds,
    feed_path,
    json_feed,
)
from ..i18n import localizer
from .shared import find_hub_plugin

PLUGIN_NAME = "mentorhub-feeds"
log = get_plugin_logger(__name__)


class FeedsConfig(Config):
    kinds = c.ListOfItems(c.Choice(FEED_KINDS), default=list(FEED_KINDS))
    """Which feeds to publish: any of stories, sessions, resources."""
    limit = c.Type(int, default=50)
    """Most entries per feed, newest first."""
    json_feed = c.Type(bool, default=True)
    """Also write a JSON Feed 1.1 file beside each Atom feed."""


class FeedsPlugin(BasePlugin[FeedsConfig]):
    """Publishes the feeds and links them from every page."""

    def __init__(self) -> None:
        self.feeds: list[Feed] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        hub = find_hub_plugin(config, PLUGIN_NAME)
        if hub.options is not None:
            hub.options = dataclasses.replace(hub.options, feeds=tuple(self.config.kinds))
        if not config.site_url:
            log.info("no site_url in mkdocs.yml: feed links are relative and JSON feeds carry no URLs")
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        hub = find_hub_plugin(config, PLUGIN_NAME)
        assert hub.result is not None and hub.options is not None
        options = FeedOptions(
            site_name=config.site_name,
            site_url=config.site_url or "",
            language=str(config.theme.get("language") or "en"),
            directory_urls=config.use_directory_urls,
            limit=self.config.limit,
            i18n=hub.renderer.i18n if hub.renderer is not None else localizer(hub.options.language),
        )
        self.feeds = build_feeds(hub.result.hub, hub.options.today, options, self.config.kinds)
        for feed in self.feeds:
            _publish(files, config, feed_path(feed.kind), atom_xml(feed))
            if self.config.json_feed:
                _publish(files, config, feed_path(feed.kind, "json"), json_feed(feed))
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not output:
            return output  # written already (page_writers.py)
        links = autodiscovery_links(page.file.dest_uri, self.feeds)
        head_end = output.find("</head>")
        if not links or head_end < 0:
            return output
        return output[:head_end] + links + "\n" + output[head_end:]


def _publish(files: Files, config: MkDocsConfig, path: str, content: str) -> None:
    existing = files.get_file_from_path(path)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, path, content=content))
