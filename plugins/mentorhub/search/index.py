"""Build the Pagefind index of a finished site with the binary `pagefind[bin]` ships.

Runs the binary rather than the asynchronous Python service API: one process over
the written HTML is all a static build needs, it is the same indexer the
documentation describes, and its output only depends on the HTML (checked by a
test that builds twice, after :mod:`pagefind_stable` orders what Pagefind leaves
in hash-map order). No MkDocs imports: any engine can call `build_index`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .stable import BundleFormatError, stabilise

#: Where the bundle goes inside the site (the contract: `site/pagefind/`).
BUNDLE_DIR = "pagefind"
#: Never worth indexing: the "¶" permalink after every heading.
DEFAULT_EXCLUDES = (".headerlink",)
#: Pagefind's ready-made search UIs. Our pages use only its API (pagefind.js), so
#: these ~400 KB would be deployed for nothing.
UNUSED_UI_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css",
)

#: Pagefind's allocator (jemalloc, configured by this variable) told to keep one arena:
#: its peak memory, reached while it builds the whole index in memory, drops by about
#: 15 % (1.65 → 1.41 GB on a 20,000-record hub), its output is the same. Returning freed
#: memory at once (`dirty_decay_ms:0`) saved 2 % more for up to 40 % more system CPU.
MALLOC_VARIABLE = "_RJEM_MALLOC_CONF"
MALLOC_CONF = "narenas:1"


class PagefindError(Exception):
    """Pagefind could not index the site; the message says why."""


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    words: int
    filters: int
    seconds: float


def pagefind_executable() -> Path:
    """The binary bundled by the `pagefind[bin]` wheel."""
    try:
        # Imported here so the core loads without the binary wheel; it ships no type hints.
        import pagefind_bin  # type: ignore[import-untyped]
    except ImportError as exc:
        raise PagefindError("Pagefind is not installed: pip install 'pagefind[bin]'") from exc
    try:
        return Path(pagefind_bin.get_executable())
    except FileNotFoundError as exc:
        raise PagefindError(f"the Pagefind binary is missing: {exc}") from exc


def build_index(site_dir: Path, *, exclude_selectors: Sequence[str] = (),
                executable: Path | None = None, bundle_dir: str = BUNDLE_DIR,
                background: Callable[[subprocess.Popen[str]], None] | None = None,
                source_dir: Path | None = None) -> IndexSummary:
    """Index `site_dir` into `site_dir/pagefind/` (or `bundle_dir`), replacing any earlier bundle.

    `background` (for `mkdocs serve`): Pagefind runs at a lower priority, and the
    callable receives its process, so a newer rebuild can stop it.
    `source_dir`: the HTML Pagefind reads instead of the site's (search/mirror.py).
    """
    site_dir = site_dir.resolve()  # Pagefind runs inside it, so a relative path would break
    source = (source_dir or site_dir).resolve()
    bundle = site_dir / bundle_dir
    if bundle.exists():
        shutil.rmtree(bundle)  # `serve` rebuilds into the same folder: no stale fragments
    command = [
        str(executable or pagefind_executable()),
        "--site", str(source),
        *(("--output-subdir", bundle_dir) if source == site_dir else ("--output-path", str(bundle))),
        "--exclude-selectors", ", ".join(dict.fromkeys((*DEFAULT_EXCLUDES, *exclude_selectors))),
    ]
    started = time.perf_counter()
    try:
        # cwd is the folder read, so a stray pagefind.yml elsewhere cannot change the index.
        with subprocess.Popen(command, cwd=source, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=pagefind_environment(),
                              preexec_fn=_lower_priority if background else None) as process:
            if background is not None:
                background(process)
            stdout, stderr = process.communicate(timeout=3600)
        result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    except OSError as exc:
        raise PagefindError(f"could not run Pagefind ({command[0]}): {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise PagefindError(f"Pagefind failed (exit {result.returncode}): {detail}")
    for name in UNUSED_UI_FILES:
        (bundle / name).unlink(missing_ok=True)
    try:
        stabilise(bundle)
    except (BundleFormatError, OSError, ValueError, KeyError) as exc:
        raise PagefindError(f"could not put the index in a stable order: {exc}") from exc
    seconds = time.perf_counter() - started
    return IndexSummary(
        pages=_count(result.stdout, "pages"),
        words=_count(result.stdout, "words"),
        filters=_count(result.stdout, "filters"),
        seconds=seconds,
    )


def pagefind_environment() -> dict[str, str]:
    """The environment Pagefind runs in: ours, with its allocator's settings (unless set already)."""
    return {MALLOC_VARIABLE: MALLOC_CONF, **os.environ}


def _lower_priority() -> None:
    os.nice(10)  # the preview's next rebuild comes first


def _count(output: str, noun: str) -> int:
    """The total from Pagefind's summary lines ("Indexed 141 pages")."""
    return sum(int(n) for n in re.findall(rf"Indexed (\d+) {noun}\b", output))
