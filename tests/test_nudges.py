"""`mentorhub nudges`: the "Profiles to confirm" issue body, on a fixture hub with stale profiles.

The scheduled workflow posts exactly what the command prints, so this is the test of
the workflow's logic: who is listed, the links to the right file, the change to make,
mentions only from the `github` field, escaping, and no private value.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from mentorhub.commands.cli import main
from mentorhub.nudges import MARKER
from mentorhub.nudges.markdown import escape

from conftest import write_project

Capture = pytest.CaptureFixture[str]
TODAY = "2026-12-06"
CONFIG = """\
site_name: Test hub
site_url: https://org.github.io/hub/
repo_url: https://github.com/org/hub
edit_uri: edit/main/content/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub
  - mentorhub-matching
"""
# Within the 100-character name limit: every kind of markup a name could try.
EVIL = ("Eve <script>x</script> *bold* [x](javascript:x) @octocat #1 | `code` "
        "https://evil.example WWW.ev.il")


def person(name: str, roles: str, extra: str = "") -> str:
    return f"---\nname: {name!r}\nroles: [{roles}]\nlanguages: [en]\nconsent: true\n{extra}---\nBio.\n"


FILES = {
    # Past stale_after_days (365): not suggested since 2026-11-02; has a GitHub handle.
    "content/people/mo.md": person("Mo Mentor", "mentor", "offers: [python]\nconfirmed: 2025-11-01\n"
                                   "github: mo-mentor\ncontact: {email: mo@private.example}\n"
                                   "private: {note: SECRET-NOTE-123}\n"),
    # In the 30-day warning window: reads "may be inactive" from 2026-12-21. No handle.
    "content/people/sub/eve.md": person(EVIL, "mentor", "offers: [python]\nconfirmed: 2025-12-20\n"),
    # Confirmed recently, or never: not listed.
    "content/people/fay.md": person("Fay Fresh", "mentor", "offers: [python]\nconfirmed: 2026-10-01\n"
                                    "github: fay\n"),
    "content/people/nod.md": person("Nod Nodate", "mentor", "offers: [python]\n"),
    # Waiting 96 days, nobody offers grant writing: listed for organizers.
    "content/people/tea.md": person("Tea Mentee", "mentee", "seeks: [grant-writing]\njoined: 2026-09-01\n"
                                    "private: {phone: '+44 20 7946 0958'}\n"),
    # Waiting as long, but Fay is suggested to her: not listed.
    "content/people/sam.md": person("Sam Mentee", "mentee", "seeks: [python]\njoined: 2026-09-01\n"),
    # Has a mentor, or joined recently: not listed.
    "content/people/pat.md": person("Pat Paired", "mentee", "seeks: [grant-writing]\njoined: 2026-01-01\n"
                                    "mentors: [fay]\n"),
    "content/people/ria.md": person("Ria Recent", "mentee", "seeks: [grant-writing]\njoined: 2026-11-20\n"),
}


@pytest.fixture()
def hub(tmp_path: Path) -> Path:
    return write_project(tmp_path / "hub", FILES, CONFIG)


def nudges(hub: Path, capsys: Capture, *args: str) -> str:
    capsys.readouterr()
    assert main(["nudges", "--project", str(hub), "--as-of", TODAY, *args]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_the_issue_lists_who_is_due_with_a_link_to_their_file(hub: Path,
                                                             capsys: Capture) -> None:
    body = nudges(hub, capsys, "--format", "markdown")
    assert body.startswith(MARKER + "\n")
    assert "### Profiles to confirm (2)" in body
    assert f"set its `confirmed:` line to `confirmed: {TODAY}`" in body
    stale = [line for line in body.splitlines() if line.startswith("- ") and "last confirmed" in line]
    assert stale == [
        "- [Mo Mentor](https://github.com/org/hub/edit/main/content/people/mo.md) (people/mo.md) "
        "· last confirmed 2025-11-01 · not suggested since 2025-11-02 · @mo-mentor".replace(
            "2025-11-02", "2026-11-02"),
        f"- [{escape(EVIL)}](https://github.com/org/hub/edit/main/content/people/sub/eve.md) "
        "(people/sub/eve.md) · last confirmed 2025-12-20 · reads \"may be inactive\" from 2026-12-21",
    ]
    assert "### Mentees waiting for a mentor (1)" in body
    assert "- [Tea Mentee](https://org.github.io/hub/people/tea/) · joined 2026-09-01 (96 days ago)" in body
    for absent in ("Fay Fresh", "Nod Nodate", "Sam Mentee", "Pat Paired", "Ria Recent"):
        assert absent not in body


def test_only_the_github_field_mentions_anyone(hub: Path, capsys: Capture) -> None:
    body = nudges(hub, capsys, "--format", "markdown")
    assert re.findall(r"@(?!&#8203;)[\w-]+", body) == ["@mo-mentor"]
    assert re.findall(r"(?<![&\w])#(?!&#8203;|#)\w+", body) == []  # no issue references either


def test_contributor_text_is_inert_markdown_and_html(hub: Path, capsys: Capture) -> None:
    body = nudges(hub, capsys, "--format", "markdown")
    assert "<script" not in body
    assert "https://evil" not in body and "www.evil" not in body.lower()  # GitHub would autolink them
    rendered = markdown.markdown(body)
    assert "<script" not in rendered and "<strong>bold" not in rendered and "<code>code" not in rendered
    assert 'href="javascript' not in rendered
    # every link in the body goes to the repository's editor or the site
    hrefs = re.findall(r'href="([^"]+)"', rendered)
    assert hrefs and all(h.startswith(("https://github.com/org/hub/edit/main/content/people/",
                                       "https://org.github.io/hub/people/")) for h in hrefs)
    assert "Eve &lt;script&gt;x&lt;/script&gt; *bold*" in rendered


def test_no_private_value_reaches_the_issue(hub: Path, capsys: Capture) -> None:
    for fmt in ("markdown", "text"):
        out = nudges(hub, capsys, "--format", fmt)
        for secret in ("mo@private.example", "SECRET-NOTE-123", "7946", "private"):
            assert secret not in out


def test_the_warning_window_and_waiting_time_are_options(hub: Path, capsys: Capture) -> None:
    body = nudges(hub, capsys, "--format", "markdown", "--warn-days", "0", "--waiting-days", "100")
    assert "### Profiles to confirm (1)" in body and "Eve" not in body
    assert "Mentees waiting" not in body


def test_nobody_due_prints_nothing_so_the_workflow_closes_the_issue(
        hub: Path, tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "nudges.md"
    nudges(hub, capsys, "--format", "markdown", "--as-of", "2026-01-01", "--output", str(out))
    assert out.read_text(encoding="utf-8") == ""


def test_the_terminal_list_names_the_file_and_the_change(hub: Path, capsys: Capture) -> None:
    lines = nudges(hub, capsys).splitlines()
    assert lines[0] == ("content/people/mo.md: confirmed 2025-11-01 (not suggested since 2026-11-02): "
                        f"set confirmed: {TODAY}")
    assert lines[-1] == "content/people/tea.md: mentee waiting 96 days with no mentor and no suggestion"
    assert len(lines) == 3


def test_without_a_repository_the_names_are_not_links(hub: Path, capsys: Capture) -> None:
    config = hub / "mkdocs.yml"
    kept = [line for line in CONFIG.splitlines(keepends=True)
            if not line.startswith(("repo_url:", "edit_uri:", "site_url:"))]
    config.write_text("".join(kept), encoding="utf-8")
    body = nudges(hub, capsys, "--format", "markdown")
    assert "- **Mo Mentor** (people/mo.md)" in body
    assert "](" not in body


@pytest.mark.parametrize(("value", "message"), [
    ("'@ana'", "github: '@ana' starts with '@' (write the user name alone: ana)"),
    ("-ana", "github: '-ana' is not a GitHub user name"),
    ("a--b", "github: 'a--b' is not a GitHub user name"),
    ("x" * 40, "is not a GitHub user name"),
])
def test_the_github_field_follows_githubs_rules(tmp_path: Path, capsys: Capture,
                                                value: str, message: str) -> None:
    files = {"content/people/ana.md": person("Ana", "peer", f"github: {value}\n")}
    root = write_project(tmp_path / "hub", files, CONFIG)
    assert main(["check", "--project", str(root)]) == 1
    assert message in capsys.readouterr().err


# -- the issue in the hub's language ----------------------------------------------------------


def _nudges_msgids() -> list[str]:
    """The English words of the issue: every msgid (and plural) from nudges/markdown.py in
    the template, split at its placeholders into the runs of words a reader would see."""
    from babel.messages.pofile import read_po

    from mentorhub.i18n.catalogs import LOCALE_DIR

    with (LOCALE_DIR / "mentorhub.pot").open("rb") as f:
        template = read_po(f)
    texts = [text for message in template if message.id
             and any(path.endswith("nudges/markdown.py") for path, _ in message.locations)
             for text in ((message.id,) if isinstance(message.id, str) else message.id)]
    assert len(texts) > 15
    runs = {run.strip(" .,;:()…`\"") for text in texts for run in re.split(r"%\(\w+\)s|`[^`]*`", text)}
    return sorted(run for run in runs if len(run) > 3)  # "· ", "(", "on" say nothing


def _in_language(hub: Path, lang_config: str) -> None:
    (hub / "mkdocs.yml").write_text(CONFIG.replace("  font: false\n", f"  font: false\n{lang_config}"),
                                    encoding="utf-8")


def test_a_spanish_hubs_issue_has_no_english_word(hub: Path, tmp_path: Path, capsys: Capture) -> None:
    _in_language(hub, "  language: es\n")
    title, closing = tmp_path / "title.txt", tmp_path / "closing.txt"
    body = nudges(hub, capsys, "--format", "markdown", "--title-output", str(title),
                  "--closing-output", str(closing))
    assert title.read_text(encoding="utf-8") == "Perfiles por confirmar\n"
    assert closing.read_text(encoding="utf-8") == (
        "Todos los perfiles están confirmados y ningún mentorado está esperando.\n")
    assert body.startswith("<!-- mentorhub nudges: escrito por `mentorhub nudges`; ")
    assert "### Perfiles por confirmar (2)" in body
    assert "### Mentorados esperando un mentor (1)" in body
    assert f"cambia su línea `confirmed:` a `confirmed: {TODAY}`" in body
    assert "no se sugiere desde el 2026-11-02 · @mo-mentor" in body
    assert "muestra «puede estar inactivo» desde el 2026-12-21" in body
    assert ("- [Tea Mentee](https://org.github.io/hub/people/tea/) · se unió el 2026-09-01 (hace 96 días)"
            in body)
    # Contributor text is as inert as in English, and only the github field mentions.
    assert f"[{escape(EVIL)}](https://github.com/org/hub/edit/main/content/people/sub/eve.md)" in body
    assert re.findall(r"@(?!&#8203;)[\w-]+", body) == ["@mo-mentor"]
    english = [run for run in _nudges_msgids() if run.lower() in body.lower()]
    assert english == []


def test_the_issue_follows_the_first_of_the_plugins_languages(hub: Path, tmp_path: Path,
                                                              capsys: Capture) -> None:
    config = CONFIG.replace("  - mentorhub\n", "  - mentorhub:\n      languages: [de, en]\n")
    (hub / "mkdocs.yml").write_text(config, encoding="utf-8")
    title = tmp_path / "title.txt"
    body = nudges(hub, capsys, "--format", "markdown", "--title-output", str(title))
    assert title.read_text(encoding="utf-8") == "Zu bestätigende Profile\n"
    assert "### Zu bestätigende Profile (2)" in body and "beigetreten am 2026-09-01 (vor 96 Tagen)" in body


def test_an_english_hubs_issue_and_title_are_unchanged(hub: Path, tmp_path: Path, capsys: Capture) -> None:
    from mentorhub.nudges import TITLE

    title, closing = tmp_path / "title.txt", tmp_path / "closing.txt"
    body = nudges(hub, capsys, "--format", "markdown", "--title-output", str(title),
                  "--closing-output", str(closing))
    assert title.read_text(encoding="utf-8") == TITLE + "\n" == "Profiles to confirm\n"
    assert closing.read_text(encoding="utf-8") == "Every profile is confirmed and no mentee is waiting.\n"
    assert body.startswith(MARKER + "\n")
    assert body.splitlines()[2:5] == [
        "### Profiles to confirm (2)", "",
        "A profile not confirmed for 365 days reads \"may be inactive\", and a mentor's is no longer "
        "suggested to mentees. If yours is listed: open it with the link, check that it is current, set "
        f"its `confirmed:` line to `confirmed: {TODAY}` (add the line if it is missing) and commit. "
        "Without write access, GitHub proposes the change as a pull request for you."]
    assert body.endswith(f"Found by `mentorhub nudges` on {TODAY}; this issue is updated each time it runs "
                         "and closed when nobody is left to nudge.\n")


def test_nobody_due_still_writes_the_title_and_closing_words(hub: Path, tmp_path: Path,
                                                              capsys: Capture) -> None:
    _in_language(hub, "  language: fr\n")
    out, closing = tmp_path / "nudges.md", tmp_path / "closing.txt"
    nudges(hub, capsys, "--format", "markdown", "--as-of", "2026-01-01", "--output", str(out),
           "--closing-output", str(closing))
    assert out.read_text(encoding="utf-8") == ""
    assert closing.read_text(encoding="utf-8") == (
        "Tous les profils sont confirmés et aucun mentoré n'attend.\n")


@pytest.mark.parametrize("lang", ["es", "fr", "pt", "de", "ar"])
def test_more_than_can_be_listed_is_counted_in_every_language(lang: str) -> None:
    from mentorhub.i18n import localizer
    from mentorhub.nudges.markdown import MOST_LISTED, _more

    words = localizer(lang)
    for extra in (1, 2, 5, 21):
        (line,) = _more(MOST_LISTED + extra, words)
        assert str(extra) in line and "more" not in line and "`mentorhub nudges`" in line
