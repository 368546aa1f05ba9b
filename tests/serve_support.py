"""Run `mkdocs serve` on a test project and fetch from it (loopback only)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import EPOCH


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> int:
    """The HTTP status of a GET (errors are statuses too)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


@dataclass
class Served:
    base: str  # e.g. http://127.0.0.1:8123
    output: str = ""  # the server's log, once it has stopped


@contextmanager
def mkdocs_serve(project: Path, ready_path: str, timeout: float = 90) -> Iterator[Served]:
    """Serve `project` until `ready_path` answers 200; stop it (and its children) on exit."""
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    served = Served(f"http://127.0.0.1:{port}")
    try:
        status = 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and status != 200:
            time.sleep(0.5)
            try:
                status = fetch(f"{served.base}/{ready_path}")
            except OSError:
                continue
        assert status == 200, f"{ready_path} never answered 200"
        yield served
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        served.output, _ = server.communicate(timeout=30)
