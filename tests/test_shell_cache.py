"""Material's navigation, tabs, header and page settings rendered once per folder
(mkdocs/shell_cache.py) give exactly the HTML of rendering them for every page.

Two ways: Material's real page template rendered for every page of small sites built to
be awkward (depths, folders, a page outside the navigation whose URL holds a page in
it, file URLs), cached and uncached; and whole hubs built both ways, with and without
an organizer's override of the partials. Each comparison is shown able to fail: with a
cache key that forgets the folder, or the check of targets under the page, it differs.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.commands.build import build, get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.utils import get_relative_url

from mentorhub.mkdocs import hub_plugin, shell_cache
from mentorhub.mkdocs.shell_cache import PARTIALS, ShellCache, install

from conftest import EPOCH, copy_fixture_hub

THEME = Path(shell_cache.__file__).parent.parent / "theme"
MATERIAL = Path(shell_cache._material_templates() or "")

#: (source, in the navigation?): siblings in and out of the navigation at several depths;
#: skills/ is outside the navigation but skills/python/ is in it.
SOURCES = [
    ("index.md", True), ("about.md", False), ("join.md", True),
    ("people/index.md", True), ("people/ana.md", False), ("people/bob.md", False),
    ("people/page/2/index.md", False), ("people/page/3/index.md", False),
    ("skills/index.md", False), ("skills/python.md", True), ("skills/rust.md", False),
    ("sessions/index.md", True), ("sessions/2026/10/talk.md", False),
    ("sessions/2026/10/other.md", False), ("sessions/2026/11/talk.md", False),
]


def _site(tmp_path: Path, *, directory_urls: bool,
          features: list[str]) -> tuple[MkDocsConfig, Files, Navigation]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Shell\nuse_directory_urls: {str(directory_urls).lower()}\n"
        f"theme:\n  name: material\n  features: {features}\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.theme.dirs.insert(0, str(THEME))  # as the hub plugin's on_config does
    for uri, _ in SOURCES:
        (tmp_path / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / uri).write_text(f"# {uri}\n\n## One\n\n## Two\n", encoding="utf-8")
    files = Files([File(uri, str(tmp_path / "docs"), config.site_dir, directory_urls,
                        inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV)
                   for uri, in_nav in SOURCES])
    nav = get_navigation(files, config)
    for file in files.documentation_pages():
        assert file.page is not None
        file.page.read_source(config)
        file.page.render(config, files)  # content and table of contents, as in a build
    return config, files, nav


def _render_all(config: MkDocsConfig, files: Files, nav: Navigation, *, cached: bool,
                env: Environment | None = None) -> tuple[dict[str, str], int]:
    """Every page, in source order (siblings fill the cache first)."""
    if env is None:
        env = config.theme.get_env()
        cache = install(env, config, THEME)
        assert cache.enabled == frozenset(PARTIALS)
        if not cached:
            cache.enabled = frozenset()
    cache = env.globals["mentorhub_shell"].__self__
    template = env.get_template("main.html")  # Material's whole page: header, tabs, nav, config
    out = {}
    for file in files.documentation_pages():
        page = file.page
        assert page is not None
        page.active = True  # as MkDocs' _build_page does
        context = get_context(nav, files, config, page, get_relative_url(".", page.url))
        out[page.url] = template.render(context)
        page.active = False
    return out, cache.hits


def _differences(tmp_path: Path, *, directory_urls: bool, features: list[str]) -> list[str]:
    config, files, nav = _site(tmp_path, directory_urls=directory_urls, features=features)
    cached, hits = _render_all(config, files, nav, cached=True)
    plain, _ = _render_all(config, files, nav, cached=False)
    assert hits >= 5, "the cache was hardly used: the comparison proves little"
    assert 'md-tabs__link' in plain["people/" if directory_urls else "people/index.html"]
    return [url for url in plain if cached[url] != plain[url]]


CASES = [
    (True, ["navigation.tabs"]),
    (True, ["navigation.tabs", "navigation.indexes", "navigation.sections", "toc.integrate"]),
    (True, ["navigation.tabs", "navigation.tabs.sticky", "navigation.prune"]),  # tabs inside the header
    (False, ["navigation.tabs", "navigation.indexes"]),
]


@pytest.mark.parametrize(("directory_urls", "features"), CASES)
def test_cached_partials_are_the_uncached_ones(tmp_path: Path, directory_urls: bool,
                                               features: list[str]) -> None:
    assert _differences(tmp_path, directory_urls=directory_urls, features=features) == []


def test_pages_in_the_navigation_are_rendered_with_their_active_state(tmp_path: Path) -> None:
    config, files, nav = _site(tmp_path, directory_urls=True, features=["navigation.tabs"])
    cached, _ = _render_all(config, files, nav, cached=True)
    assert "md-nav__link--active" in cached["skills/python/"]
    assert "md-tabs__item--active" in cached["people/"]
    assert "md-nav__link--active" not in cached["people/ana/"]
    # Relative links follow each page's depth: the same target from three depths.
    assert 'href="../../join/"' in cached["people/ana/"]
    assert 'href="../../../../join/"' in cached["sessions/2026/10/talk/"]
    assert 'href="../join/"' in cached["about/"]


def test_a_new_navigation_empties_the_cache(tmp_path: Path) -> None:
    """Should an environment outlive its build (a future `serve`), the next build's nav is its own."""
    config, files, nav = _site(tmp_path, directory_urls=True, features=["navigation.tabs"])
    env = config.theme.get_env()
    install(env, config, THEME)
    _render_all(config, files, nav, cached=True, env=env)
    renamed = get_navigation(files, config)
    renamed.items[1].title = "Renamed people"  # the People section
    for file in files.documentation_pages():
        assert file.page is not None
        file.page.read_source(config)
        file.page.render(config, files)
    again, hits = _render_all(config, files, renamed, cached=True, env=env)
    plain, _ = _render_all(config, files, renamed, cached=False)
    assert hits > 0 and "Renamed people" in again["people/ana/"] and again == plain


