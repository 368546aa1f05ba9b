"""Generated pages skip MkDocs' Markdown setup: their HTML comes from `on_page_content`.

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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

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
