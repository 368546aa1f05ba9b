"""Multilingual hubs: one tree per UI language, from the same content (docs/guide/languages.md).

`languages: [en, es]` on the `mentorhub` plugin publishes the hub twice: the first
language at the site root, each other under `/<lang>/`. Like mkdocs-static-i18n, every
extra tree is a full MkDocs build of the same config, run after the root build has
finished, with `theme.language` (Material's words and `<html lang>`), `site_dir` and
`site_url` set for that language — so every plugin (matching, KPIs, feeds, Pagefind)
does in each tree exactly what it does in a one-language hub: a Pagefind index per
language (`/es/pagefind/`), feeds per language (`/es/feed-stories.xml`), and so on.

Pages link to their other-language versions with `hreflang` links, and Material's
language switcher (`extra.alternate`) lists every tree; Material follows each tree's
sitemap to land on the same page in the other language.
"""

from __future__ import annotations

import contextvars
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from mkdocs.config.defaults import MkDocsConfig

_TREE: contextvars.ContextVar[Tree | None] = contextvars.ContextVar("mentorhub_tree", default=None)


@dataclass(frozen=True)
class Tree:
    """The language tree a build is making, and where the root tree lives."""

    lang: str
    languages: tuple[str, ...]
    root_site_url: str = ""

    @property
    def is_root(self) -> bool:
        return self.lang == self.languages[0]


def current_tree(config: MkDocsConfig, languages: list[str]) -> Tree:
    """This build's tree: a nested build's language, else the first (the root)."""
    nested = _TREE.get()
    if nested is not None:
        return nested
    langs = tuple(dict.fromkeys(languages or [str(config.theme.get("language") or "en")]))
    return Tree(langs[0], langs, config.site_url or "")


def configure(config: MkDocsConfig, tree: Tree) -> None:
    """Set Material's language to the tree's and offer the switcher (unless the site has one)."""
    config.theme["language"] = tree.lang
    if len(tree.languages) < 2 or config.extra.get("alternate"):
        return
    up = "" if tree.is_root else "../"
    config.extra["alternate"] = [
        {"name": native_name(lang), "lang": lang,
         "link": up + tree_prefix(lang, tree) or "./"}
        for lang in tree.languages
    ]


def native_name(lang: str) -> str:
    """A language's name in itself, as switchers show it: "español", "português (Brasil)"."""
    try:
        return str(Locale.parse(lang.replace("-", "_")).get_display_name() or lang)
    except (ValueError, UnknownLocaleError):
        return lang


def tree_prefix(lang: str, tree: Tree) -> str:
    """Where `lang`'s tree is, from the site root: '' for the first language, else 'es/'."""
    return "" if lang == tree.languages[0] else f"{lang}/"


def hreflang_links(page_url: str, tree: Tree) -> str:
    """`<link rel="alternate" hreflang>` to the same page in every tree (and x-default)."""
    if len(tree.languages) < 2:
        return ""
    depth = page_url.count("/") + (0 if tree.is_root else 1)  # "people/ana/" is two down
    base = tree.root_site_url.rstrip("/") + "/" if tree.root_site_url else "../" * depth
    links = []
    for lang in (*tree.languages, "x-default"):
        target = tree.languages[0] if lang == "x-default" else lang
        href = base + tree_prefix(target, tree) + page_url
        links.append(f'<link rel="alternate" hreflang="{lang}" href="{html.escape(href or "./")}">')
    return "\n".join(links)


def build_other_trees(config: MkDocsConfig, tree: Tree) -> list[str]:
    """After the root build: build each other language into `<site_dir>/<lang>/`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    built = []
    for lang in tree.languages[1:]:
        token = _TREE.set(Tree(lang, tree.languages, tree.root_site_url))
        try:
            options: dict[str, Any] = {"site_dir": str(Path(config.site_dir) / lang),
                                       "strict": config.strict}
            if config.site_url:
                options["site_url"] = config.site_url.rstrip("/") + f"/{lang}/"
            nested = load_config(config.config_file_path, **options)
            build(nested)
            built.append(lang)
        finally:
            _TREE.reset(token)
    return built


def is_nested_build() -> bool:
    """True inside the build of a tree other than the root (reports are written once)."""
    return _TREE.get() is not None
