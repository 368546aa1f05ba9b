"""`verify_site`: every check on a built site, collected before any is reported."""

from __future__ import annotations

from pathlib import Path

from .config import HubConfig, config_problems
from .outputs import feed_problems, feeds_missing, json_problems, search_problems
from .pages import PageFacts, html_pages, link_problems, page_problems, read_page
from .problem import SiteProblem
from .secrets import collect_secrets, leak_problems


def verify_site(site: Path, config: HubConfig, content_dir: Path, display_root: Path) -> list[SiteProblem]:
    """All problems with the site a hub's mkdocs.yml (`config`) built from `content_dir`, sorted."""
    if not (site / "index.html").is_file():
        return [SiteProblem(site.as_posix(), "no index.html: is this a built site? (run `mkdocs build`)")]
    problems = list(config_problems(config)) if config.exists else []
    pages: dict[str, PageFacts] = {p.relative_to(site).as_posix(): read_page(p) for p in html_pages(site)}
    problems += page_problems(site, pages)
    problems += link_problems(site, pages, config.base_path)
    problems += leak_problems(site, collect_secrets(content_dir, display_root))
    expect_all = not config.exists
    for name, plugin in (("kpi.json", "mentorhub-kpi"), ("matches.json", "mentorhub-matching")):
        if expect_all or config.has_plugin(plugin) or (site / name).exists():
            problems += json_problems(site, name)
    if expect_all or config.has_plugin("mentorhub-feeds"):
        problems += feeds_missing(site)
    problems += feed_problems(site)
    if expect_all or config.has_plugin("mentorhub-search"):
        problems += search_problems(site)
    return sorted(problems, key=lambda p: (p.path != config.path.name, p.path, p.message))
