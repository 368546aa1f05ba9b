"""An incremental `mkdocs serve`: after a save, only pages whose output can change are rendered.

MkDocs rebuilds the whole site on every save: it empties the served folder, renders
Material's page template for every page and writes every file again, then Pagefind
indexes it all. The preview keeps, between the rebuilds of one `serve`:

* every record file's first pass (:class:`~mentorhub.hub.loader.RecordCache`): only
  files whose size or modification time changed, or whose skill words skills.yml now
  answers differently, are read and validated again; the hub and every plugin's
  `on_page_*` work are then redone in memory;
* what each template rendered on each generated page (`pages`, site/page_memo.py),
  reused while its context and the answers to every hub lookup it made are the same;
* the served folder itself: MkDocs' cleaning is sidestepped, and for every page a
  digest of everything the theme's template reads (the page's HTML after every
  plugin's `on_page_content`, title, table of contents, metadata, URLs, neighbours;
  the navigation, the site's configuration, theme overrides and hooks). A page whose
  digest and file are unchanged is not rendered or written: the file on disk is what
  a fresh build would write. Files a fresh build would not write (deleted or renamed
  records) are removed before search indexes the folder.

There is no list of which page depends on which record: a page type added tomorrow
is covered, because the digest is taken from what each page turned out to be. Search
is re-indexed in the background (search_plugin.py); the page reloads without waiting
for it. Nothing here runs in `mkdocs build`.

Also kept: results of pure functions by their argument (`reuse`: each generated page's
HTML by its Markdown, search facets by record, the UI catalog's check) and the installed
theme's file listing (`_list_theme_once`). The hub's pages are generated on every core
(site/page_jobs.py), and on Linux a save is noticed through inotify instead of MkDocs'
half-second polling, and built 0.02 s after the saved file is closed instead of MkDocs'
0.1 s (`notice_saves_at_once`).
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from ..hub.loader import RecordCache
from ..search.index import PagefindError, build_index
from ..site.body_cache import keep_bodies
from ..site.page_html import PageHtml, to_html
from ..site.page_memo import PageMemo
from ..site.template_cache import MemoryBytecodeCache
from .handlers import skipped_page

log = get_plugin_logger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: In the package's theme folder (`theme/`): renders nothing, so MkDocs writes nothing.
UNCHANGED_TEMPLATE = "mentorhub/preview-unchanged.html"
#: Top-level entries of the served folder are parked under this prefix while MkDocs
#: "cleans" it (MkDocs leaves hidden entries alone), then put back.
_PARKED = ".mentorhub-kept-"
#: Set (to anything) to make `serve` rebuild everything on each save, as MkDocs does
#: alone: for a suspected preview problem, and for benchmarks/bench_serve.py's baseline.
FULL_REBUILD_VARIABLE = "MENTORHUB_FULL_REBUILD"
#: Written by search in the background; never swept.
SEARCH_DIR = "pagefind"
#: Seconds after a rebuild ends before the garbage collector catches up (the browser has
#: fetched the changed page by then; a person saves again later than that); see
#: Preview.attach.
IDLE_COLLECTION_AFTER = 0.25
#: How long `serve` waits for more changes after a file it watches was written and
#: closed, instead of MkDocs' `build_delay` (0.1 s) (see notice_saves_at_once).
SETTLED_DELAY = 0.02


class Preview:
    """What one `mkdocs serve` keeps between rebuilds; attach() it to each build's config."""

    def __init__(self) -> None:
        self.records = RecordCache()
        self.pages = PageMemo()  # generated pages' Markdown (site/page_memo.py)
        keep_bodies()  # rendered contributor bodies, too (site/body_cache.py)
        self._theme_code = MemoryBytecodeCache()
        self._theme_listings: dict[Hashable, list[str]] = {}  # see _list_theme_once
        self._digests: dict[str, str] = {}  # src_uri → digest of the page as last written
        self._current: dict[str, str] = {}  # this build's digests
        self._unchanged: set[str] = set()  # this build: pages left as they are on disk
        self._site_digest = ""
        self._nav: Navigation | None = None
        self._files: list[File] = []
        self._building = False
        self._started = 0.0
        self.last_summary: dict[str, int] = {}  # the last rebuild's figures, for tests and benchmarks
        self.search_note = ""  # set by the search plugin: how the index is being refreshed
        self.lock = threading.Lock()  # held while a build parks the folder or search swaps in
        self.search: BackgroundJob | None = None  # the latest background index
        self._generation = 0
        # Results of pure functions by their arguments (a generated page's HTML by its
        # Markdown, a page's search facets by its record): this build's and the last
        # one's; most pages come out of a rebuild unchanged (see reuse()).
        self._kept: dict[Hashable, Any] = {}
        self._kept_last: dict[Hashable, Any] = {}
        logging.getLogger("mkdocs.commands.build").addFilter(self._quiet_skips)

    def attach(self, config: MkDocsConfig) -> None:
        """Register the preview's handlers on this build's plugin collection (once)."""
        plugins = config.plugins
        if self._after_nav in plugins.events["nav"]:
            return
        self._started = time.perf_counter()
        self._kept_last, self._kept = self._kept or self._kept_last, {}
        with self.lock:
            self._generation += 1
            # The cyclic garbage collector is held off while a save is rebuilt (its passes
            # over everything `serve` keeps took ~0.2 s of a 1,000-record rebuild) and runs
            # once the page is served (_collect_when_idle); if a newer save came first, it
            # runs now, as it would have during the rebuild.
            if not gc.isenabled():
                gc.collect()
            gc.disable()
        if self.search is not None:
            self.search.stop()  # its index would be of the previous build
        if self._building:
            self._digests.clear()  # the last build stopped half-way: its files may be mixed
        self._building = True
        _list_theme_once(config, self._theme_listings)
        for event, handler in (("pre_build", self._park), ("files", self._unpark),
                               ("nav", self._after_nav), ("env", self._mark_unchanged),
                               ("post_page", self._nothing_to_write),
                               ("post_build", self._sweep), ("post_build", self._summary)):
            plugins._register_event(event, handler, "mentorhub")

    def reuse(self, function: Callable[[K], V], argument: K) -> V:
        """function(argument), reused from this build or the last one when it had it.

        Only for pure functions of a hashable argument (and of the installed package,
        which cannot change while serving): the answer kept is the answer it would give.
        What the build before the last one asked for and this one does not is let go.
        """
        key = (function, argument)
        found = self._kept.get(key)
        if found is None:
            found = self._kept_last.get(key)
            if found is None:
                found = function(argument)
            self._kept[key] = found
        return cast(V, found)

    def page_html(self, markdown: str, permalink: str) -> PageHtml:
        """site.page_html.to_html(markdown, permalink=…), reused from the last build when it had it."""
        return self.reuse(_to_html, (markdown, permalink))

    # -- handlers ------------------------------------------------------------------------

    def generation(self) -> int:
        """Counts builds: a background job compares it to know it is still current."""
        return self._generation

    @event_priority(100)
    def _park(self, *, config: MkDocsConfig) -> None:
        """Hide the last build from MkDocs' cleaning (it runs right after pre_build)."""
        with self.lock:
            self._park_folder(Path(config.site_dir))

    def _park_folder(self, site: Path) -> None:
        self._unpark_folder(site)  # a build that failed half-way left them parked
        if not self._digests or not site.is_dir():
            return
        for entry in os.listdir(site):
            if not entry.startswith("."):
                os.rename(site / entry, site / (_PARKED + entry))

    @event_priority(100)  # before any plugin writes into the folder
    def _unpark(self, files: Files, /, *, config: MkDocsConfig) -> None:
        self._unpark_folder(Path(config.site_dir))
        in_docs: dict[str, bool] = {}  # src_dir → is docs_dir (one comparison per folder, not per file)
        for file in files:
            if not file.is_documentation_page() and _unchanged_static(file, config, in_docs):
                _skip_copy(file)

    @staticmethod
    def _unpark_folder(site: Path) -> None:
        if not site.is_dir():
            return
        for entry in os.listdir(site):
            if entry.startswith(_PARKED):
                target = site / entry[len(_PARKED):]
                if target.exists():
                    _remove(target)
                os.rename(site / entry, target)

    @event_priority(-100)  # the navigation as every plugin left it
    def _after_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        self._nav = nav

    @event_priority(-100)  # every page has been read and converted by every plugin
    def _mark_unchanged(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        env.bytecode_cache = self._theme_code  # Material's templates compiled once per serve
        site = _site_digest(config, env, self._nav)
        if site != self._site_digest:
            self._digests.clear()  # the configuration, theme or navigation changed: render all
            self._site_digest = site
        self._current = {}
        self._unchanged = set()
        self._files = list(files)
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            digest = _page_digest(page)
            self._current[file.src_uri] = digest
            if self._digests.get(file.src_uri) == digest and os.path.isfile(file.abs_dest_path):
                self._unchanged.add(file.src_uri)
                page.meta["template"] = UNCHANGED_TEMPLATE

    @event_priority(-100)  # after every plugin: an unchanged page's file is not rewritten
    def _nothing_to_write(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return "" if page.file.src_uri in self._unchanged else None

    @event_priority(100)  # before search indexes the folder and plugins write their outputs
    def _sweep(self, *, config: MkDocsConfig) -> None:
        """Remove what a fresh build would not have written (deleted or renamed pages)."""
        self._digests = self._current
        site = Path(config.site_dir)
        expected = {os.path.normpath(f.abs_dest_path) for f in self._files}
        expected |= {os.path.normpath(site / name) for name in _theme_outputs(config)}
        folders = []
        for folder, dirs, names in os.walk(site):
            if folder == str(site):
                dirs[:] = [d for d in dirs if not d.startswith(".") and d != SEARCH_DIR]
            else:
                folders.append(folder)
            for name in names:
                path = os.path.join(folder, name)
                if os.path.normpath(path) not in expected and not name.startswith(_PARKED):
                    os.unlink(path)
        for folder in reversed(folders):  # deepest first
            if not os.listdir(folder):
                os.rmdir(folder)

    @event_priority(-200)  # after search has started
    def _summary(self, *, config: MkDocsConfig) -> None:
        self._building = False
        total = len(self._current)
        rendered = total - len(self._unchanged)
        made, kept = self.pages.made, self.pages.kept
        self.last_summary = {"pages": total, "rendered": rendered, "records_read": self.records.misses,
                             "parts_generated": made, "parts_kept": kept}
        log.info(f"Preview: {rendered} of {total} pages rendered ({made} generated parts made again, "
                 f"{kept} kept), {self.records.misses} record files read, "
                 f"in {time.perf_counter() - self._started:.1f} s"
                 + (f"; {self.search_note}" if self.search_note else ""))
        self.records.hits = self.records.misses = 0
        timer = threading.Timer(IDLE_COLLECTION_AFTER, self._collect_when_idle, args=(self._generation,))
        timer.daemon = True
        timer.start()

    def _collect_when_idle(self, generation: int) -> None:
        """The collection held off during rebuild `generation`, unless a newer one began."""
        with self.lock:
            if generation != self._generation or self._building:
                return  # that build collects first (attach)
            gc.collect()
            gc.enable()

    def _quiet_skips(self, record: logging.LogRecord) -> bool:
        """MkDocs says "Page skipped … empty output" for each page left as it is: not news."""
        return skipped_page(record) not in self._unchanged


def _to_html(markdown_and_permalink: tuple[str, str]) -> PageHtml:
    markdown, permalink = markdown_and_permalink
    return to_html(markdown, permalink=permalink)


def _list_theme_once(config: MkDocsConfig, listings: dict[Hashable, list[str]]) -> None:
    """Have MkDocs' listing of the theme's files (Files.add_files_from_theme) walk each
    installed theme folder once per `serve` (Material's thousands of icons: ~0.05 s of
    every save); the site's own `custom_dir` is walked on every build, as it can change."""
    theme = config.theme
    get_env = theme.get_env

    def env_listing_once() -> Environment:
        env = get_env()
        loader, original = env.loader, env.list_templates
        if not isinstance(loader, FileSystemLoader):
            return env

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return original(extensions, filter_func)
            found: set[str] = set()
            for folder in loader.searchpath:
                # The filter is MkDocs' own, the same while the theme's settings are.
                key = (folder, tuple(theme.dirs), tuple(theme.static_templates))
                names = None if folder == theme.custom_dir else listings.get(key)
                if names is None:
                    names = [name for name in FileSystemLoader(folder).list_templates() if filter_func(name)]
                    if folder != theme.custom_dir:
                        listings[key] = names
                found.update(names)
            return sorted(found)  # what Environment.list_templates returns for the whole path

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = env_listing_once  # type: ignore[method-assign]


def _theme_outputs(config: MkDocsConfig) -> list[str]:
    names = list(config.theme.static_templates)
    return names + [name + ".gz" for name in names if name == "sitemap.xml"]


def _unchanged_static(file: File, config: MkDocsConfig, in_docs: dict[str, bool]) -> bool:
    """A theme or package file (not the hub's own media) copied since it last changed."""
    if file.abs_src_path is None:
        return False  # generated content: written every time
    if file.src_dir is not None:
        if file.src_dir not in in_docs:
            in_docs[file.src_dir] = os.path.samefile(file.src_dir, config.docs_dir)
        if in_docs[file.src_dir]:
            return False  # media: copied every time, a contributor may replace an image
    try:
        source, copy = os.stat(file.abs_src_path), os.stat(file.abs_dest_path)
    except OSError:
        return False
    return source.st_size == copy.st_size and copy.st_mtime_ns >= source.st_mtime_ns


def _skip_copy(file: File) -> None:
    file.copy_file = lambda dirty=False: None  # type: ignore[method-assign]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _page_digest(page: Page) -> str:
    """Everything of the page that the theme's template reads, as one digest."""
    def neighbour(other: Page | None) -> tuple[str, str] | None:
        return (other.url, str(other.title)) if other is not None else None

    ancestors = [(str(a.title), getattr(a, "url", "")) for a in page.ancestors]
    meta = json.dumps(page.meta, sort_keys=True, default=repr, ensure_ascii=False)
    parts = (page.file.src_uri, page.url, page.abs_url, page.canonical_url, page.edit_url,
             str(page.title), page.is_homepage, meta, _toc(page.toc.items),
             neighbour(page.previous_page), neighbour(page.next_page), ancestors)
    digest = hashlib.sha256(repr(parts).encode())
    digest.update((page.content or "").encode())
    return digest.hexdigest()


def _toc(items: list[AnchorLink]) -> list[Any]:
    return [(item.id, item.title, item.level, _toc(item.children)) for item in items]


def _site_digest(config: MkDocsConfig, env: Environment, nav: Navigation | None) -> str:
    """What every page's template reads besides the page: config, theme overrides, nav, globals."""
    digest = hashlib.sha256()
    config_file = Path(config.config_file_path)
    digest.update(config_file.read_bytes() if config_file.is_file() else b"")
    for value in (config.site_url, config.extra_css, config.extra_javascript, dict(config.extra),
                  repr(config.theme), sorted(config.theme.dirs)):
        digest.update(repr(value).encode())
    # The site's own template overrides and hooks can change while serving; the
    # installed theme and plugins cannot.
    custom_dir = config.theme.custom_dir
    if custom_dir:
        digest.update(repr(_tree_stamps(Path(custom_dir))).encode())
    hooks: Any = config.hooks or []
    for hook in hooks.values() if isinstance(hooks, dict) else hooks:
        hook_file = getattr(hook, "__file__", None)
        if hook_file and os.path.isfile(hook_file):
            digest.update(repr((hook_file, os.stat(hook_file).st_mtime_ns)).encode())
    globals_ = {k: v for k, v in env.globals.items() if k.startswith("mentorhub_")}
    digest.update(repr(sorted(globals_.items(), key=lambda kv: kv[0])).encode())
    digest.update(repr(_nav_signature(nav.items if nav else [])).encode())
    return digest.hexdigest()


def _tree_stamps(root: Path) -> list[tuple[str, int, int]]:
    stamps = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            status = os.stat(os.path.join(folder, name))
            stamps.append((os.path.join(folder, name), status.st_size, status.st_mtime_ns))
    return stamps


def _nav_signature(items: list[Any]) -> list[Any]:
    return [(type(item).__name__, str(item.title), getattr(item, "url", None),
             _nav_signature(getattr(item, "children", None) or [])) for item in items]


class BackgroundJob:
    """Search re-indexing the served folder after a rebuild, in a thread."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.process: subprocess.Popen[str] | None = None

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def stop(self) -> None:
        """A newer rebuild began: this index would be thrown away, so stop making it."""
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()


def refresh_in_background(site: Path, exclude_selectors: Sequence[str], preview: Preview) -> BackgroundJob:
    """Index `site` into a hidden folder, then swap it in for `pagefind/`, unless a newer build began.

    A build that starts while Pagefind runs makes this index stale: it is thrown
    away, and that build's own job replaces it.
    """
    generation = preview.generation()
    staging = f".mentorhub-search-{generation}"
    job = BackgroundJob()

    def started(process: subprocess.Popen[str]) -> None:
        job.process = process
        if preview.generation() != generation:
            job.stop()

    def work() -> None:
        try:
            build_index(site, exclude_selectors=exclude_selectors, bundle_dir=staging, background=started)
        except PagefindError as exc:
            if preview.generation() == generation:
                log.warning(f"search index: {exc}")
            shutil.rmtree(site / staging, ignore_errors=True)
            return
        with preview.lock:
            if preview.generation() != generation or not site.is_dir():
                shutil.rmtree(site / staging, ignore_errors=True)
                return
            old = site / f".mentorhub-search-old-{generation}"
            if (site / SEARCH_DIR).exists():
                os.rename(site / SEARCH_DIR, old)
            os.rename(site / staging, site / SEARCH_DIR)
        shutil.rmtree(old, ignore_errors=True)

    job.thread = threading.Thread(target=work, name="mentorhub-search", daemon=True)
    preview.search = job
    job.thread.start()
    return job


def notice_saves_at_once(server: Any) -> bool:
    """Let `serve` hear of a save from the system instead of polling for it (Linux).

    MkDocs' watcher looks at every watched file every half second (0.25 s of every
    save's wait on average, and a stat of each record file twice a second while idle).
    Where inotify can watch every watched folder, the same watches go to watchdog's
    inotify observer, and a save starts the rebuild at once; anywhere else (another
    system, a file system without inotify, too few inotify watches) MkDocs' polling
    stays. Returns whether it switched. Call from `on_serve`, before the server starts.

    MkDocs then waits `build_delay` (0.1 s) after the last change before rebuilding, so
    that one save's several writes make one rebuild. inotify also says when a writer
    closes the file it wrote: after that the wait is `SETTLED_DELAY` (still long enough
    to gather a save of several files); after any other change (a file half-written, a
    rename that may be an editor's first step) it stays MkDocs' own.
    """
    if not sys.platform.startswith("linux") or InotifyObserver is None:
        return False
    watched = dict(getattr(server, "_watched_paths", {}))
    refs = getattr(server, "_watch_refs", None)
    if not watched or refs is None or server.observer.is_alive():
        return False
    if not _inotify_can_watch(list(watched), inotify_init, inotify_add_watch):
        return False
    old = server.observer
    server.observer = _ChangesOnly(server)
    server._watched_paths = {}
    server._watch_refs = {}
    try:
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)
    except OSError:
        server.observer, server._watched_paths, server._watch_refs = old, watched, refs
        return False
    return True


try:
    from watchdog import events as _events
    from watchdog.observers.inotify import InotifyObserver
    from watchdog.observers.inotify_c import inotify_add_watch, inotify_init
    from watchdog.observers.polling import PollingObserver
except (ImportError, OSError):  # not Linux
    InotifyObserver = None  # type: ignore[assignment, misc]
else:
    #: What MkDocs' polling watcher reports: changes. inotify also reports files being
    #: opened and read, which every rebuild does: each would start another rebuild.
    _CHANGES: list[type[_events.FileSystemEvent]] = [
        _events.FileCreatedEvent, _events.FileDeletedEvent, _events.FileModifiedEvent,
        _events.FileMovedEvent, _events.FileClosedEvent]

    class _Settling(_events.FileSystemEventHandler):
        """MkDocs' handler, after setting how long the server waits for more changes."""

        def __init__(self, handler: _events.FileSystemEventHandler, server: Any) -> None:
            self.handler, self.server = handler, server
            self.mkdocs_delay = server.build_delay

        def dispatch(self, event: _events.FileSystemEvent) -> None:
            closed = isinstance(event, _events.FileClosedEvent)  # after writing: the save is whole
            self.server.build_delay = SETTLED_DELAY if closed else self.mkdocs_delay
            self.handler.dispatch(event)

    class _ChangesOnly(InotifyObserver):
        """inotify for the paths it can watch; a path added later that it cannot (MkDocs
        watches `watch:` entries after on_serve) is polled, as MkDocs would."""

        def __init__(self, server: Any) -> None:
            super().__init__()
            self.polling = PollingObserver(timeout=0.5)  # MkDocs' own interval
            self.server = server

        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                     event_filter: Any = None, follow_symlink: bool = False) -> Any:
            if not _inotify_can_watch([str(path)], inotify_init, inotify_add_watch):
                return self.polling.schedule(event_handler, path, recursive=recursive)
            return super().schedule(_Settling(event_handler, self.server), path, recursive=recursive,
                                    event_filter=event_filter or _CHANGES, follow_symlink=follow_symlink)

        def unschedule(self, watch: Any) -> None:
            if watch in self.polling._watches:
                self.polling.unschedule(watch)
            else:
                super().unschedule(watch)

        def start(self) -> None:
            super().start()
            self.polling.start()

        def stop(self) -> None:
            super().stop()
            if self.polling.is_alive():
                self.polling.stop()

        def join(self, timeout: float | None = None) -> None:
            super().join(timeout)
            if self.polling.is_alive():
                self.polling.join(timeout)


def _inotify_can_watch(paths: list[str], init: Any, add_watch: Any) -> bool:
    """Whether inotify accepts a watch on every folder under `paths` (a trial, undone)."""
    fd = init()
    if fd < 0:
        return False
    try:
        for path in paths:
            folders = [path] if not os.path.isdir(path) else [f for f, _, _ in os.walk(path)]
            for folder in folders:
                if add_watch(fd, os.fsencode(folder), 0x2 | 0x100 | 0x200) < 0:  # modify, create, delete
                    return False
        return True
    finally:
        os.close(fd)
