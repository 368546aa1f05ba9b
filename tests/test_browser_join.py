"""The join forms in a real browser (headless Debian Chromium) on a built fixture hub.

Each form is filled as a reader would; "Continue on GitHub" is intercepted, and the file
it carries is written into a copy of the hub, where `mentorhub check` must accept it. A
hidden email is sealed in the page to a test key and opened again with pyrage.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyrage
import pytest

from mentorhub.commands.new_ids import id_from_title
from mentorhub.hub.frontmatter import split
from mentorhub.hub.sealing import read_payload

from conftest import copy_fixture_hub, run_mkdocs

pytestmark = [pytest.mark.browser, pytest.mark.build]

IDENTITY = pyrage.x25519.Identity.generate()
EMAIL = "zoe.private@example.org"


@pytest.fixture(scope="module")
def join_hub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture hub with `recipients` set to a test key, built once."""
    project = copy_fixture_hub(tmp_path_factory.mktemp("join-hub"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      as_of: \"2026-11-22\"\n",
        f"      as_of: \"2026-11-22\"\n      recipients: [{IDENTITY.to_public()}]\n"), encoding="utf-8")
    mia = project / "content" / "people" / "mia-mentor.md"  # with recipients a plain hidden email is an error
    mia.write_text(mia.read_text(encoding="utf-8").replace(
        "contact: {email: mia-hidden@example.org, public: false}\n", ""), encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def join_url(join_hub: Path) -> Iterator[str]:
    from browser_support import serve

    with serve(join_hub / "site") as url:
        yield url


@pytest.fixture
def page(chromium: Any, join_url: str) -> Iterator[Any]:
    context = chromium.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield tab
    context.close()
    assert errors == []


def open_form(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("form[data-mh-ready]")


def continue_on_github(page: Any) -> tuple[str, str, str]:
    """Follow "Continue on GitHub" without leaving: (folder URL, filename, text)."""
    seen: list[str] = []

    def stop(route: Any) -> None:
        seen.append(route.request.url)
        route.fulfill(status=200, body="intercepted")

    page.route("https://github.com/**", stop)
    link = page.locator(".mh-join__continue")
    assert link.is_visible()
    link.click()
    page.wait_for_function("document.body.textContent.includes('intercepted')")
    assert len(seen) == 1
    parts = urlsplit(seen[0])
    query = parse_qs(parts.query)
    return parts.path, query["filename"][0], query["value"][0]


def check_with(hub: Path, tmp: Path, folder: str, filename: str,
               text: str) -> subprocess.CompletedProcess[str]:
    project = copy_fixture_hub(tmp / "check")
    for name in ("mkdocs.yml", "content/people/mia-mentor.md"):
        shutil.copy(hub / name, project / name)
    (project / "content" / folder / filename).write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mentorhub.commands.cli", "check", "--project", str(project)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def pick(page: Any, field: str, search: str, value: str) -> None:
    page.fill(f"#mh-j-{field}-filter", search)
    page.check(f"input[name={field}][value='{value}']")


def test_profile_form_makes_a_file_check_accepts(page: Any, join_url: str, join_hub: Path,
                                                 tmp_path: Path) -> None:
    open_form(page, join_url + "/join/profile/")
    page.fill("#mh-j-name", "Zoë Ñandú")
    page.check("input[name=roles][value=mentee]")
    pick(page, "languages", "span", "es")
    pick(page, "seeks", "pyth", "python")
    pick(page, "timezone", "berlin", "Europe/Berlin")
    page.check("input[name=formats][value=group]")
    page.fill("#mh-j-headline", 'Learning "Python" at night: ü & <b>')
    page.fill("#mh-j-contact-email", EMAIL)
    page.check("#mh-j-consent")
    page.fill("#mh-j-body", "I teach music.\n\nNow I want to code.")
    assert page.input_value("#mh-j-id") == id_from_title("Zoë Ñandú") == "zoe-nandu"
    page.click("text=Show my file")
    page.wait_for_selector(".mh-join__result:not([hidden])")
    shown = page.locator(".mh-join__text").inner_text()
    assert page.locator(".mh-join__path").inner_text() == "content/people/zoe-nandu.md"
    # The next step for a mentee: the finder, filtered to what they seek and speak.
    find = page.locator(".mh-join__find a").get_attribute("href")
    assert find == "../../find/?Offers=Python&Language=Spanish"
    storage = page.evaluate("JSON.stringify(sessionStorage)")
    folder, filename, text = continue_on_github(page)
    assert folder == "/example-org/fixture-hub/new/main/content/people"
    assert filename == "zoe-nandu.md" and text == shown
    # Sealed in the page: the plaintext is nowhere in the file or in sessionStorage.
    assert EMAIL not in text and EMAIL not in storage
    assert "sealed: |\n    -----BEGIN AGE ENCRYPTED FILE-----" in text
    armor = split(text.encode("utf-8")).front_matter.data["contact"]["sealed"]
    opened = read_payload(pyrage.decrypt(armor.encode(), [IDENTITY]), "zoe-nandu")
    assert (opened.email, opened.bound) == (EMAIL, True)  # bound to the file's person
    result = check_with(join_hub, tmp_path, "people", filename, text)
    assert result.returncode == 0, result.stdout + result.stderr
    # Handed to GitHub: what was typed is forgotten.
    assert page.evaluate("sessionStorage.length") == 0


@pytest.mark.parametrize("form", ["resource", "session", "story"])
def test_other_forms_make_files_check_accepts(page: Any, join_url: str, join_hub: Path,
                                              tmp_path: Path, form: str) -> None:
    open_form(page, join_url + f"/join/{form}/")
    page.fill("#mh-j-title", "Ça marche: notes")
    if form == "resource":
        page.check("input[name=kind][value=toolkit]")
        page.fill("#mh-j-summary", "A short summary.")
        pick(page, "topics", "grant", "grant-writing")
        page.fill("#mh-j-url", "https://example.org/kit")
        page.fill("#mh-j-authors", "Mia Mentor\nA. Person")
        folder = "resources"
    elif form == "session":
        page.fill("#mh-j-date", "2026-11-02")
        page.check("input[name=format][value=workshop]")
        pick(page, "facilitators", "mia", "mia-mentor")
        pick(page, "topics", "py", "python")
        page.fill("#mh-j-duration", "60")
        page.fill("#mh-j-feedback-responses", "3")
        page.fill("#mh-j-feedback-satisfaction", "4.5")
        page.fill("#mh-j-body", "We met.")
        folder = "sessions"
    else:
        page.fill("#mh-j-date", "2026-11-02")
        page.fill("#mh-j-summary", "Tea wrote her first script.")
        page.check("input[name=outcomes][value=skill-gained]")
        pick(page, "mentee", "tea", "tea-mentee")
        page.fill("#mh-j-confidence-before", "2")
        page.fill("#mh-j-confidence-after", "4")
        page.fill("#mh-j-quote", "It works!")
        folder = "stories"
    page.click("text=Show my file")
    page.wait_for_selector(".mh-join__result:not([hidden])")
    _, filename, text = continue_on_github(page)
    expected = ("2026-11-02-" if form == "session" else "") + "ca-marche-notes.md"
    assert filename == expected
    result = check_with(join_hub, tmp_path, folder, filename, text)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bad_form_shows_the_errors_and_no_link(page: Any, join_url: str) -> None:
    open_form(page, join_url + "/join/profile/")
    page.fill("#mh-j-name", "Mia Mentor")
    page.check("input[name=roles][value=mentor]")
    page.fill("#mh-j-id", "mia-mentor")  # taken
    page.fill("#mh-j-contact-email", "not an email")
    page.fill("#mh-j-headline", "Write to mia@example.org")  # published text: check refuses it
    page.click("text=Show my file")
    summary = page.locator(".mh-join__summary")
    summary.wait_for(state="visible")  # a loaded machine may take a moment to check the form
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('mh-join__summary')")
    items = summary.locator("li").all_inner_texts()
    assert "Languages you can meet in: Choose at least one." in items
    assert "What can you mentor on?: Choose at least one." in items  # the schema's if/then
    assert "File name: This name is already taken. Change the file name below, e.g. add a number." in items
    assert any(i.startswith("Your email address: Enter an email address") for i in items)
    assert any(i.startswith("I agree that this profile is published on the hub: Tick the box") for i in items)
    assert any(i.startswith("Headline: Do not write an email address here") for i in items)
    # Inline, beside each field, and the summary links there.
    assert page.locator("#mh-j-offers-error").inner_text() == "Choose at least one."
    assert page.get_attribute("#mh-j-contact-email", "aria-invalid") == "true"
    summary.locator("a", has_text="File name").click()
    assert page.evaluate("document.activeElement.id") == "mh-j-id"
    assert page.locator(".mh-join__result").is_hidden()
    assert page.locator(".mh-join__continue").get_attribute("href") == "#"


def test_what_was_typed_survives_a_reload_until_start_again(page: Any, join_url: str) -> None:
    open_form(page, join_url + "/join/profile/")
    page.fill("#mh-j-name", "Ana Example")
    page.check("input[name=roles][value=peer]")
    page.check("input[name=contact\\.public][value=true]")
    page.fill("#mh-j-contact-email", "ana@example.org")  # public: kept like any answer
    page.reload()
    page.wait_for_selector("form[data-mh-ready]")
    assert page.input_value("#mh-j-name") == "Ana Example"
    assert page.is_checked("input[name=roles][value=peer]")
    assert page.input_value("#mh-j-id") == "ana-example"
    assert page.input_value("#mh-j-contact-email") == "ana@example.org"
    page.click("text=Start again")
    page.reload()
    page.wait_for_selector("form[data-mh-ready]")
    assert page.input_value("#mh-j-name") == ""


def test_a_hidden_email_to_be_sealed_is_never_stored(page: Any, join_url: str) -> None:
    open_form(page, join_url + "/join/profile/")
    page.fill("#mh-j-name", "Ana Example")
    page.fill("#mh-j-contact-email", EMAIL)
    assert "sealed" in page.locator(".mh-join__contact-note").inner_text()
    assert EMAIL not in page.evaluate("JSON.stringify(sessionStorage)")
    page.reload()
    page.wait_for_selector("form[data-mh-ready]")
    assert page.input_value("#mh-j-contact-email") == ""


def tab_to(page: Any, test: str, limit: int = 60) -> None:
    """Press Tab until the focused element passes `test` (a JS expression on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {test}")


def test_keyboard_alone_completes_the_profile_form(page: Any, join_url: str) -> None:
    open_form(page, join_url + "/join/profile/")
    page.focus("#mh-j-name")
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # roles: mentor (the first choice)
    assert page.is_checked("input[name=roles][value=mentor]")
    tab_to(page, "el.id === 'mh-j-languages-filter'", limit=5)
    page.keyboard.type("english")
    page.keyboard.press("Enter")  # filters; does not submit
    tab_to(page, "el.name === 'languages' && el.value === 'en'", limit=3)
    page.keyboard.press("Space")
    assert page.is_checked("input[name=languages][value=en]")
    tab_to(page, "el.id === 'mh-j-offers-filter'", limit=4)  # shown once "mentor" was ticked
    page.keyboard.type("python")
    tab_to(page, "el.name === 'offers' && el.value === 'python'", limit=3)
    page.keyboard.press("Space")
    assert page.is_checked("input[name=offers][value=python]")
    tab_to(page, "el.id === 'mh-j-consent'")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the form from a checkbox
    page.wait_for_selector(".mh-join__result:not([hidden])")
    assert page.evaluate("document.activeElement.classList.contains('mh-join__result')")
    tab_to(page, "el.classList.contains('mh-join__continue')", limit=10)
    assert page.evaluate("document.activeElement.textContent") == "Continue on GitHub"


def test_without_javascript_the_page_explains_the_pull_request_route(chromium: Any, join_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(join_url + "/join/profile/")
        assert tab.locator(".mh-join__form").is_hidden()
        route = tab.locator(".mh-join__nojs")
        assert route.is_visible()
        assert "pull request" in route.inner_text()
        assert route.locator("a", has_text="How to contribute").count() in (0, 1)
    finally:
        context.close()


def axe_violations(page: Any) -> list[tuple[str, str]]:
    from browser_support import AXE_SCRIPT, require

    require(AXE_SCRIPT.is_file(), "axe-core is not installed (cd tests/browser && npm ci)")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
        # Material's buttons fade their colours (125 ms) on hover and focus: a button that
        # appeared under the pointer would be measured half-way through the fade.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    # Material's footer is checked on the showcase by test_browser_a11y (its baseline).
    found = page.evaluate("async () => (await axe.run({exclude: [['.md-footer']]}, "
                          "{resultTypes: ['violations']})).violations")
    return [(v["id"], " ".join(str(t) for n in v["nodes"] for t in n["target"])) for v in found]


@pytest.mark.parametrize("path", ["/join/", "/join/profile/", "/join/resource/", "/join/session/",
                                  "/join/story/"])
def test_axe_finds_nothing_on_the_join_pages(page: Any, join_url: str, path: str) -> None:
    page.goto(join_url + path)
    if path != "/join/":
        page.wait_for_selector("form[data-mh-ready]")
    assert axe_violations(page) == []


def test_axe_finds_nothing_after_a_failed_submit_or_on_the_file(page: Any, join_url: str) -> None:
    open_form(page, join_url + "/join/profile/")
    page.check("input[name=roles][value=mentor]")  # reveals the mentor-only questions
    page.click("text=Show my file")
    page.wait_for_selector(".mh-join__summary:not([hidden])")
    assert axe_violations(page) == []
    page.fill("#mh-j-name", "Axe Person")
    pick(page, "languages", "english", "en")
    pick(page, "offers", "py", "python")
    page.check("#mh-j-consent")
    page.click("text=Show my file")
    page.wait_for_selector(".mh-join__result:not([hidden])")
    page.mouse.move(0, 0)  # not hovering a button that moved under the pointer
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def plain_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The fixture hub without `edit_uri` (no repository to open) and without `recipients`."""
    from browser_support import serve

    project = copy_fixture_hub(tmp_path_factory.mktemp("plain-hub"))
    config = project / "mkdocs.yml"
    config.write_text("\n".join(line for line in config.read_text(encoding="utf-8").splitlines()
                                if not line.startswith("edit_uri:")) + "\n", encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield project, url


def test_without_a_repository_the_file_is_copied_and_a_hidden_email_is_a_warning(
        chromium: Any, plain_hub: tuple[Path, str], tmp_path: Path) -> None:
    project, url = plain_hub
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    try:
        open_form(tab, url + "/join/profile/")
        tab.fill("#mh-j-name", "Pat Plain")
        tab.check("input[name=roles][value=peer]")
        pick(tab, "languages", "english", "en")
        tab.fill("#mh-j-contact-email", "pat@example.org")
        # Not sealed here: the same warning `mentorhub check` gives, in plain words.
        assert "readable by anyone who can read the hub's repository" in tab.locator(
            ".mh-join__contact-note").inner_text()
        tab.check("#mh-j-consent")
        tab.click("text=Show my file")
        tab.wait_for_selector(".mh-join__result:not([hidden])")
        assert tab.locator(".mh-join__github").is_hidden()
        assert tab.locator(".mh-join__copy-note").is_visible()
        text = tab.locator(".mh-join__text").inner_text()
        assert 'contact:\n  email: "pat@example.org"\n  public: false\n' in text
        tab.click(".mh-join__copy")
        tab.wait_for_function("document.querySelector('.mh-join__copied').textContent !== ''")
        assert tab.evaluate("navigator.clipboard.readText()") == text
    finally:
        context.close()
    result = check_with(project, tmp_path, "people", "pat-plain.md", text)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "readable by anyone who can read the repository" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def crowd_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The fixture hub with 230 more people: its people lists are fetched, not in the page."""
    from browser_support import serve
    from test_join import add_people

    project = copy_fixture_hub(tmp_path_factory.mktemp("crowd-hub"))
    add_people(project / "content", 230)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield project, url


def test_a_long_list_is_searched_kept_and_restored(page: Any, crowd_hub: tuple[Path, str],
                                                   tmp_path: Path) -> None:
    project, url = crowd_hub
    html = (project / "site" / "join" / "session" / "index.html").read_text(encoding="utf-8")
    assert "crowd-117" not in html  # not one of the 234 published people is in the page
    open_form(page, url + "/join/session/")
    status = page.locator("#mh-j-facilitators-status")
    assert status.inner_text() == "Type a few letters to search the list (234 entries)."
    pick(page, "facilitators", "member 17", "crowd-117")
    assert page.locator("input[name=facilitators]").count() == 13  # 017, 117, 217, 170 … 179
    chosen = page.locator("fieldset[data-mh-field=facilitators] .mh-pick__chosen")
    assert chosen.inner_text() == "Chosen: Crowd Member 117"
    page.fill("#mh-j-facilitators-filter", "crowd")
    # The first 30 matches (Crowd Member 000 … 029), and the chosen 117, which stays.
    page.wait_for_function("document.querySelectorAll('input[name=facilitators]').length === 31")
    assert "Showing the first 30 matches" in status.inner_text()
    assert page.is_checked("input[name=facilitators][value=crowd-117]")  # chosen stays chosen
    page.fill("#mh-j-facilitators-filter", "zzz")
    page.wait_for_function("document.querySelector('#mh-j-facilitators-status').textContent"
                           ".startsWith('Nothing in the list matches')")
    assert page.locator("input[name=facilitators]").count() == 1  # only the chosen one
    page.fill("#mh-j-title", "Crowd notes")
    page.fill("#mh-j-date", "2026-11-02")
    page.check("input[name=format][value=workshop]")
    pick(page, "topics", "py", "python")
    page.reload()
    page.wait_for_selector("form[data-mh-ready]")
    assert page.is_checked("input[name=facilitators][value=crowd-117]")  # fetched to restore it
    page.click("text=Show my file")
    page.wait_for_selector(".mh-join__result:not([hidden])")
    _, filename, text = continue_on_github(page)
    assert 'facilitators: ["crowd-117"]' in text
    shutil.copytree(project / "content", tmp_path / "hub" / "content")
    shutil.copy(project / "mkdocs.yml", tmp_path / "hub" / "mkdocs.yml")
    (tmp_path / "hub" / "content" / "sessions" / filename).write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mentorhub.commands.cli", "check", "--project", str(tmp_path / "hub")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
