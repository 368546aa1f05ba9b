"""In-process `mkdocs build`s for tests that compare two builds of one hub file by file, and
work shared with forked processes counted."""

from __future__ import annotations

import filecmp
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mentorhub import forked


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


def count_splits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Share work among two processes even on one core; the size of each split, as it happens."""
    monkeypatch.setattr(forked, "available_jobs", lambda: 2)
    splits: list[int] = []
    run_split = forked.run_split

    def counted(tasks):  # type: ignore[no-untyped-def]
        splits.append(len(tasks))
        return run_split(tasks)

    monkeypatch.setattr(forked, "run_split", counted)
    return splits
