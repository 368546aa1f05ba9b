"""A draft person named in a resource's `authors` is never published, by id or by name.

`authors` takes person ids or plain names, so an id that is not a published person
would otherwise be printed as a plain name: on the resource page, the Thanks page,
feeds and the search index.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.hub.loader import load_hub

from conftest import MENTOR_MO, run_mkdocs, write_project
from sitecheck import all_text

CONFIG = """\
site_name: Draft authors
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub
  - mentorhub-matching
  - mentorhub-kpi
  - mentorhub-feeds
  - mentorhub-search
"""

DRAFT_ID = "zz-draft-author"
DRAFT_NAME = "Zelda Hiddenauthor"

FILES = {
    "content/people/mo.md": MENTOR_MO,
    f"content/people/{DRAFT_ID}.md": f"""\
        ---
        name: {DRAFT_NAME}
        roles: [mentor]
        languages: [en]
        offers: [python]
        consent: true
        draft: true
        ---
        """,
    "content/resources/guide.md": f"""\
        ---
        title: A shared guide
        kind: guide
        summary: Written by several people.
        topics: [python]
        authors: [{DRAFT_ID}, {DRAFT_NAME}, mo, Pat Plainname]
        updated: 2026-10-01
        ---
        The guide.
        """,
}


def test_the_loader_drops_draft_authors(tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES)
    result = load_hub(project / "content", display_root=project)
    assert result.problems == []
    assert result.hub.resources["guide"].authors == ("mo", "Pat Plainname")


def test_a_name_a_published_person_also_has_is_kept(tmp_path: Path) -> None:
    files = {**FILES, "content/people/zelda.md": MENTOR_MO.replace("Mo Mentor", DRAFT_NAME)}
    project = write_project(tmp_path, files)
    result = load_hub(project / "content", display_root=project)
    assert result.hub.resources["guide"].authors == (DRAFT_NAME, "mo", "Pat Plainname")


@pytest.mark.build
def test_no_output_names_a_draft_author(tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES, config=CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    texts = [(path, text.lower()) for path, text in all_text(project / "site")]
    leaks = [f"{path.relative_to(project)}: {word}" for path, text in texts
             for word in (DRAFT_ID, DRAFT_NAME.lower(), "hiddenauthor") if word in text]
    assert leaks == []
    # The check can see authors: the other ones are published.
    assert any("pat plainname" in text for path, text in texts if path.name == "index.html")
    assert any("pat plainname" in text for path, text in texts if "pagefind" in path.parts)