def test_a_key_without_the_folder_would_be_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above can fail: a key that ignores the folder gives other pages' links."""
    key = ShellCache._key

    def no_folder(self: ShellCache, context: object, partial: str) -> object:
        found = key(self, context, partial)  # type: ignore[arg-type]
        return None if found is None else (found[0][:2], found[1])

    monkeypatch.setattr(ShellCache, "_key", no_folder)
    assert _differences(tmp_path, directory_urls=True, features=["navigation.tabs"])


def test_a_target_under_the_page_is_not_taken_from_a_sibling(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """skills/ is outside the navigation and skills/python/ inside: its links are its own."""
    monkeypatch.setattr(shell_cache, "_prefixes", lambda targets: frozenset())
    assert "skills/" in _differences(tmp_path, directory_urls=True, features=["navigation.tabs"])


# -- whole hubs --------------------------------------------------------------------------

TABS = "theme:\n  name: material\n  features: [navigation.tabs]\n"


def _build(project: Path, monkeypatch: pytest.MonkeyPatch, site: str) -> tuple[Path, list[ShellCache]]:
    made: list[ShellCache] = []

    def installing(*args: object) -> ShellCache:
        cache = install(*args)  # type: ignore[arg-type]
        made.append(cache)
        return cache

    monkeypatch.setattr(hub_plugin, "install_shell_cache", installing)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / site), strict=True))
    return project / site, made


def _hub(tmp_path: Path, overrides: dict[str, str] | None = None) -> Path:
    project = copy_fixture_hub(tmp_path / "hub")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("theme:\n  name: material\n", TABS)
    if overrides:
        config = config.replace(TABS, TABS + "  custom_dir: overrides\n")
        for name, text in overrides.items():
            path = project / "overrides" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _tree(site: Path) -> list[Path]:
    return sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())


@pytest.mark.build
def test_a_built_hub_is_byte_identical_with_and_without_the_cache(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    project = _hub(tmp_path)
    cached_site, made = _build(project, monkeypatch, "site-cached")
    assert len(made) == 1 and made[0].enabled == frozenset(PARTIALS) and made[0].hits > 20
    with monkeypatch.context() as patch:
        patch.setattr(ShellCache, "_key", lambda self, context, partial: None)
        plain_site, _ = _build(project, monkeypatch, "site-plain")
    files = _tree(plain_site)
    assert files == _tree(cached_site)
    _, mismatch, errors = filecmp.cmpfiles(plain_site, cached_site, files, shallow=False)
    assert mismatch == [] and errors == []
    # Pages at several depths and folders, in and out of the navigation, were compared.
    for page in ("index.html", "people/index.html", "people/mia-mentor/index.html",
                 "skills/python/index.html", "sessions/2026-10-05-python-office-hours/index.html"):
        assert Path(page) in files
    assert "md-nav__link--active" in (cached_site / "people/index.html").read_text(encoding="utf-8")


NAV_OVERRIDE = '<nav class="organizer-nav">{{ page.url }}</nav>\n'


@pytest.mark.build
def test_an_organizers_nav_override_is_rendered_for_every_page(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    project = _hub(tmp_path, {"partials/nav.html": NAV_OVERRIDE})
    site, made = _build(project, monkeypatch, "site")
    for url in ("people/mia-mentor/", "people/olga-open/", "people/"):
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'<nav class="organizer-nav">{url}</nav>' in text
    assert made[0].enabled == frozenset(PARTIALS) - {"nav"} and made[0].hits > 0


@pytest.mark.build
def test_an_override_of_what_the_nav_includes_turns_the_cache_off(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    material = MATERIAL
    nav_item = (material / "partials/nav-item.html").read_text(encoding="utf-8")
    marked = nav_item.replace('<li class="{{ class }}">\n      <a href="{{ nav_item.url | url }}"',
                              '<li class="{{ class }}" data-seen-from="{{ page.url }}">\n'
                              '      <a href="{{ nav_item.url | url }}"')
    assert marked != nav_item
    project = _hub(tmp_path, {"partials/nav-item.html": marked})
    site, made = _build(project, monkeypatch, "site")
    assert made[0].enabled == frozenset(PARTIALS) - {"nav"}
    for url in ("people/mia-mentor/", "people/olga-open/"):
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'data-seen-from="{url}"' in text


LOGO_OVERRIDE = '<span class="organizer-logo">{{ page.url }}</span>\n'


@pytest.mark.build
def test_an_override_of_what_the_header_includes_leaves_the_rest_cached(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _hub(tmp_path, {"partials/logo.html": LOGO_OVERRIDE})
    site, made = _build(project, monkeypatch, "site")
    assert made[0].enabled == {"tabs", "header-end", "config"} and made[0].hits > 0
    for url in ("people/mia-mentor/", "people/olga-open/"):
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert text.count(f'<span class="organizer-logo">{url}</span>') == 2  # header and nav
