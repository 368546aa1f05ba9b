"""The hub's UI languages, read from mkdocs.yml for the command line (`check`, `new`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..hub.site_config import read_config

if TYPE_CHECKING:
    from ..i18n import Localizer


def hub_languages(project: Path) -> tuple[str, ...]:
    """The mentorhub plugin's `languages`, else `theme.language`, else English: the first
    is the hub's own language (the site root, the fallback for a missing translation)."""
    try:
        config = read_config(project / "mkdocs.yml")
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ("en",)
    listed = config.plugins.get("mentorhub", {}).get("languages")
    if isinstance(listed, list) and listed and all(isinstance(code, str) for code in listed):
        return tuple(dict.fromkeys(listed))
    theme = config.data.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return (language,) if isinstance(language, str) and language else ("en",)


def hub_localizer(project: Path) -> Localizer | None:
    """The hub's first language's words for the command line, or None in an English hub
    (Babel is imported only for a hub in another language)."""
    lang = hub_languages(project)[0]
    if lang.replace("_", "-").split("-")[0].lower() == "en":
        return None
    from ..i18n import localizer  # Babel takes ~45 ms to import

    return localizer(lang)
