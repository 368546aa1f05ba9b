"""`serve` keeps a generated page's Markdown while all its template read is the same (site/page_memo.py).

The end-to-end check (every record type edited, added, renamed, deleted; the served
folder against a fresh build) is test_preview.py; these pin down the parts.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, namedtuple
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from mentorhub.hub.loader import load_hub
from mentorhub.site import page_memo
from mentorhub.site.page_memo import PageMemo, same
from mentorhub.site.render import PageContext, RenderOptions, SiteRenderer

from conftest import copy_fixture_hub

AS_OF = dt.date(2026, 11, 20)


@dataclass(frozen=True)
class _Card:
    name: str
    tags: tuple[str, ...]
    links: dict[str, str]


def test_same_means_rendered_alike() -> None:
    card = _Card("Mo", ("a", "b"), {"x": "1", "y": "2"})
    assert same(card, _Card("Mo", ("a", "b"), {"x": "1", "y": "2"}))
    assert not same(card, _Card("Mo", ("a", "c"), {"x": "1", "y": "2"}))
    assert card == _Card("Mo", ("a", "b"), {"y": "2", "x": "1"})  # equal, yet a template lists them
    assert not same(card, _Card("Mo", ("a", "b"), {"y": "2", "x": "1"}))  # in another order
    assert Markup("<b>") == "<b>" and not same("<b>", Markup("<b>"))  # escaped, or not
    assert not same(1, True) and not same([1], (1,)) and not same([1, 2], [1])
    assert same({"k": [card]}, {"k": [_Card("Mo", ("a", "b"), {"x": "1", "y": "2"})]})
    pair = namedtuple("pair", "a b")
    assert pair("<b>", 1) == pair(Markup("<b>"), 1) and not same(pair("<b>", 1), pair(Markup("<b>"), 1))
    assert not same(OrderedDict(x=1, y=2), OrderedDict(y=2, x=1))


def _pages(project: Path, memo: PageMemo | None) -> dict[str, str]:
    result = load_hub(project / "content", display_root=project)
    renderer = SiteRenderer(result.hub, RenderOptions(today=AS_OF), memo=memo)
    return {page.src_uri: page.markdown for page in renderer.pages()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_kept_pages_are_the_pages_a_fresh_renderer_makes(tmp_path: Path) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    memo = PageMemo()
    first = _pages(project, memo)
    assert memo.kept == 0 and first == _pages(project, None)
    made = memo.made
    assert _pages(project, memo) == first
    assert memo.made == 0 and memo.kept >= made  # nothing changed: every render kept
    # Mia's name is read through h.person() by pages that only hold her id (her mentee's
    # profile, the resources and sessions she is named on): recorded reads, not context.
    _edit(project / "content/people/mia-mentor.md", "name: Mia Mentor", "name: Mia Mentora")
    edited = _pages(project, memo)
    assert edited == _pages(project, None)
    assert 0 < memo.made < made / 2 and memo.kept > 0
    changed = {uri for uri in first if first[uri] != edited[uri]}
    assert "people/mia-mentor.md" in changed and len(changed) > 2


def test_an_unrecorded_lookup_would_show_stale_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: treat h.person() as pure and Mia's old name stays on pages."""
    monkeypatch.setattr(page_memo, "PURE", page_memo.PURE | {"person"})
    monkeypatch.setattr(page_memo, "_RECORDING", {})
    project = copy_fixture_hub(tmp_path / "hub")
    memo = PageMemo()
    _pages(project, memo)
    _edit(project / "content/people/mia-mentor.md", "name: Mia Mentor", "name: Mia Mentora")
    assert _pages(project, memo) != _pages(project, None)


def test_new_options_or_template_overrides_keep_nothing(tmp_path: Path) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    memo = PageMemo()
    result = load_hub(project / "content", display_root=project)
    SiteRenderer(result.hub, RenderOptions(today=AS_OF), memo=memo).pages()
    SiteRenderer(result.hub, RenderOptions(today=AS_OF, page_size=2), memo=memo).pages()
    assert memo.kept == 0
    overrides = tmp_path / "overrides"
    (overrides).mkdir()
    (overrides / ".gitkeep").write_text("")  # what `mentorhub init` leaves: no override yet
    SiteRenderer(result.hub, RenderOptions(today=AS_OF, page_size=2), memo=memo,
                 override_dirs=[overrides]).pages()
    assert memo.kept > 0
    (overrides / "person.html").write_text("{{ person.name }}\n")
    SiteRenderer(result.hub, RenderOptions(today=AS_OF, page_size=2), memo=memo,
                 override_dirs=[overrides]).pages()
    assert memo.kept == 0


def test_only_pure_context_methods_go_unrecorded(tmp_path: Path) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    hub = load_hub(project / "content", display_root=project).hub
    renderer = SiteRenderer(hub, RenderOptions(today=AS_OF))
    recording = page_memo._recording(PageContext("people/tea-mentee.md", renderer))
    recording.link("index.md")
    mia = recording.person("mia-mentor")
    recording.free_capacity(mia)
    assert [name for name, *_ in recording.reads] == ["person", "free_capacity"]
    methods = {name for name, value in vars(PageContext).items()
               if not name.startswith("_") and callable(value)}
    assert methods >= page_memo.PURE  # no stale names
    # The hub is read through these; anything added to PageContext is recorded by default.
    assert {"person", "skill", "resource", "free_capacity", "no_intro_reason",
            "group_url", "render"} <= methods - page_memo.PURE


@pytest.mark.parametrize(("source", "safe"), [
    ("{{ h.person('x').name }} {{ h.link('a.md') }}", True),
    ("{{ hub.people | length }}", False),
    ("{{ h.site.hub.people | length }}", False),
    ("{% import '_reads_hub.html' as m %}{{ m.f() }}", False),
    ("{% include name_from_context %}", False),
])
def test_templates_that_read_around_h_are_never_kept(tmp_path: Path, source: str, safe: bool) -> None:
    (tmp_path / "page.html").write_text(source)
    (tmp_path / "_reads_hub.html").write_text("{% macro f() %}{{ hub.skills }}{% endmacro %}")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)))
    assert page_memo._reads_only_through_h(env, "page.html") is safe


def test_every_package_template_can_be_kept() -> None:
    renderer = SiteRenderer(load_hub(Path("/nonexistent")).hub, RenderOptions(today=AS_OF))
    templates = renderer.env.list_templates(extensions=["html"])
    assert "person.html" in templates
    assert [t for t in templates if not page_memo._reads_only_through_h(renderer.env, t)] == []


def test_kpi_number_formats_compare_by_language() -> None:
    from mentorhub.i18n import localizer
    from mentorhub.impact.pages import LocalFormat

    assert same(LocalFormat(localizer("en")), LocalFormat(localizer("en")))
    assert not same(LocalFormat(localizer("en")), LocalFormat(localizer("es")))


def test_what_a_build_did_not_render_is_let_go(tmp_path: Path) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    memo = PageMemo()
    _pages(project, memo)
    story = ("stories/tea-first-script.md", "story.html")
    assert story in memo._entries
    (project / "content/stories/tea-first-script.md").unlink()
    assert "stories/tea-first-script.md" not in _pages(project, memo)
    _pages(project, memo)
    assert story not in memo._entries and memo.made == 0
