"""Index pages while the site is being built: Pagefind's service mode, fed page by page.

`mkdocs build` renders pages on one core; :func:`~mentorhub.search.index.build_index`
then runs Pagefind over the finished site, which reads and parses every page again.
Here the same binary runs as a service (`pagefind --service`, the protocol of
Pagefind's own Python and Node APIs: base64 JSON messages, each followed by a
comma) from the first page on. Each page's final HTML goes to it as it is
rendered, so Pagefind parses on the second core while MkDocs renders the next
pages, and only the index itself is built and written after the last page.

Pagefind's asynchronous Python API (`pagefind.index`) is not used: it reads one
response per 0.1 s, which would make 20,000 pages wait half an hour.

What Pagefind is given is what the CLI would read: every `*.html` file of the
site. Pages come as MkDocs hands them over (after every plugin's `on_post_page`);
at the end, the site is walked and every HTML file that was not fed, or that
changed on disk since, is read from disk (404.html, HTML files copied as they
are, pages a plugin rewrote). Pagefind replaces a page it already has by its
URL. A page fed but since deleted cannot be taken back: then the site is indexed
again by the CLI (`build_index`).

Material's header, navigation and sidebars take up half of each page and are
never indexed when pages carry `data-pagefind-body`, but Pagefind still parses
them. They are cut out of what is sent when that cannot change the index (see
:func:`search_part`): Pagefind's time and memory for parsing shrink, the index
stays the same.

The pages are numbered in the order they are fed (MkDocs' build order), where the
CLI numbers them in the file system's directory order; nothing else differs.
:mod:`~mentorhub.search.stable` then orders the rest, as for the CLI's bundle.
No MkDocs imports.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

try:
    import fcntl
except ImportError:  # Windows: the plugin uses the CLI there (no os.fork, one job)
    fcntl = None  # type: ignore[assignment]

from .index import (
    BUNDLE_DIR,
    DEFAULT_EXCLUDES,
    UNUSED_UI_FILES,
    IndexSummary,
    PagefindError,
    build_index,
    pagefind_environment,
    pagefind_executable,
)
from .stable import ENTRY, BundleFormatError, read_bundle_file, stabilise

#: Set to 1 to index pages while they are built (`mkdocs build` on a machine with a
#: second core). Off by default: on the shared 2-core machine it was measured on, the
#: build was not faster (the second core was never idle), and the bundle's pages are
#: numbered in build order, so it differs from the one `serve` makes with the CLI.
LIVE_VARIABLE = "MENTORHUB_SEARCH_LIVE"
#: The pipe to Pagefind holds this many bytes (Linux; about 20 pages) before MkDocs
#: waits for it: room to smooth bursts, and a bound on memory if Pagefind falls behind.
PIPE_BYTES = 1 << 20
#: Pagefind reads these outside the indexed element too (language, filters, meta,
#: sort keys, the default title and image): a page's head start is only cut when it
#: holds none of them.
_KEEP = ("data-pagefind", "<h1", "<img")
_BODY_MARK = "data-pagefind-body"


class LiveIndex:
    """A Pagefind service indexing a site's pages as they are built; `finish()` writes the bundle.

    No threads: each page is encoded and written to the service's input by the
    caller (MkDocs' thread; a few tens of microseconds, the pipe's buffer absorbs
    the rest), and its answers wait in its output until `finish()` reads them
    (the service queues them without blocking). Threads feeding the pipe cost
    MkDocs more than they saved: every hand-over of the GIL is a context switch.
    """

    def __init__(self, site_dir: Path, *, exclude_selectors: Sequence[str] = (),
                 executable: Path | None = None, bundle_dir: str = BUNDLE_DIR) -> None:
        self.site_dir = site_dir.resolve()
        self.bundle_dir = bundle_dir
        self._exclude_selectors = list(exclude_selectors)
        self._excludes = ", ".join(dict.fromkeys((*DEFAULT_EXCLUDES, *exclude_selectors)))
        self._executable = executable
        self._fed: dict[str, int] = {}  # path in the site → bytes fed
        self._paths: dict[int, str] = {}  # message id → page, to name it in an error
        self._errors: list[str] = []
        self._sent = 0
        self._files: list[dict[str, str]] | None = None  # the bundle, once it came back
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._pid = os.getpid()
        self._last_page = 0
        self._parsed_at = 0.0  # when Pagefind answered for the last page

    # -- feeding ---------------------------------------------------------------------

    def add(self, path: str, html: str) -> None:
        """Index the page written to `path` (relative to the site, with /) with this HTML."""
        if os.getpid() != self._pid:
            return  # a forked child: its pages are read from disk by finish()
        if self._process is None:
            self._start()
        self._fed[path] = len(html.encode("utf-8", errors="xmlcharrefreplace"))
        self._send({"type": "AddFile", "index_id": 0, "file_path": path,
                    "file_contents": search_part(html)}, path)

    def _start(self) -> None:
        self.site_dir.mkdir(parents=True, exist_ok=True)
        command = [str(self._executable or pagefind_executable()), "--service"]
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (the service's lifetime; read on failure)
        try:
            # cwd is the site: the bundle is written there, and no pagefind.yml elsewhere is read.
            self._process = subprocess.Popen(command, cwd=self.site_dir, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=self._stderr,
                                             env=pagefind_environment())
        except OSError as exc:
            raise PagefindError(f"could not run Pagefind ({command[0]}): {exc}") from exc
        assert self._process.stdin is not None
        set_pipe_size = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux
        if set_pipe_size is not None:
            with contextlib.suppress(OSError):
                fcntl.fcntl(self._process.stdin.fileno(), set_pipe_size, PIPE_BYTES)
        self._send({"type": "NewIndex", "config": {"exclude_selectors": [self._excludes]}})

    def _send(self, payload: dict[str, Any], path: str | None = None) -> None:
        process = self._process
        if process is None or process.stdin is None or self._errors:
            return  # it failed: finish() says why
        self._sent += 1
        if path is not None:
            self._paths[self._sent] = path
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode()
        try:
            process.stdin.write(base64.b64encode(message) + b",")
            process.stdin.flush()
        except (OSError, ValueError) as exc:
            self._errors.append(f"Pagefind stopped reading pages: {exc}")

    # -- finishing -------------------------------------------------------------------

    def finish(self, timeout: float = 3600) -> IndexSummary:
        """Feed what the site holds that was not fed, write and order the bundle; stop the service."""
        fed_missing = False
        for path, size in _html_files(self.site_dir, self.bundle_dir):
            if self._fed.get(path) != size:
                self.add(path, (self.site_dir / path).read_bytes().decode("utf-8", errors="replace"))
        for path in self._fed:
            if not (self.site_dir / path).is_file():
                fed_missing = True  # a plugin deleted a page after it was built
                break
        if self._process is None or fed_missing:
            self.abort()
            return build_index(self.site_dir, exclude_selectors=self._exclude_selectors,
                               executable=self._executable, bundle_dir=self.bundle_dir)
        waited = time.perf_counter()
        bundle = self.site_dir / self.bundle_dir
        if bundle.exists():
            shutil.rmtree(bundle)
        # The files come back through the pipe, to be written here: the service's own
        # WriteFiles answers before its writes reach the disk, and it exits as soon
        # as its input ends, so files could be cut short.
        self._send({"type": "GetFiles", "index_id": 0})
        self._last_page = self._sent - 1
        self._read_answers(time.monotonic() + timeout)
        self.abort()
        if self._errors or self._files is None:
            detail = "; ".join(self._errors[:5]) or self._stderr_text() or "it stopped"
            raise PagefindError(f"Pagefind failed: {detail}")
        try:
            for file in self._files:
                target = bundle / file["path"]
                if file["path"] in UNUSED_UI_FILES or not target.resolve().is_relative_to(bundle):
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(file["content"]))
            self._files = None
            pages, filters = _counts(bundle)
            if pages == 0:
                raise PagefindError("Pagefind was not able to build an index: no page has "
                                    "indexable content")
            stabilise(bundle)
        except (BundleFormatError, OSError, ValueError, KeyError) as exc:
            raise PagefindError(f"could not put the index in a stable order: {exc}") from exc
        return IndexSummary(pages=pages, words=None, filters=filters,
                            seconds=time.perf_counter() - waited,
                            catching_up=max(0.0, self._parsed_at - waited))

    def _read_answers(self, deadline: float) -> None:
        """Read the service's answers until the bundle's files come (or it fails, stops, times out)."""
        assert self._process is not None and self._process.stdout is not None
        stdout = self._process.stdout.fileno()
        parts: list[bytes] = []  # of an answer not yet ended (the bundle's files come in one)
        while self._files is None and not self._errors:
            ready, _, _ = select.select([stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                self._errors.append("no answer in time")
                return
            chunk = os.read(stdout, 1 << 20)
            if not chunk:
                return  # it stopped
            start = 0
            while (comma := chunk.find(b",", start)) >= 0:
                parts.append(chunk[start:comma])
                self._answer(json.loads(base64.b64decode(b"".join(parts))))
                parts = []
                start = comma + 1
            if start < len(chunk):
                parts.append(chunk[start:])

    def _answer(self, response: dict[str, Any]) -> None:
        if response.get("message_id") == self._last_page:
            self._parsed_at = time.perf_counter()
        payload = response.get("payload") or {}
        kind = payload.get("type")
        if kind == "Error":
            path = self._paths.get(response.get("message_id") or 0)
            message = str(payload.get("message"))
            self._errors.append(f"{path}: {message}" if path else message)
        elif kind == "GetFiles":
            self._files = payload.get("files") or []

    def abort(self) -> None:
        """Stop the service (after finish, or when the build failed); idempotent."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(OSError, ValueError):
            if process.stdin is not None:
                process.stdin.close()  # end of input: the service exits
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def _stderr_text(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", errors="replace").strip()[-2000:]


def search_part(html: str) -> str:
    """The page as Pagefind needs it: without what lies between `<body>` and the indexed element.

    When pages mark their indexed part with `data-pagefind-body`, Pagefind indexes
    only that element, but also reads a few things anywhere on the page (`<html
    lang>`, filter, meta and sort attributes, the first `<h1>` and `<img>` as the
    default title and image). The stretch before the indexed element (Material's
    header, navigation and sidebars) is dropped only when it holds none of those.
    """
    mark = html.find(_BODY_MARK)
    if mark < 0:
        return html
    start = html.rfind("<", 0, mark)
    body = html.find("<body")
    if body < 0 or start < 0 or start < body:
        return html
    body_end = html.find(">", body)
    if body_end < 0 or body_end >= start:
        return html
    dropped = html[body_end + 1:start]
    if any(keep in dropped for keep in _KEEP):
        return html
    return html[:body_end + 1] + html[start:]


def _html_files(site: Path, bundle_dir: str) -> Iterator[tuple[str, int]]:
    """Every `*.html` file of the site (what the CLI indexes), sorted, with its size."""
    found = []
    for folder, dirs, names in os.walk(site):
        if folder == str(site) and bundle_dir in dirs:
            dirs.remove(bundle_dir)
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                found.append((Path(path).relative_to(site).as_posix(), os.stat(path).st_size))
    return iter(sorted(found))


def _counts(bundle: Path) -> tuple[int, int]:
    """Pages and filters in a written bundle."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    pages = filters = 0
    for language in entry.get("languages", {}).values():
        pages += int(language.get("page_count", 0))
        meta = read_bundle_file(bundle / f"pagefind.{language['hash']}.pf_meta")
        filters += len(meta[3]) if isinstance(meta, list) and len(meta) > 3 else 0
    return pages, filters
