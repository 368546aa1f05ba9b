"""MkDocs hook events: "Propose an edit" on every content page, "Add yourself" on the people directory.

A hub loads these through a one-line hook file (`hooks/contribute_links.py`, written
by `mentorhub init`) that imports them, so the logic upgrades with the engine.

Generated pages have no source file of their own as far as MkDocs knows, so it
gives them no edit link. Each page's front matter names the contributor's file
(`mentorhub.source`); this hook points Material's edit button (feature
`content.action.edit`) at that file in the repository's web editor and adds a
visible "Propose an edit" link under the page. Skill pages edit `skills.yml`.
Everything comes from `edit_uri` (and `repo_url`, if set) in mkdocs.yml; without
them the hook does nothing.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mentorhub.commands.new import file_text
from mentorhub.hub.schema import PERSON
from mentorhub.i18n import localizer
from mentorhub.mkdocs.hub_plugin import content_folder
from mentorhub.mkdocs.shared import find_hub_plugin
from mentorhub.site.contribute import (
    edit_base,
    edit_invitation,
    edit_url,
    new_file_url,
    repository_file_url,
)

HOOK_NAME = "contribute_links hook"
NEW_PERSON_NAME = "Your Name"


def _base(config: MkDocsConfig) -> str:
    return edit_base(config.repo_url, config.edit_uri)


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


@functools.lru_cache(maxsize=65536)
def _resolved(path: str) -> Path:
    """Path.resolve() asks the file system for every part: once per path is enough."""
    return Path(path).resolve()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    hub = find_hub_plugin(config, HOOK_NAME)
    base = _base(config)
    if not base or hub.options is None:
        return config
    root = _project_root(config)
    contributing = root / "CONTRIBUTING.md"
    words = localizer(hub.options.language)  # the new file speaks the hub's language
    hub.options = dataclasses.replace(
        hub.options,
        add_person_url=new_file_url(
            base, PERSON.folder, "your-name.md",
            file_text(PERSON, words.gettext(NEW_PERSON_NAME), hub.options.today, comments=True, words=words),
        ),
        contributing_url=(
            repository_file_url(base, content_folder(config), "CONTRIBUTING.md")
            if contributing.is_file() else ""
        ),
    )
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    meta: Any = page.meta.get("mentorhub")
    base = _base(config)
    if not base or not isinstance(meta, dict):
        return None
    if meta.get("kind") == "skill":
        source = ""
    elif meta.get("source"):
        source = meta["source"]
    else:
        return None  # a listing: nothing to edit
    relative = _in_content(config.config_file_path, config.docs_dir, source)
    if relative is not None:
        page.edit_url = edit_url(base, relative)
    return None


@functools.lru_cache(maxsize=65536)
def _in_content(config_file: str, docs_dir: str, source: str) -> str | None:
    """`source` (from the project root; "" for skills.yml) from the content folder, or None
    when it lies outside it. Once per page source: Path arithmetic cost ~0.02 s a save."""
    content = _resolved(docs_dir)
    path = content / "skills.yml" if not source else _resolved(str(Path(config_file).parent / source))
    return path.relative_to(content).as_posix() if path.is_relative_to(content) else None


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """A visible invitation under each content page, beside Material's pencil icon."""
    if not page.edit_url or not isinstance(page.meta.get("mentorhub"), dict):
        return None
    hub = find_hub_plugin(config, HOOK_NAME)
    i18n = hub.renderer.i18n if hub.renderer is not None else localizer("en")
    return f"{html}\n{edit_invitation(page.edit_url, i18n)}\n"
