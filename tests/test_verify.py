"""`mentorhub verify`: a good site passes; each kind of breakage is reported as `path: problem`."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.site_config import read_config
from mentorhub.verify.pages import link_problems, page_problems, read_page

from conftest import copy_fixture_hub


def verify(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["verify", "--project", str(project)])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def project(fixture_hub_build: Path, tmp_path: Path) -> Path:
    """A copy of the built fixture hub (sources and site) that a test may break."""
    copy = copy_fixture_hub(tmp_path / "hub")
    shutil.copytree(fixture_hub_build / "site", copy / "site")
    return copy


# -- on small hand-written sites (no build) -----------------------------------------------------


def write_pages(site: Path, pages: dict[str, str]) -> dict[str, object]:
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}


PAGE = '<html lang="en"><head><title>{title}</title></head><body>{body}</body></html>'


def test_links_and_anchors_resolve_relative_and_root_absolute(tmp_path: Path) -> None:
    pages = write_pages(tmp_path, {
        "index.html": PAGE.format(title="Home", body='<a href="people/#ana">Ana</a><a href="#top">top</a>'
                                                     '<p id="top"></p><a href="/hub/people/">abs</a>'
                                                     '<a href="https://elsewhere.example/x">out</a>'),
        "people/index.html": PAGE.format(title="People", body='<h2 id="ana">Ana</h2>'
                                                              '<a href="../assets/a.css">css</a>'),
        "assets/a.css": "",
    })
    assert list(link_problems(tmp_path, pages, "/hub/")) == []  # type: ignore[arg-type]


def test_a_missing_file_anchor_or_path_is_named(tmp_path: Path) -> None:
    pages = write_pages(tmp_path, {
        "index.html": PAGE.format(title="Home", body='<a href="people/#bob">Bob</a><a href="#nope">x</a>'
                                                     '<a href="gone/">gone</a><a href="/other/">o</a>'
                                                     '<img src="../../up.png">'),
        "people/index.html": PAGE.format(title="People", body='<h2 id="ana">Ana</h2>'),
    })
    found = [str(p) for p in link_problems(tmp_path, pages, "/hub/")]  # type: ignore[arg-type]
    assert found == [
        "index.html: link 'people/#bob': no element with id 'bob' on people/index.html",
        "index.html: link '#nope': no element with id 'nope' on this page",
        "index.html: link 'gone/' leads to no file (gone)",
        "index.html: link '/other/' leaves the site's path /hub/",
        "index.html: link '../../up.png' points outside the site",
    ]


def test_a_page_needs_a_title_and_lang_but_svg_titles_do_not_count(tmp_path: Path) -> None:
    pages = write_pages(tmp_path, {
        "a.html": '<html><body><svg><title>chart</title></svg></body></html>',
        "b.html": '<html lang="es"><head><title>Hola</title></head></html>',
    })
    assert [str(p) for p in page_problems(tmp_path, pages)] == [  # type: ignore[arg-type]
        "a.html: the page has no <title>", "a.html: the page has no lang attribute on <html>",
    ]


# -- on the built fixture hub -------------------------------------------------------------------


@pytest.mark.build
def test_the_built_fixture_hub_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert verify(project, capsys) == (0, [])


@pytest.mark.build
def test_private_values_and_hidden_emails_are_found_even_encoded(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "site/people/tea-mentee/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<p>fixture-private-note MOVING abroad</p>"
                   "<a href='&#109;&#97;ilto:mia-hidden&#64;example.org'>m</a></body>"), encoding="utf-8")
    fragment = gzip.compress(b"FIXTURE-PRIVATE-NOTE moving abroad")
    (project / "site/pagefind/extra.pf_fragment").write_bytes(fragment)
    code, lines = verify(project, capsys)
    assert code == 1
    source = "content/people/mia-mentor.md"
    assert lines == [
        f"site/pagefind/extra.pf_fragment: contains private.note of {source}",
        f"site/people/tea-mentee/index.html: contains private.note of {source}",
        f"site/people/tea-mentee/index.html: contains the hidden contact.email of {source}",
    ]
    assert not any("moving abroad" in line.lower() or "mia-hidden" in line for line in lines)


@pytest.mark.build
def test_drafts_pages_and_texts_are_found(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "site/people/dora-draft/index.html"
    draft.parent.mkdir()
    draft.write_text('<html lang="en"><title>Someone</title></html>', encoding="utf-8")
    (project / "site/sitemap.xml").write_text("<urlset>Dora Draftperson</urlset>", encoding="utf-8")
    code, lines = verify(project, capsys)
    assert code == 1
    assert lines == [
        "site/people/dora-draft/index.html: a page was built for the draft content/people/dora-draft.md",
        "site/sitemap.xml: contains name of draft content/people/dora-draft.md",
    ]


@pytest.mark.build
def test_a_published_value_is_not_a_secret(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A private note that repeats public text ("Python") cannot be told apart, so it is not searched."""
    person = project / "content/people/olga-open.md"
    person.write_text(person.read_text(encoding="utf-8").replace(
        "consent: true", "consent: true\nprivate: {note: Grant starter kit}"), encoding="utf-8")
    assert verify(project, capsys) == (0, [])


