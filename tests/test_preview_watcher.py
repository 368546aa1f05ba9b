"""`serve` hears of saves through inotify where it can (mkdocs/preview.py notice_saves_at_once)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from mentorhub.mkdocs.preview import SETTLED_DELAY, notice_saves_at_once

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def _wait_for(condition, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@linux_only
def test_a_save_is_heard_at_once_and_reading_files_is_not_a_change(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "people").mkdir(parents=True)
    record = content / "people" / "mo.md"
    record.write_text("---\nname: Mo\n---\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    mkdocs_delay = server.build_delay
    server.watch(str(content))
    assert notice_saves_at_once(server)
    assert list(server._watched_paths) == [str(content)]
    server.observer.start()
    try:
        time.sleep(0.2)
        record.read_text()  # a rebuild reads every record: that must not start another
        assert not _wait_for(lambda: server._want_rebuild, 0.5)
        record.write_text("---\nname: Mo Mentor\n---\n")
        assert _wait_for(lambda: server._want_rebuild, 2.0)  # polling would take up to 0.5 s
        # Written and closed: the save is whole, the rebuild waits only SETTLED_DELAY for more.
        assert _wait_for(lambda: server.build_delay == SETTLED_DELAY) and mkdocs_delay > SETTLED_DELAY
        server._want_rebuild = False
        record.rename(content / "people" / "mo.md~")  # perhaps an editor's first step: MkDocs' wait
        assert _wait_for(lambda: server._want_rebuild and server.build_delay == mkdocs_delay)
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_nothing_changes_once_the_watcher_runs_or_without_watches(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    polling = server.observer
    assert not notice_saves_at_once(server)  # nothing watched yet
    assert server.observer is polling
    server.server_close()


@linux_only
def test_a_path_inotify_cannot_watch_is_polled_as_mkdocs_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mentorhub.mkdocs import preview

    content, extra = tmp_path / "content", tmp_path / "extra"
    content.mkdir()
    extra.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(content))
    assert notice_saves_at_once(server)
    can_watch = preview._inotify_can_watch
    monkeypatch.setattr(preview, "_inotify_can_watch",
                        lambda paths, *f: str(extra) not in paths and can_watch(paths, *f))
    server.watch(str(extra))  # as MkDocs does for `watch:` entries, after on_serve
    assert len(server.observer.polling._watches) == 1  # polled, not watched through inotify
    server.observer.start()
    try:
        time.sleep(0.2)
        (extra / "notes.md").write_text("changed\n")
        assert _wait_for(lambda: server._want_rebuild, 3.0)
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()

