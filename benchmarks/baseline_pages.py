"""Write "the same pages without our plugins": the baseline build of bench_build.py.

    python benchmarks/baseline_pages.py PROJECT_DIR

Runs the first half of a real `mkdocs build` of PROJECT_DIR/mkdocs.yml — config,
pre-build and files events, so every plugin (ours included) has added its pages —
then saves every page and asset the build would publish as plain files under
PROJECT_DIR/baseline-docs/, and writes PROJECT_DIR/mkdocs.baseline.yml: the same
config (theme, Markdown extensions, nav, other plugins such as search) minus our
plugins and hooks, with pages kept out of the nav exactly as our plugins mark
them, and with the CSS/JS our plugins add. Building that config measures what
MkDocs and Material cost for these pages, so the difference to the full build is
what our plugins add.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.utils.yaml import yaml_load
from plugin_timer import OUR_PACKAGE

from mentorhub.mkdocs.hub_plugin import page_source

BASELINE_DOCS = "baseline-docs"
BASELINE_CONFIG = "mkdocs.baseline.yml"
BASELINE_SITE = "site-baseline"


def _our_entry_points() -> set[str]:
    return {ep.name for ep in entry_points(group="mkdocs.plugins")
            if ep.value.split(".")[0] == OUR_PACKAGE}


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def other_plugins(raw_plugins: Any) -> list[Any]:
    """The `plugins:` entries of a raw config that are not ours, options kept."""
    ours = _our_entry_points()
    if isinstance(raw_plugins, dict):
        raw_plugins = [{name: options} for name, options in raw_plugins.items()]
    return [entry for entry in raw_plugins or [] if _plugin_name(entry) not in ours]


def published_files(project: Path) -> tuple[Files, Any]:
    """The project's Files after every plugin's on_files, as `mkdocs build` sees them.

    Generated pages are given their full Markdown (our plugin hands MkDocs only their
    metadata and supplies the HTML itself), so the baseline builds the same pages."""
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        hub = config.plugins.get("mentorhub")
        for src_uri, page in getattr(hub, "generated", {}).items():
            file = files.get_file_from_path(src_uri)
            if file is not None:
                file.content_string = page_source(page)
    finally:
        config.plugins.on_shutdown()
    return files, config


def _level(file: File) -> int:
    return int(file.inclusion.value)


def not_in_nav_patterns(pages: Sequence[File]) -> str:
    """gitignore-style patterns that mark the same pages as `not_in_nav` (compactly)."""
    hidden = {f.src_uri for f in pages if _level(f) <= InclusionLevel.NOT_IN_NAV.value}
    shown = {f.src_uri for f in pages} - hidden
    folders = sorted({uri.split("/")[0] for uri in hidden if "/" in uri})
    lines = [f"/{folder}/**" for folder in folders]
    lines += [f"!/{uri}" for uri in sorted(shown) if uri.split("/")[0] in folders and "/" in uri]
    lines += [f"/{uri}" for uri in sorted(hidden) if "/" not in uri]
    return "\n".join(lines) + "\n"


def _script(value: Any) -> Any:
    if not isinstance(value, ExtraScriptValue):
        return str(value)
    entry: dict[str, Any] = {"path": value.path}
    if value.type:
        entry["type"] = value.type
    if value.defer:
        entry["defer"] = True
    if value.async_:
        entry["async"] = True
    return entry


def write_baseline(project: Path) -> dict[str, Any]:
    """Write baseline-docs/ and mkdocs.baseline.yml; return a summary."""
    files, config = published_files(project)
    docs_dir = Path(config.docs_dir).resolve()
    out = project / BASELINE_DOCS
    if out.exists():
        shutil.rmtree(out)
    written = 0
    for file in files:
        if _level(file) <= InclusionLevel.DRAFT.value:  # excluded from `mkdocs build`
            continue
        if file.generated_by is None and Path(file.src_dir or "").resolve() != docs_dir:
            continue  # theme files: the baseline build adds its own
        target = out / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
        written += 1
    with (project / "mkdocs.yml").open("rb") as handle:
        raw = yaml_load(handle)
    baseline: dict[str, Any] = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": BASELINE_DOCS,
        "site_dir": BASELINE_SITE,
        "plugins": other_plugins(raw.get("plugins", ["search"])),
        "hooks": [],
        "extra_css": [str(css) for css in config.extra_css],
        "extra_javascript": [_script(js) for js in config.extra_javascript],
        "not_in_nav": not_in_nav_patterns(files.documentation_pages()),
    }
    header = "# Written by benchmarks/baseline_pages.py: the same pages without our plugins.\n"
    (project / BASELINE_CONFIG).write_text(
        header + yaml.safe_dump(baseline, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return {"files": written, "pages": len(files.documentation_pages()),
            "plugins": [_plugin_name(p) for p in baseline["plugins"]]}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(json.dumps(write_baseline(Path(sys.argv[1]).resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
