"""A hub's mkdocs.yml, read as plain data without MkDocs.

The command line (`check`, `kpi`, `match`, `diff`, `init --check`) and `verify` need
the plugins' options without building the site; MkDocs itself stays in `mkdocs/`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' `!ENV` and `!!python/name:` tags as null instead of building them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class HubConfig:
    """The parts of mkdocs.yml the command line needs."""

    path: Path
    data: Mapping[str, Any] = field(default_factory=dict)
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # in listed order

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def base_path(self) -> str:
        """The path of `site_url` ("/hub/"), where root-absolute links start."""
        path = urlsplit(str(self.data.get("site_url") or "")).path or "/"
        return path if path.endswith("/") else path + "/"

    def has_plugin(self, name: str) -> bool:
        return name in self.plugins


def read_config(path: Path) -> HubConfig:
    """mkdocs.yml as plain data; an empty config when there is none. Raises yaml.YAMLError."""
    if not path.is_file():
        return HubConfig(path)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    if not isinstance(data, Mapping):
        return HubConfig(path)
    listed = data.get("plugins") or []
    entries = listed.items() if isinstance(listed, Mapping) else (
        next(iter(p.items())) if isinstance(p, Mapping) and p else (p, None) for p in listed)
    plugins = {str(name): dict(options) if isinstance(options, Mapping) else {} for name, options in entries}
    return HubConfig(path, data, plugins)
