"""Child process for tests/test_preview.py: an incremental `serve` next to fresh builds.

    python preview_support.py PROJECT STEPS.json OUT_DIR

Builds PROJECT the way `mkdocs serve` does (one process, the plugins kept between
rebuilds, `serve` mode), applies each step's file changes, rebuilds incrementally and
copies the served folder to OUT_DIR/<n>-served; then builds the same content from
scratch with fresh plugins into OUT_DIR/<n>-fresh. Prints one JSON line per step
with the preview's own summary (pages rendered, record files read).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

SERVE_URL = "http://127.0.0.1:8000/"
#: Set to share page rendering with a forked child (site/page_jobs.py) on any machine.
SHARE_PAGES = "MENTORHUB_TEST_SHARE_PAGES"


def config(project: Path, site: Path) -> MkDocsConfig:
    loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    loaded.site_url = SERVE_URL  # as `serve` sets it
    return loaded


def apply(project: Path, changes: list[dict[str, str]]) -> None:
    for change in changes:
        path = project / change["path"]
        if change["op"] == "write":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change["text"], encoding="utf-8")
        elif change["op"] == "delete":
            path.unlink()
        elif change["op"] == "rename":
            path.rename(project / change["to"])


def fresh_build(project: Path, site: Path) -> None:
    plugins_option = dict(MkDocsConfig._schema)["plugins"]
    cached = dict(plugins_option.plugin_cache)
    plugins_option.plugin_cache.clear()  # new plugin instances, as a new process would have
    try:
        fresh = config(project, site)
        fresh.plugins.on_startup(command="serve", dirty=False)  # serve's handling of problems
        fresh.plugins["mentorhub"].preview = None  # type: ignore[attr-defined]  # but no reuse
        build(fresh, serve_url=SERVE_URL)
    finally:
        plugins_option.plugin_cache.clear()
        plugins_option.plugin_cache.update(cached)


def main() -> None:
    project, steps_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    if os.environ.get(SHARE_PAGES):  # pages rendered by two processes, even on one core, even here
        from mentorhub import forked
        from mentorhub.site import page_jobs
        forked.available_jobs = lambda: 2
        page_jobs.MIN_JOBS = 0
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", stream=sys.stderr)
    os.chdir(project)
    steps = json.loads(steps_file.read_text(encoding="utf-8"))
    served = out / "served"
    first = config(project, served)
    first.plugins.on_startup(command="serve", dirty=False)
    for number, changes in enumerate(steps):
        apply(project, changes)
        current = first if number == 0 else config(project, served)
        build(current, serve_url=SERVE_URL)
        hub = current.plugins["mentorhub"]
        search = current.plugins["mentorhub-search"]
        if search.refresh is not None:  # type: ignore[attr-defined]
            search.refresh.wait()  # type: ignore[attr-defined]
        shutil.copytree(served, out / f"{number}-served")
        fresh_build(project, out / f"{number}-fresh")
        print(json.dumps({"step": number, "summary": hub.preview.last_summary}), flush=True)


if __name__ == "__main__":
    main()
