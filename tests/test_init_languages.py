"""`mentorhub init --language L`: a hub that is L throughout, from the first file on.

The per-language files (`scaffold/lang/<code>/`) are kept complete against the English
ones here; then a hub is started, given the example records, checked and built in each
shipped language, and neither its pages nor its contributor files hold the engine's
English (every msgid of the English catalog long enough to be unmistakable) nor the
English starter vocabulary.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from test_i18n_build import english_words

from mentorhub.commands.cli import main
from mentorhub.commands.scaffold import language_folder
from mentorhub.i18n import translations
from mentorhub.site.build_date import build_date

from conftest import REPO, run_mkdocs
from test_workflows import tool

SCAFFOLD = REPO / "plugins" / "mentorhub" / "scaffold"
LANGUAGES = ("es", "fr", "pt", "de", "ar")
#: What a language folder replaces: every word a contributor reads before the site.
CONTRIBUTOR_FILES = (
    "README.md", "CONTRIBUTING.md", "content/skills.yml", "dot-github/pull_request_template.md",
    "dot-github/ISSUE_TEMPLATE/config.yml", "dot-github/ISSUE_TEMPLATE/introduction.yml",
    "dot-github/ISSUE_TEMPLATE/remove-profile.yml", "dot-github/ISSUE_TEMPLATE/report-profile.yml",
    "dot-github/ISSUE_TEMPLATE/suggest-resource.yml",
)
FORMS = [p for p in CONTRIBUTOR_FILES if "ISSUE_TEMPLATE" in p and not p.endswith("config.yml")]
PLACEHOLDER = re.compile(r"%%[a-z_]+%%")
#: Words that are the same in every language: a product name and its short alias.
SAME_EVERYWHERE = {"Python", "py"}
#: English words that are also words of another language ("data" is Portuguese for "date").
FALSE_FRIENDS = {"pt": {"data"}}


def _folder(lang: str) -> Path:
    return SCAFFOLD / "lang" / lang


def english_vocabulary(lang: str = "") -> set[str]:
    """The English starter vocabulary's words (labels, categories, aliases, descriptions),
    less the words `lang`'s own vocabulary uses too ("Leadership" is French as well)."""
    def words(path: Path) -> set[str]:
        found: set[str] = set()
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            found |= {str(entry["label"]), str(entry["category"]), *map(str, entry.get("aliases", ()))}
            if entry.get("description"):
                found.add(str(entry["description"]))
        return found

    own = words(_folder(lang) / "content/skills.yml") if lang else set()
    return words(SCAFFOLD / "content/skills.yml") - own - SAME_EVERYWHERE - FALSE_FRIENDS.get(lang, set())