@pytest.mark.build
def test_json_outputs_follow_their_schemas(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kpi = json.loads((project / "site/kpi.json").read_text(encoding="utf-8"))
    kpi["people"]["match_rate"] = 1.5
    (project / "site/kpi.json").write_text(json.dumps(kpi), encoding="utf-8")
    (project / "site/matches.json").write_text("{not json", encoding="utf-8")
    code, lines = verify(project, capsys)
    assert code == 1
    assert lines[0].startswith("site/kpi.json: people.match_rate: 1.5 is greater than the maximum of 1")
    assert lines[1].startswith("site/matches.json: not valid JSON (")
    assert len(lines) == 2


@pytest.mark.build
def test_feeds_and_the_search_index(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "site/feed-stories.xml").write_text("<feed><entry></feed>", encoding="utf-8")
    (project / "site/feed-sessions.xml").write_text("<rss/>", encoding="utf-8")
    (project / "site/feed-stories.json").write_text('{"items": []}', encoding="utf-8")
    (project / "site/pagefind/pagefind-entry.json").unlink()
    code, lines = verify(project, capsys)
    assert code == 1
    assert lines == [
        "site/feed-sessions.xml: not an Atom feed (root element rss)",
        "site/feed-stories.json: not a JSON Feed (needs 'version' and a list of 'items')",
        "site/feed-stories.xml: not well-formed XML (mismatched tag: line 1, column 15)",
        "site/pagefind/pagefind-entry.json: missing: the search index was not built",
    ]


@pytest.mark.build
def test_a_broken_link_and_a_missing_title(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "site/stories/index.html"
    text = page.read_text(encoding="utf-8")
    text = text.replace('<html lang="en"', "<html", 1).replace("</body>", '<a href="../gone/#x">x</a></body>')
    page.write_text(text, encoding="utf-8")
    code, lines = verify(project, capsys)
    assert code == 1
    assert lines == [
        "site/stories/index.html: link '../gone/#x' leads to no file (gone)",
        "site/stories/index.html: the page has no lang attribute on <html>",
    ]


def test_not_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(tmp_path / "missing"), "--project", str(tmp_path)]) == 2
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "site").mkdir()
    code, lines = verify(tmp_path, capsys)
    assert code == 1
    assert lines[0].endswith("no index.html: is this a built site? (run `mkdocs build`)")


# -- mkdocs.yml against what the engine expects --------------------------------------------------


@pytest.mark.build
def test_a_missing_plugin_or_option_is_named_with_the_line_to_add(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  font: false\n", "").replace("  - mentorhub-feeds\n", "  - search\n"),
                      encoding="utf-8")
    code, lines = verify(project, capsys)
    assert code == 1
    assert lines == [
        "mkdocs.yml: plugins: '- search' must go: mentorhub-search replaces it "
        "(remove the line '  - search')",
        "mkdocs.yml: plugins: 'mentorhub-feeds' is missing: Atom and JSON feeds of new records "
        "(add '  - mentorhub-feeds' under 'plugins:')",
        "mkdocs.yml: theme: pages would load Google Fonts, a third-party request "
        "(add 'font: false' under 'theme:')",
    ]


def test_config_reads_tags_as_null_and_site_url_path(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://example.org/hub\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\nplugins:\n  - mentorhub\n",
        encoding="utf-8")
    config = read_config(tmp_path / "mkdocs.yml")
    assert config.base_path == "/hub/"
    assert list(config.plugins) == ["mentorhub"]


def test_secrets_are_found_by_word_in_any_text(tmp_path: Path) -> None:
    from mentorhub.verify.secrets import Secret, Secrets, leak_problems

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text('<p data-x="TOPSECRET7">Room <b>Blue Falcon-Nine</b></p>', encoding="utf-8")
    (site / "b.json").write_text('{"n": "someone@hidden.example"}', encoding="utf-8")
    (site / "c.txt").write_text("blue falcon only, topsecret77, hidden.example", encoding="utf-8")
    secrets = Secrets([Secret("topsecret7", "one word"), Secret("blue falcon-nine", "three words"),
                       Secret("someone@hidden.example", "an email")], draft_pages=[])
    assert [str(p) for p in leak_problems(site, secrets)] == [
        "a.html: contains three words", "a.html: contains one word", "b.json: contains an email",
    ]
