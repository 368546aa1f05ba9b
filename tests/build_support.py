"""In-process `mkdocs build`s for tests that compare two builds of one hub file by file."""

from __future__ import annotations

import filecmp
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


@contextmanager
def fresh_plugin_instances() -> Iterator[None]:
    """Inside: new plugin instances for every `build_here`, as a new `mkdocs build` process has."""
    plugins_option = dict(MkDocsConfig._schema)["plugins"]
    cached = dict(plugins_option.plugin_cache)
    plugins_option.plugin_cache.clear()
    try:
        yield
    finally:
        plugins_option.plugin_cache.clear()
        plugins_option.plugin_cache.update(cached)


def build_here(project: Path, site: Path) -> MkDocsConfig:
    """`mkdocs build` of `project` into `site`, in this process, with new plugin instances."""
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return config


def tree_differences(left: Path, right: Path) -> list[str]:
    """Paths (relative, with /) that differ between two folders or exist in one only."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found