def english_leaks(text: str, lang: str) -> list[str]:
    vocabulary = [w for w in english_vocabulary(lang)
                  if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    return sorted([w for w in english_words() if w in text] + vocabulary)


def visible_text(page: str) -> str:
    """Everything a reader sees on a page, Material's header and footer included."""
    body = page[page.find("<body"):]
    body = re.sub(r"<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


# -- the per-language files are complete ----------------------------------------------


def test_each_shipped_language_has_its_folder() -> None:
    for lang in LANGUAGES:
        assert language_folder(lang) is not None, lang
        assert language_folder(f"{lang}-XX") is not None  # a regional code uses its language's files
    assert language_folder("en") is None  # English is the scaffold itself


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_language_folder_translates_every_contributor_file(lang: str) -> None:
    folder = _folder(lang)
    held = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {p for p in held if not p.startswith("example/")} == set(CONTRIBUTOR_FILES)
    for path in CONTRIBUTOR_FILES:  # the same answers reach the same files
        english = set(PLACEHOLDER.findall((SCAFFOLD / path).read_text(encoding="utf-8")))
        assert set(PLACEHOLDER.findall((folder / path).read_text(encoding="utf-8"))) == english, path
    examples = {p.split("/")[1] for p in held if p.startswith("example/")}
    assert examples == {"people", "resources", "sessions", "stories"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translated_issue_forms_keep_the_english_forms_shape(lang: str) -> None:
    """Same fields, ids, types and choices: the site fills `mentor`, `page`, `profile` by id."""
    def shape(path: Path) -> list[tuple[object, ...]]:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [(item["type"], item.get("id"), len(item.get("attributes", {}).get("options", ())),
                 item.get("validations", {}).get("required")) for item in form["body"]] + [form["labels"]]

    for path in FORMS:
        assert shape(_folder(lang) / path) == shape(SCAFFOLD / path), path


# -- a hub started in each language ----------------------------------------------------


def _init(root: Path, lang: str) -> None:
    assert main(["init", str(root), "--no-input", "--name", "Círculo Norte", "--repository", "norte/hub",
                 "--language", lang, "--contact", "hola@norte.example", "--example",
                 "--engine", "mentorhub @ git+https://github.com/example-org/mentorhub@v0.1.0"]) == 0


@pytest.fixture(scope="module", params=("en", *LANGUAGES))
def built_hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    lang = str(request.param)
    root = tmp_path_factory.mktemp(f"init-{lang}") / "hub"
    _init(root, lang)
    result = run_mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    return lang, root


@pytest.mark.build
def test_the_hub_checks_and_builds_in_its_language(built_hub: tuple[str, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    lang, root = built_hub
    assert main(["check", "--project", str(root)]) == 0, capsys.readouterr().err
    page = (root / "site/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page
    skills = yaml.safe_load((root / "content/skills.yml").read_text(encoding="utf-8"))
    assert len(skills) == 10 and len(list((root / "content").rglob("*.md"))) == 4


@pytest.mark.build
def test_no_english_in_any_built_page(built_hub: tuple[str, Path]) -> None:
    lang, root = built_hub
    if lang == "en":
        pytest.skip("the English hub is English")
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) > 15
    leaks = {}
    for path in pages:
        leaked = english_leaks(visible_text(path.read_text(encoding="utf-8")), lang)
        if leaked:
            leaks[path.relative_to(root / "site").as_posix()] = leaked
    assert not leaks, f"{lang}: English left on built pages: {leaks}"


@pytest.mark.build
def test_its_issue_forms_pass_githubs_schema_offline(built_hub: tuple[str, Path]) -> None:
    folder = built_hub[1] / ".github" / "ISSUE_TEMPLATE"
    forms = [str(folder / Path(path).name) for path in FORMS]
    for schema, paths in (("vendor.github-issue-forms", forms),
                          ("vendor.github-issue-config", [str(folder / "config.yml")])):
        result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *paths],
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_no_english_in_any_contributor_file(built_hub: tuple[str, Path]) -> None:
    lang, root = built_hub
    if lang == "en":
        pytest.skip("the English hub is English")
    leaks = {}
    for path in CONTRIBUTOR_FILES:
        written = root / path.replace("dot-github", ".github")
        leaked = english_leaks(written.read_text(encoding="utf-8"), lang)
        if leaked:
            leaks[path] = leaked
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("site_description", "copyright"):
        if english_leaks(config[key], lang) or "organizers" in config[key]:
            leaks[key] = config[key]
    assert not leaks, f"{lang}: English left in contributor files: {leaks}"


def test_the_english_vocabulary_list_means_something() -> None:
    words = english_vocabulary()
    assert {"Public speaking", "Career", "Giving and receiving feedback", "presenting"} <= words
    assert english_leaks("Ningún mentor ofrece Giving and receiving feedback todavía", "es") == [
        "Giving and receiving feedback"]
    assert english_leaks("el hub de Data analysis", "es") == ["Data analysis"]
    assert english_leaks("Python y py", "es") == []


@pytest.mark.build
def test_the_footer_is_the_hubs_own(built_hub: tuple[str, Path]) -> None:
    """The organizers' copyright line, and Material's credit in the hub's language."""
    lang, root = built_hub
    text = " ".join(visible_text((root / "site/index.html").read_text(encoding="utf-8")).split())
    made_with = {"en": "Made with", "es": "Hecho con", "fr": "Réalisé avec", "pt": "Feito com",
                 "de": "Erstellt mit", "ar": "صُنع باستخدام"}[lang]
    assert f"{made_with} Material for MkDocs" in text
    organizers = {"en": "Círculo Norte organizers", "es": "Equipo organizador de Círculo Norte",
                  "fr": "L’équipe organisatrice de Círculo Norte",
                  "pt": "Equipe organizadora de Círculo Norte",
                  "de": "Organisationsteam von Círculo Norte", "ar": "منظمو Círculo Norte"}[lang]
    assert f"© {build_date().year} {organizers}" in text


@pytest.mark.build
def test_the_tabs_and_navigation_are_in_the_hubs_language(built_hub: tuple[str, Path]) -> None:
    """Without a `nav:`, MkDocs would name each section after its folder, in English."""
    lang, root = built_hub
    html_text = (root / "site/index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', html_text)
    assert len(tabs) >= 8
    titles = {"People": "People", "Resources": "Resources", "Sessions": "Sessions", "Skills": "Skills",
              "Stories": "Stories", "Impact": "Impact", "Thanks": "Thanks", "Join": "Join the hub",
              "Pages": "Pages"}  # folder name → the index page's title
    words = translations(lang)
    folders = {f for f, title in titles.items() if words.gettext(title) != f}  # "Impact" is French too
    if lang == "en":
        assert "People" in tabs
    else:
        assert not folders & set(tabs), tabs
        assert not folders & set(re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html_text))


def test_the_pull_request_checks_are_named_in_the_hubs_language(tmp_path: Path) -> None:
    """Contributors see the workflow's, job's and steps' names on their pull request."""
    def names(lang: str) -> list[str]:
        root = tmp_path / lang
        assert main(["init", str(root), "--no-input", "--name", "Hub", "--repository", "o/hub",
                     "--language", lang, "--engine", "mentorhub"]) == 0
        workflow = yaml.safe_load((root / ".github/workflows/pr.yml").read_text(encoding="utf-8"))
        job = workflow["jobs"]["check"]
        return [workflow["name"], job["name"], *(step["name"] for step in job["steps"])]

    english = names("en")
    assert english[:2] == ["Pull request checks", "Check and build"] and "Validate the content" in english
    for lang in LANGUAGES:
        translated = names(lang)
        assert len(translated) == len(english) and not set(translated) & set(english), (lang, translated)
