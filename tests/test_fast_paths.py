"""The fast paths that keep big hubs quick give exactly what the plain code gave.

benchmarks/bench_build.py found three hot spots on a 20k-record hub: pure-Python
YAML parsing of front matter, posixpath.relpath for every link, and the
pure-Python YAML emitter for every generated page's metadata. Each now has a fast
path; these tests hold each one to the straightforward version, on real content,
on the validation cases and on generated input.
"""

from __future__ import annotations

import html
import itertools
import posixpath
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorhub.hub import strict_yaml
from mentorhub.mkdocs.hub_plugin import page_source
from mentorhub.site import urls
from mentorhub.site.render import Page

REPO = Path(__file__).resolve().parent.parent
needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


def outcome(text: str, *, fast: bool) -> tuple[Any, ...]:
    """What strict_yaml.load makes of `text`, through libyaml (fast) or pure Python."""
    saved = strict_yaml._FAST_LIMIT
    strict_yaml._FAST_LIMIT = saved if fast else 0
    try:
        document = strict_yaml.load(text, first_line=2)
        return ("ok", document.data, document.lines)
    except strict_yaml.YamlError as exc:
        return ("error", exc.message, exc.line, exc.hint)
    finally:
        strict_yaml._FAST_LIMIT = saved


def _front_matters() -> list[str]:
    texts = []
    for path in sorted((REPO / "tests/fixtures/showcase/content").rglob("*.md")):
        parts = path.read_text(encoding="utf-8").split("---\n")
        if len(parts) > 2:
            texts.append(parts[1])
    texts.append((REPO / "tests/fixtures/showcase/content/skills.yml").read_text(encoding="utf-8"))
    for case in sorted((REPO / "tests" / "cases" / "validation").glob("*.case")):
        texts.extend(case.read_text(encoding="utf-8").split("---\n"))
    return texts


@needs_libyaml
def test_libyaml_parses_real_content_and_every_case_alike() -> None:
    texts = _front_matters()
    assert len(texts) > 100
    for text in texts:
        assert outcome(text, fast=True) == outcome(text, fast=False), text


@needs_libyaml
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list(":-[]{}#&*!|>'\"%@`,?~\n\t ab01.éü\x85\u2028"), max_size=80))
def test_libyaml_agrees_on_arbitrary_text(text: str) -> None:
    assert outcome(text, fast=True) == outcome(text, fast=False)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.dates() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@needs_libyaml
@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10), _values, max_size=6), st.booleans())
def test_libyaml_agrees_on_generated_front_matter(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    assert outcome(text, fast=True) == outcome(text, fast=False)


def test_absurd_nesting_still_takes_the_safe_path() -> None:
    text = "a: " + "[" * 50_000 + "]" * 50_000 + "\n"
    assert outcome(text, fast=True)[0] == "error"


def _relative_url_reference(from_src: str, to_src: str, directory_urls: bool) -> str:
    source = urls.dest_path(from_src, directory_urls=directory_urls)
    target = urls.dest_path(to_src, directory_urls=directory_urls)
    rel = posixpath.relpath(target, posixpath.dirname(source) or ".")
    if directory_urls and rel == "index.html":
        return "./"
    if directory_urls and rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


SRC_URIS = [
    "index.md", "README.md", "a.md", "b.md", "b/index.md", "b/a.md", "b/b.md", "b/README.md",
    "b/c/index.md", "b/c/d.md", "bb/a.md", "b/cc/x.md", "people/page/2.md", "x/y/z/w.md",
    "people/mentors/index.md", "sessions/groups/lab.md", "./a.md", "b//a.md", "../a.md",
]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_url_matches_posixpath(directory_urls: bool) -> None:
    for a, b in itertools.product(SRC_URIS, SRC_URIS):
        expected = _relative_url_reference(a, b, directory_urls)
        assert urls.relative_url(a, b, directory_urls=directory_urls) == expected, (a, b)


TITLES = [
    "Ana Souza", "José: \"quoted\" & <b>bold</b>", "yes", "no", "null", "~", "- dash", "# hash",
    "a: b", "x" * 300, "ünïcödé 🚀", "tab\there", "  padded  ", "", "123", "2026-01-01", "@at",
    "'single'", "{flow}", "[x]", "*alias", "&anchor", "!tag", "|pipe", ">gt", "?q", "a #b",
]


@pytest.mark.parametrize("title", TITLES)
def test_page_front_matter_reads_back_unchanged(title: str) -> None:
    page = Page("people/a.md", title, "<p>body</p>\n", description=title, kind="person",
                source_path="content/people/a.md")
    text = page_source(page)
    front, body = text.removeprefix("---\n").split("---\n\n", 1)
    assert yaml.safe_load(front) == {
        "title": html.escape(title),
        "description": html.escape(title),
        "mentorhub": {"kind": "person", "source": "content/people/a.md"},
    }
    assert body == page.markdown


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("wide", [False, True])
def test_page_meta_is_what_mkdocs_reads_back_from_the_front_matter(title: str, wide: bool) -> None:
    """hub_plugin.page_meta stands in for MkDocs' parse of page_source (fast_pages.read_without_yaml)."""
    from mkdocs.utils.meta import get_data

    from mentorhub.mkdocs.hub_plugin import page_meta

    page = Page("people/a.md", title, "<p>body</p>\n", description=title, kind="person",
                source_path="content/people/a.md", wide=wide)
    markdown, meta = get_data(page_source(page, body=False))
    assert (markdown, meta) == ("", page_meta(page))
    assert list(meta) == list(page_meta(page))  # the same order, too
    assert meta["mentorhub"] == page_meta(page)["mentorhub"]
