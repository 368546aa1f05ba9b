"""A draft person named in a resource's `authors` is never published, by id or by name.

`authors` takes person ids or plain names, so an id that is not a published person
would otherwise be printed as a plain name: on the resource page, the Thanks page,
feeds and the search index.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.hub.loader import load_hub
from mentorhub.hub.names import NameSet, name_keys

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


# -- names compared by meaning (issue 19, item 5) ----------------------------------------------

#: Ways of writing the draft's name or id that must all be recognised.
VARIANTS = {
    "case": "ZELDA hiddenAUTHOR",
    "spacing": "  Zelda \u00a0\u2003 Hiddenauthor ",
    "no-break space": "Zelda\u00a0Hiddenauthor",
    "zero-width space": "Zel\u200bda Hidden\u200dauthor",
    "soft hyphen": "Zelda Hidden\u00adauthor",
    "bidi mark": "\u200fZelda Hiddenauthor\u200e",
    "full-width": "\uff3a\uff45\uff4c\uff44\uff41 Hiddenauthor",
    "compatibility letter": "Zelda \u210biddenauthor",  # script capital H
    "punctuation": "Zelda. Hidden-author!",
    "last, first": "Hiddenauthor, Zelda",
    "last first": "Hiddenauthor Zelda",
    "apostrophe": "Zel'da Hiddenauthor",
    "id upper case": DRAFT_ID.upper(),
    "id with invisible": "zz-draft\u200b-author",
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_name_variants_meet_the_draft_name(variant: str) -> None:
    assert VARIANTS[variant] in NameSet(names=[DRAFT_NAME], ids=[DRAFT_ID])


def test_different_names_do_not_meet() -> None:
    hidden = NameSet(names=[DRAFT_NAME], ids=[DRAFT_ID])
    for other in ("Zelda", "Hiddenauthor", "Zelda Hiddenauthors", "Pat Plainname", "", "  ,  "):
        assert other not in hidden
    assert name_keys("!!!") == frozenset()
    assert name_keys("Curie, Marie") == name_keys("Marie Curie")
    assert name_keys("Jean-Luc Picard") == name_keys("Jean Luc Picard")


def variant_files(variants: list[str]) -> dict[str, str]:
    files = dict(FILES)
    authors = ", ".join(f'"{v}"' for v in variants)
    files["content/resources/guide.md"] = FILES["content/resources/guide.md"].replace(
        f"authors: [{DRAFT_ID}, {DRAFT_NAME}, mo, Pat Plainname]",
        f"authors: [{authors}, mo, Pat Plainname]")
    return files


def yaml_escape(text: str) -> str:
    """For a double-quoted YAML string: invisible characters written as escapes, as a file may."""
    return text.encode("unicode_escape").decode("ascii")


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_loader_drops_every_variant(tmp_path: Path, variant: str) -> None:
    files = variant_files([yaml_escape(VARIANTS[variant])])
    project = write_project(tmp_path, files)
    result = load_hub(project / "content", display_root=project)
    assert result.problems == []
    assert result.hub.resources["guide"].authors == ("mo", "Pat Plainname")


def test_a_variant_of_a_published_persons_name_is_kept(tmp_path: Path) -> None:
    files = {**variant_files(["Hiddenauthor, Zelda"]),
             "content/people/zelda.md": MENTOR_MO.replace("Mo Mentor", "ZELDA  Hiddenauthor")}
    project = write_project(tmp_path, files)
    result = load_hub(project / "content", display_root=project)
    assert result.hub.resources["guide"].authors == ("Hiddenauthor, Zelda", "mo", "Pat Plainname")


@pytest.mark.build
def test_no_output_names_a_draft_author_written_differently(tmp_path: Path) -> None:
    files = variant_files([yaml_escape(v) for v in VARIANTS.values()])
    project = write_project(tmp_path, files, config=CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    texts = [(path, text.lower()) for path, text in all_text(project / "site")]
    leaks = [f"{path.relative_to(project)}: {word}" for path, text in texts
             for word in ("hiddenauthor", "hidden-author", "hidden\u00adauthor", "zz-draft", "zelda")
             if word in text]
    assert leaks == []
    assert any("pat plainname" in text for path, text in texts if path.name == "index.html")
    assert any("pat plainname" in text for path, text in texts if "pagefind" in path.parts)
    assert any("pat plainname" in text for path, text in texts if path.suffix == ".xml")  # feeds


def test_what_makes_names_different_is_kept() -> None:
    """Letters, combining marks and digits are the name; only spacing, punctuation, case and
    invisible characters are ignored (so two different people do not meet)."""
    assert "राहुल Sharma" not in NameSet(names=["रहल Sharma"])  # vowel signs are marks, not gaps
    assert "राहुल  SHARMA" in NameSet(names=["राहुल Sharma"])
    assert "Pat 3" not in NameSet(names=["Pat 2"])
    assert 5 not in NameSet(names=["5"])  # only text names someone


def test_invisible_characters_and_apostrophes_join_in_any_word_order() -> None:
    assert "Lee Zo\u200be Ann" in NameSet(names=["Ann Zoe Lee"])
    assert "DArcy Zed" in NameSet(names=["Zed D'Arcy"])
    assert "Zed D\u2019Arcy" in NameSet(names=["Zed DArcy"])


def test_ascii_names_take_a_shortcut_to_the_same_words() -> None:
    """Plain ASCII skips the per-character Unicode walk: every ASCII character, alone and
    around a word, gives the words the walk gives."""
    from mentorhub.hub import names

    def walked(text: str) -> list[str]:
        # the general path, forced by a non-ASCII character that is a separator
        return names._words(text + "\u3000")

    for code in range(128):
        for text in (chr(code), f"Ann{chr(code)}Lee", f"{chr(code)}O'Brien-Smith {chr(code)}"):
            assert names._words(text) == walked(text), repr(text)
