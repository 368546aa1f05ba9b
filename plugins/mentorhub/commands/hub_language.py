"""The hub's UI languages, read from mkdocs.yml for the command line (`check`, `new`)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..hub.site_config import read_config


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
