"""End to end: hostile files under content/ never reach site/, in `build` or in `serve`.

A stranger's pull request can add any file under content/. `mkdocs build` fails on any
of them; `mkdocs serve` reports them and keeps serving, and these tests prove that in
that mode too nothing but validated records, free pages and checked images is
published (item 1 of issue 9).
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import material

from conftest import EPOCH, MENTOR_MO, MINIMAL_CONFIG, run_mkdocs, write_project
from serve_support import fetch, mkdocs_serve

CANARY = "CANARY-HOSTILE"
THEME_JS = Path(material.__file__).parent / "templates/assets/javascripts"
BUNDLE = next(p.name for p in THEME_JS.glob("bundle.*.min.js"))


def _png() -> bytes:
    """A real 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


SECRET_PERSON = f"---\nname: Leaky\nroles: [peer]\nlanguages: [en]\nconsent: true\n" \
    f"contact: {{email: {CANARY.lower()}@example.org}}\nprivate: {{note: {CANARY}}}\n---\n{CANARY}\n"
HOSTILE = {
    "content/people/evil.html": f"<script>alert('{CANARY}')</script>\n",
    "content/people/ana": SECRET_PERSON,
    "content/people/ana.md~": SECRET_PERSON,
    "content/people/ana.md.bak": SECRET_PERSON,
    "content/people/x.mdx": SECRET_PERSON,
    "content/people/Ana.MD": SECRET_PERSON,
    f"content/assets/javascripts/{BUNDLE}": f"document.title = '{CANARY}';\n",
    "content/about.md": SECRET_PERSON,
    "content/People/x.md": SECRET_PERSON,
    "content/story/s.md": SECRET_PERSON,
    "content/mentors/m.md": SECRET_PERSON,
    "content/media/logo.svg":
        f'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><!--{CANARY}--></svg>\n',
    "content/media/fake.png": f"<html><script>{CANARY}</script></html>\n",
    "content/pages/secret.md": f"---\ntitle: Secret\nprivate: {{note: {CANARY}}}\n---\n{CANARY}\n",
    "content/pages/wip.md": f"---\ntitle: Work in progress\ndraft: true\n---\n{CANARY}\n",
    "content/pages/typo.md": f"---\ntitle: Typo\ndescripton: {CANARY}\n---\n{CANARY}\n",
    "content/404.html": f"<p>{CANARY}</p>\n",
}
#: Hostile but not a problem: a draft is simply not published.
DRAFTS = {"content/pages/wip.md"}
ALLOWED = {
    "content/people/mentor-mo.md": MENTOR_MO + "Mo mentors Python.\n",
    "content/pages/about.md": (
        "---\ntitle: About the hub\ndescription: Who runs it.\nlang: en\n---\n"
        "# Who we are\n\nVolunteers.<script>alert(1)</script>"
        '<img src="x" onerror="alert(1)">\n\n![Our logo](/media/good.png)\n\n'
        "[Mo](/people/mentor-mo.md)\n"
    ),
    "content/index.md": "---\ntitle: Welcome\n---\nA home page of our own.\n",
    "content/people/.gitkeep": "",
}


def _project(root: Path) -> Path:
    config = MINIMAL_CONFIG + "site_url: https://hub.example.org/\n"  # for a full sitemap
    project = write_project(root, {**HOSTILE, **ALLOWED}, config=config)
    (project / "content/media/good.png").write_bytes(_png())
    return project


def _serve_like_build(project: Path) -> subprocess.CompletedProcess[str]:
    """Build exactly as `mkdocs serve` does (the plugin is told the command is serve)."""
    script = (
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        "config = load_config('mkdocs.yml')\n"
        "config.plugins.on_startup(command='serve', dirty=False)\n"
        "build(config)\n"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-c", script], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def _site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def test_build_fails_and_names_every_hostile_file(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for relative in HOSTILE.keys() - DRAFTS:
        assert f"{relative}:" in result.stderr, relative
    site = project / "site"
    assert not site.exists() or not any(CANARY.encode() in p.read_bytes() for p in _site_files(site))


def test_check_names_every_hostile_file(tmp_path: Path) -> None:
    project = _project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mentorhub.commands.cli", "check"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    for relative in HOSTILE.keys() - DRAFTS:
        assert f"{relative}:" in result.stderr, relative
    assert CANARY not in result.stderr + result.stdout


def test_serve_publishes_only_what_was_validated(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = _serve_like_build(project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    site = project / "site"
    leaks = [p for p in _site_files(site) if CANARY.encode() in p.read_bytes()]
    assert leaks == []
    for unwanted in ("people/evil.html", "people/ana", "people/ana.md~", "people/ana.md.bak",
                     "people/x.mdx", "about/index.html", "People", "story", "mentors",
                     "media/logo.svg", "media/fake.png", "pages/secret", "pages/wip",
                     "pages/typo", "skills.yml", "people/.gitkeep"):
        assert not (site / unwanted).exists(), unwanted
    # Material's own script bundle, not the contributed one
    bundle = site / "assets/javascripts" / BUNDLE
    assert bundle.read_bytes() == (THEME_JS / BUNDLE).read_bytes()
    # what is allowed is published: the image as is, the free pages rendered and sanitized
    assert (site / "media/good.png").read_bytes() == _png()
    about = (site / "pages/about/index.html").read_text(encoding="utf-8")
    assert "About the hub" in about and "Volunteers." in about
    assert "<script>alert(1)" not in about and "onerror" not in about
    assert 'src="../../media/good.png"' in about
    assert 'href="../../people/mentor-mo/"' in about
    assert 'lang="en"' in about
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "A home page of our own." in home
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://hub.example.org/pages/about/" in sitemap
    for refused in ("People/", "story/", "mentors/", "about/", "pages/secret/", "pages/wip/"):
        assert f"https://hub.example.org/{refused}" not in sitemap, refused


def test_mkdocs_serve_does_not_serve_refused_files(tmp_path: Path) -> None:
    project = _project(tmp_path)
    with mkdocs_serve(project, "pages/about/") as served:
        assert fetch(f"{served.base}/media/good.png") == 200
        for path in ("people/evil.html", "people/ana", "people/ana.md.bak", "about/",
                     "People/x/", "story/s/", "mentors/m/", "media/logo.svg", "media/fake.png",
                     "pages/secret/", "pages/wip/"):
            assert fetch(f"{served.base}/{path}") == 404, path
    output = served.output
    assert "content/people/evil.html:1: file:" in output
    assert "Traceback" not in output
