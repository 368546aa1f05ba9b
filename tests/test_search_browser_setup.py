"""When the browser tests may skip, and when they must run."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import chromium_path, require


def test_missing_browser_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        require(False, "Chromium is not installed")


def test_missing_browser_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: the browser tests must run"):
        require(False, "Chromium is not installed")


def test_nothing_happens_when_the_requirement_is_met(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    require(True, "unused")


def test_a_configured_browser_path_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MENTORHUB_CHROMIUM", str(tmp_path / "nope"))
    assert chromium_path() is None
    browser = tmp_path / "chromium"
    browser.write_text("", encoding="utf-8")
    monkeypatch.setenv("MENTORHUB_CHROMIUM", str(browser))
    assert chromium_path() == str(browser)
