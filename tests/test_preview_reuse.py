"""What `serve` keeps between rebuilds besides pages (mkdocs/preview.py): pure results, theme listings."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.config import load_config

from mentorhub.mkdocs.preview import Preview, _list_theme_once


def test_a_pure_result_is_reused_for_one_more_build_then_let_go() -> None:
    preview = Preview()
    calls: list[str] = []

    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert preview.reuse(shout, "a") == "A" and preview.reuse(shout, "a") == "A"
    assert calls == ["a"]
    preview._kept_last, preview._kept = preview._kept, {}  # what attach() does for the next build
    assert preview.reuse(shout, "a") == "A" and preview.reuse(shout, "b") == "B"
    assert calls == ["a", "b"]  # "a" came from the last build
    preview._kept_last, preview._kept = preview._kept, {}
    preview._kept_last, preview._kept = preview._kept, {}  # a build that did not ask for "a"
    assert preview.reuse(shout, "a") == "A"
    assert calls == ["a", "b", "a"]


def config_dirs(project: Path) -> list[str]:
    return list(load_config(str(project / "mkdocs.yml"),
                            theme={"name": "mkdocs", "custom_dir": str(project / "overrides")}).theme.dirs)


def test_the_installed_theme_is_listed_once_the_sites_own_overrides_every_build(tmp_path: Path) -> None:
    custom, installed = tmp_path / "overrides", tmp_path / "installed-theme"
    (custom / "assets").mkdir(parents=True)
    (installed / "icons").mkdir(parents=True)
    (custom / "assets" / "extra.css").write_text("a {}\n")
    (installed / "icons" / "one.svg").write_text("<svg/>\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    listings: dict = {}  # type: ignore[type-arg]

    def listing() -> tuple[list[str], list[str]]:
        config = load_config(str(tmp_path / "mkdocs.yml"),
                             theme={"name": "mkdocs", "custom_dir": str(custom)})
        config.theme.dirs.append(str(installed))  # a plugin's theme folder, as ours are added
        _list_theme_once(config, listings)
        env = config.theme.get_env()
        keep = lambda name: not name.endswith(".html")  # noqa: E731  # as MkDocs filters
        return env.list_templates(filter_func=keep), Environment.list_templates(env, filter_func=keep)

    once, walked = listing()  # every folder but custom_dir is kept
    assert once == walked and "assets/extra.css" in once and "icons/one.svg" in once
    assert {folder for folder, *_ in listings} == {str(installed), *config_dirs(tmp_path)[1:]}
    (custom / "assets" / "new.css").write_text("b {}\n")  # the site's overrides change while serving
    (installed / "icons" / "two.svg").write_text("<svg/>\n")  # an installed theme does not
    once, walked = listing()
    assert "assets/new.css" in once
    assert "icons/two.svg" not in once and once == [name for name in walked if name != "icons/two.svg"]


def test_the_collector_runs_once_the_page_is_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mentorhub.mkdocs import preview as preview_module

    monkeypatch.setattr(preview_module, "IDLE_COLLECTION_AFTER", 0.05)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    full: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    preview, enabled = Preview(), gc.isenabled()
    gc.callbacks.append(count)
    try:
        preview.attach(load_config(str(tmp_path / "mkdocs.yml"), theme={"name": "mkdocs"}))
        assert not gc.isenabled()  # held off while the save is rebuilt
        full.clear()  # (a collection Python made before that)
        preview._summary(config=None)  # type: ignore[arg-type]  # the rebuild ended
        assert not gc.isenabled() and not full
        deadline = time.monotonic() + 5
        while not gc.isenabled() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.isenabled() and len(full) == 1  # caught up once idle
        preview.attach(load_config(str(tmp_path / "mkdocs.yml"), theme={"name": "mkdocs"}))
        preview._summary(config=None)  # type: ignore[arg-type]
        full.clear()  # a newer save, at once:
        preview.attach(load_config(str(tmp_path / "mkdocs.yml"), theme={"name": "mkdocs"}))
        assert len(full) == 1 and not gc.isenabled()  # it collects first, as the rebuild would have
        time.sleep(0.2)
        assert not gc.isenabled()  # the older rebuild's timer leaves the newer one alone
    finally:
        gc.callbacks.remove(count)
        if enabled:
            gc.enable()
