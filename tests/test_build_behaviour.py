"""How builds react to content: failing on problems, serving the rest, symlinks, determinism."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import copy_demo, run_mkdocs, write_project
from serve_support import fetch, mkdocs_serve

GOOD_PERSON = """\
    ---
    name: Good Gail
    roles: [peer]
    languages: [en]
    consent: true
    ---
    """
BAD_PERSON = """\
    ---
    name: Bad Bo
    roles: [peer]
    languages: [en]
    consent: true
    offers: [pyhton]
    colour: blue
    ---
    """


def test_build_fails_on_content_problems_without_strict(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/good-gail.md": GOOD_PERSON,
        "content/people/bad-bo.md": BAD_PERSON,
    })
    result = run_mkdocs(project)
    assert result.returncode != 0
    expected = "content/people/bad-bo.md:6: offers: unknown skill 'pyhton' (did you mean 'python'?)"
    assert expected in result.stderr
    assert "content/people/bad-bo.md:7: colour: unknown field" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_front_matter_is_never_published_as_text(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/leaky.md": "\n---\nname: Leaky\nprivate: {secret: CANARY-LEAK}\n---\nbio\n",
        "content/people/good-gail.md": GOOD_PERSON,
    })
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert "content/people/leaky.md:1: front matter: text before the opening '---'" in result.stderr
    site = project / "site"
    assert not site.exists() or not any(
        "CANARY-LEAK" in p.read_text(errors="ignore") for p in site.rglob("*.html")
    )


def test_serve_reports_problems_and_keeps_serving_the_rest(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/good-gail.md": GOOD_PERSON,
        "content/people/bad-bo.md": BAD_PERSON,
    })
    with mkdocs_serve(project, "people/good-gail/", timeout=60) as served:
        assert fetch(f"{served.base}/people/bad-bo/") == 404
    output = served.output
    assert "content/people/bad-bo.md:6: offers: unknown skill 'pyhton'" in output
    assert "Traceback" not in output


def test_symlinks_leading_outside_content_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(
        "---\nname: Sneaky\nroles: [peer]\nlanguages: [en]\nconsent: true\n---\nCANARY-OUTSIDE\n",
        encoding="utf-8",
    )
    project = write_project(tmp_path / "project", {"content/people/good-gail.md": GOOD_PERSON})
    (project / "content/people/sneaky.md").symlink_to(outside / "secret.md")
    (project / "content/notes.md").symlink_to(outside / "secret.md")
    (project / "content/linked").symlink_to(outside, target_is_directory=True)
    result = run_mkdocs(project)
    assert result.returncode != 0
    for path in ("content/people/sneaky.md", "content/notes.md", "content/linked"):
        assert f"{path}:1: file: symlink leads outside content/" in result.stderr


def test_symlinks_inside_content_are_followed(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"content/people/good-gail.md": GOOD_PERSON})
    (project / "content/people/gail-again.md").symlink_to(project / "content/people/good-gail.md")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert (project / "site/people/gail-again/index.html").is_file()


def test_feature_order_and_missing_core_plugin_are_clear_errors(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from mentorhub.mkdocs.shared import find_hub_plugin

    project = write_project(tmp_path, {}, config="site_name: x\ndocs_dir: content\n")
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match="needs the 'mentorhub' plugin"):
        find_hub_plugin(config, "mentorhub-feature")


def test_two_builds_are_byte_identical(demo_build: Path, tmp_path: Path) -> None:
    second = copy_demo(tmp_path / "again")
    result = run_mkdocs(second, "--strict")
    assert result.returncode == 0, result.stderr
    first_site, second_site = demo_build / "site", second / "site"
    first_files = sorted(p.relative_to(first_site) for p in first_site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second_site) for p in second_site.rglob("*") if p.is_file())
    assert first_files == second_files
    _, mismatch, errors = filecmp.cmpfiles(first_site, second_site, first_files, shallow=False)
    assert mismatch == [] and errors == []


def test_pagination_past_the_configured_size(tmp_path: Path) -> None:
    people = {
        f"content/people/peer-{n:02d}.md": GOOD_PERSON.replace("Good Gail", f"Peer {n:02d}")
        for n in range(7)
    }
    config = "site_name: x\ndocs_dir: content\ntheme: {name: material, font: false}\n" \
             "plugins:\n  - mentorhub:\n      page_size: 3\n"
    project = write_project(tmp_path, people, config=config)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "people/peers/page/3/index.html").is_file()
    assert not (site / "people/peers/page/4/index.html").exists()
    first = (site / "people/peers/index.html").read_text(encoding="utf-8")
    assert "Peer 00" in first and "Peer 03" not in first
    assert 'href="page/2/"' in first
    overview = (site / "people/index.html").read_text(encoding="utf-8")
    assert "All 7 peers" in overview
