"""Helpers for the browser tests: a local web server for a built site, and headless Chromium.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright's Python
package through `executable_path`; Playwright's own browser download is never used.
Without Chromium the browser tests skip, except in CI (`CI=true`), where they must run.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

BROWSER_DIR = Path(__file__).parent / "browser"
AXE_SCRIPT = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def chromium_path() -> str | None:
    """Debian's Chromium, or the browser named by MENTORHUB_CHROMIUM.

    GitHub's Ubuntu runners have no usable Chromium package (Ubuntu's is a snap stub)
    but come with Google Chrome, the same engine: it is the fallback.
    """
    configured = os.environ.get("MENTORHUB_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("google-chrome-stable"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def require(condition: bool, reason: str) -> None:
    """Skip when something the browser tests need is missing; in CI, fail instead."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run; see scripts/test.sh)")
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # no access log in test output
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
