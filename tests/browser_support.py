"""Helpers for the browser tests: a local web server for a built site, and headless Chromium.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright's Python
package through `executable_path`; Playwright's own browser download is never used.
Without Chromium the browser tests skip, except in CI (`CI=true`), where they must run.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    #: The path of `site_url` (`/mentorhub/`): the site also answers below it, as on GitHub
    #: Pages, so pages whose URLs are absolute to it (404.html) can be tested as served.
    mount = "/"

    def log_message(self, format: str, *args: Any) -> None:  # no access log in test output
        pass

    def translate_path(self, path: str) -> str:
        if self.mount != "/" and path.startswith(self.mount):
            path = "/" + path.removeprefix(self.mount)
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's 404.html, with status 404, as static hosts do."""
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def site_mount(project: Path) -> str:
    """The path of the project's `site_url` (`/mentorhub/`), or `/` without one."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*(\S+)", config, re.M)
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


@contextmanager
def serve(directory: Path, mount: str = "/") -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; yields the base URL.

    The site answers at `/` and also below `mount` (`site_url`'s path); a missing path
    gets the site's 404.html."""
    handler = functools.partial(type("_Handler", (_QuietHandler,), {"mount": mount}),
                                directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
