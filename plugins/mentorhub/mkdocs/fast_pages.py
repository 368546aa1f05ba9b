"""Generated pages skip MkDocs' Markdown setup: their HTML comes from `on_page_content`.

(And MkDocs' reading back of their front matter: see read_without_yaml.)

MkDocs hands every page to `Page.render`, which builds a new Python-Markdown instance
with every configured extension (about a millisecond per page, ~20 s of a
20,000-page build) and converts the page's Markdown. A generated page's Markdown is
empty (hub_plugin.add_page gives MkDocs only its metadata), so the conversion yields
nothing; this sets what `Page.render` sets for empty Markdown, without the setup. A
page whose Markdown some other plugin or hook filled in goes through MkDocs as usual.
"""

from __future__ import annotations

import logging
import types
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

_MKDOCS_LOG = logging.getLogger("mkdocs.structure.pages")


def render_without_markdown(page: Page) -> None:
    """Make `page.render` cheap while the page's Markdown is empty."""
    full_render = page.render

    def render(self: Page, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():
            full_render(config, files)
            return
        # Exactly what Page.render leaves for empty Markdown.
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        if _MKDOCS_LOG.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}

    page.render = types.MethodType(render, page)  # type: ignore[method-assign]


def read_without_yaml(page: Page, written: str, meta: Callable[[], dict[str, Any]]) -> None:
    """Make `page.read_source` skip parsing the front matter the hub wrote itself.

    A generated page's file holds only its metadata as YAML (hub_plugin.page_source);
    MkDocs parses it again for every page on every build (a few seconds at 20,000
    pages, a sixth of a `serve` rebuild's own per-page work). While the file still
    holds exactly `written`, `meta()` (what parsing it gives back) is used instead;
    should a plugin give or change the source, MkDocs reads it as usual.
    """
    def read_source(self: Page, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
        if source == written:
            self.markdown, self.meta = "", meta()
        else:
            self.markdown, self.meta = get_data(source)

    page.read_source = types.MethodType(read_source, page)  # type: ignore[method-assign]
