"""A hub published in two UI languages from the same content: `languages: [en, es]`.

English at the root, Spanish under /es/: each tree in its language (Material's words,
`<html lang>`, ours), a Pagefind index and feeds per language, `hreflang` links and
Material's switcher between them, and every link in both trees resolving.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_i18n_build import FILES

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project
from sitecheck import broken_links

pytestmark = pytest.mark.build
ROOT = "https://hub.example.org/"

CONFIG = MINIMAL_CONFIG.replace("  - mentorhub\n", "  - mentorhub:\n      languages: [en, es]\n") + """\
  - mentorhub-matching
  - mentorhub-kpi:
      min_responses: 1
  - mentorhub-search
  - mentorhub-feeds
site_url: https://hub.example.org/
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("multi"), FILES, CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "Built the es tree" in result.stderr
    return project / "site"


def test_each_tree_speaks_its_language(site: Path) -> None:
    en = (site / "people/tea/index.html").read_text(encoding="utf-8")
    es = (site / "es/people/tea/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and "Wants to grow in" in en and "Suggested mentors" in en
    assert '<html lang="es"' in es and "Quiere crecer en" in es and "Mentores sugeridos" in es
    assert "ambos habláis español" in es


def test_hreflang_links_point_at_the_same_page_in_each_tree(site: Path) -> None:
    for page in ("people/tea/index.html", "es/people/tea/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        for lang, url in (("en", "people/tea/"), ("es", "es/people/tea/"), ("x-default", "people/tea/")):
            assert f'<link rel="alternate" hreflang="{lang}" href="{ROOT}{url}">' in text


def test_the_switcher_lists_both_trees_and_its_links_resolve(site: Path) -> None:
    en = (site / "people/tea/index.html").read_text(encoding="utf-8")
    es = (site / "es/people/tea/index.html").read_text(encoding="utf-8")
    assert 'hreflang="es"' in en and ">español<" in en.replace("\n", "").replace("  ", "")
    assert ">English<" in es.replace("\n", "").replace("  ", "")
    assert broken_links(site) == []


def test_one_pagefind_index_and_one_set_of_feeds_per_language(site: Path) -> None:
    root = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    spanish = json.loads((site / "es/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(root["languages"]) == {"en"}
    assert set(spanish["languages"]) == {"es"}
    assert "new session notes" in (site / "feed-sessions.xml").read_text(encoding="utf-8")
    assert "nuevas notas de sesiones" in (site / "es/feed-sessions.xml").read_text(encoding="utf-8")


def test_without_a_site_url_hreflang_links_are_relative() -> None:
    from mentorhub.mkdocs.languages import Tree, hreflang_links

    spanish = Tree("es", ("en", "es"))
    assert 'hreflang="en" href="../../../people/tea/"' in hreflang_links("people/tea/", spanish)
    assert 'hreflang="es" href="../../../es/people/tea/"' in hreflang_links("people/tea/", spanish)
    english = Tree("en", ("en", "es"))
    assert 'hreflang="es" href="es/"' in hreflang_links("", english)
    assert 'hreflang="en" href="./"' in hreflang_links("", english)


def test_a_one_language_hub_has_no_alternates() -> None:
    from mentorhub.mkdocs.languages import Tree, hreflang_links

    assert hreflang_links("people/tea/", Tree("en", ("en",))) == ""
