"""The files of a new hub, from the templates in `mentorhub/scaffold/` and an organizer's answers.

Templates are package data. Placeholders are `%%name%%`; `%%name_yaml%%` is the same
value as a YAML double-quoted string. Files whose path starts with `dot-` are written
with a leading `.` (`dot-github/` → `.github/`): setuptools' package-data globs skip
dotfiles, so they are stored under visible names. `example/` holds the records
`--example` adds under `content/`.

A hub is written in its UI language throughout: `lang/<code>/` holds the contributor
files (README, CONTRIBUTING, the pull-request template, the issue forms), the starter
vocabulary and the example records in that language, replacing the English ones
(tests/test_init_languages.py keeps every language's folder complete); the short words
(the default description, the organizers' name, the copyright line, the pull-request
workflow's names) come from the message catalogs. A language without a folder gets the
English files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from ..hub.languages import LANGUAGES
from ..i18n import Localizer, localizer
from ..i18n.vocabulary import N_
from ..releases import installed_engine, pinned_version
from ..site.introductions import ContactError, read_contact

_PLACEHOLDER = re.compile(r"%%([a-z_]+)%%")
_REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")


class AnswerError(ValueError):
    """An answer that would make a broken hub; the message says what to give instead."""


@dataclass(frozen=True)
class HubAnswers:
    name: str
    description: str
    site_url: str
    repository: str  # owner/name on GitHub
    language: str  # Material's theme.language: an ISO 639-1 code, optionally with a region
    contact: str  # the organizers' email or web page; "" when not given
    engine: str  # the requirement line that pins mentorhub
    today: str  # YYYY-MM-DD, for the example records and the contributor guide


def check_answers(answers: HubAnswers) -> HubAnswers:
    """The answers, normalised; raises AnswerError naming the first bad one."""
    if not answers.name.strip():
        raise AnswerError("name: give the hub a name, e.g. --name 'Open Mentoring Hub'")
    parts = urlsplit(answers.site_url.strip())
    if parts.scheme != "https" or not parts.netloc:
        raise AnswerError(f"site URL: '{answers.site_url}' is not an https:// address "
                          "(e.g. https://your-org.github.io/hub/)")
    if not _REPOSITORY.fullmatch(answers.repository.strip()):
        raise AnswerError(f"repository: '{answers.repository}' is not owner/name (e.g. your-org/hub)")
    code = answers.language.strip()
    if code.split("-")[0].lower() not in LANGUAGES:
        raise AnswerError(f"UI language: '{code}' is not an ISO 639-1 code (e.g. en, es, pt-BR)")
    contact = answers.contact.strip()
    if contact:  # it becomes the mentorhub plugin's `organizers`, which the build checks
        key = "url" if "://" in contact else "email"
        try:
            read_contact([{"name": "organizers", key: contact}], None, edit_base="")
        except ContactError:
            raise AnswerError(f"contact: '{contact}' is not an email address or an https:// page "
                              "(e.g. mentoring@your-org.org)") from None
    url = answers.site_url.strip()
    return HubAnswers(
        name=answers.name.strip(), description=answers.description.strip(),
        site_url=url if url.endswith("/") else url + "/", repository=answers.repository.strip(),
        language=code, contact=answers.contact.strip(), engine=answers.engine.strip(), today=answers.today,
    )


def default_site_url(repository: str) -> str:
    """GitHub Pages' address for a repository: https://owner.github.io/name/."""
    owner, _, name = repository.partition("/")
    if name.lower() == f"{owner.lower()}.github.io":
        return f"https://{name.lower()}/"
    return f"https://{owner.lower()}.github.io/{name}/"


#: The pull-request workflow's names (dot-github/workflows/pr.yml), which contributors see
#: on their pull request: in the hub's language.
PR_WORKFLOW_WORDS = {
    "pr_workflow": N_("Pull request checks"),
    "pr_job": N_("Check and build"),
    "pr_checkout": N_("Check out the pull request (merged into its base)"),
    "pr_python": N_("Set up Python"),
    "pr_date": N_("Date the build from the last commit (reproducible output)"),
    "pr_install": N_("Install mentorhub (the version requirements.txt pins)"),
    "pr_validate": N_("Validate the content"),
    "pr_summary": N_("Summarise the change (records, KPIs, suggestions)"),
    "pr_build": N_("Build the site"),
    "pr_verify": N_("Check the built site (links, leaks, JSON outputs, feeds, search index)"),
}


def hub_words(language: str) -> Localizer:
    """The new hub's words: its UI language's catalog (English without one)."""
    return localizer(language)


def organizers_name(answers: HubAnswers) -> str:
    """"Círculo organizers", in the hub's language: the footer's copyright and contact."""
    return hub_words(answers.language).gettext("%(hub)s organizers", hub=answers.name)


def _values(answers: HubAnswers) -> dict[str, str]:
    words = hub_words(answers.language)
    owner = answers.repository.split("/")[0]
    path = urlsplit(answers.site_url).path or "/"
    contact_sentence = ("\n\n" + words.gettext("Questions, or something to remove? Write to the "
                                               "organizers: %(contact)s.", contact=f"<{answers.contact}>")
                        if answers.contact else "")
    values = {
        "name": answers.name,
        "description": answers.description or words.gettext("The mentoring hub of %(hub)s.",
                                                             hub=answers.name),
        "copyright": words.gettext("© %(year)s %(organizers)s", year=answers.today[:4],
                                   organizers=organizers_name(answers)),
        "site_url": answers.site_url,
        "edit_uri": f"https://github.com/{answers.repository}/edit/main/content/",
        "language": answers.language,
        "language_code": answers.language.split("-")[0].lower(),
        "owner": f"@{owner}",
        "engine": answers.engine,
        "engine_version": pinned_version(answers.engine) or installed_engine().version,
        "today": answers.today,
        "preview_url": f"http://127.0.0.1:8000{path}",
        "contact_sentence": contact_sentence,
        "mentorhub_options": _contact_options(answers),
    }
    values.update({key: words.gettext(text) for key, text in PR_WORKFLOW_WORDS.items()})
    for key in ("name", "description", "site_url", "edit_uri", "copyright", *PR_WORKFLOW_WORDS):
        values[f"{key}_yaml"] = json.dumps(values[key], ensure_ascii=False)
    return values


def _contact_options(answers: HubAnswers) -> str:
    """The core plugin's `organizers` and `introductions`, from the contact init asked for:
    an email receives introduction requests; a web page is listed, and requests go to
    the repository's issue form (.github/ISSUE_TEMPLATE/introduction.yml)."""
    contact = answers.contact.strip()
    if not contact:
        return ("\n    # Add your contact so readers can reach you and ask for introductions:\n"
                "    # organizers: [{name: Hub organizers, email: you@example.org}]\n"
                "    # introductions: {via: email}")
    key, via = ("url", "issue") if "://" in contact else ("email", "email")
    name = json.dumps(organizers_name(answers), ensure_ascii=False)
    return (":\n      organizers:\n"
            f"        - name: {name}\n"
            f"          {key}: {json.dumps(contact, ensure_ascii=False)}\n"
            "      introductions:\n"
            f"        via: {via}")


def _fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def _walk(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.name == "__pycache__":
            continue
        path = f"{prefix}{item.name}"
        if item.is_dir():
            yield from _walk(item, path + "/")
        else:
            yield path, item


def _target(template_path: str) -> str:
    return "/".join("." + part[4:] if part.startswith("dot-") else part for part in template_path.split("/"))


def language_folder(language: str) -> Traversable | None:
    """`scaffold/lang/<code>/` for a UI language (`pt-BR` → `pt`), or None (English files)."""
    folder = files("mentorhub").joinpath("scaffold", "lang", language.split("-")[0].split("_")[0].lower())
    return folder if folder.is_dir() else None


def templates(language: str) -> dict[str, Traversable]:
    """Template path → file: the English scaffold, with the language's folder laid over it.

    A language folder replaces the files it holds, and `example/` as a whole (the example
    records use that language's skill ids)."""
    found = {p: item for p, item in _walk(files("mentorhub").joinpath("scaffold"))
             if not p.startswith("lang/")}
    folder = language_folder(language)
    if folder is None:
        return found
    return {p: item for p, item in found.items() if not p.startswith("example/")} | dict(_walk(folder))


def hub_files(answers: HubAnswers, *, example: bool) -> dict[str, str]:
    """Relative path → text of every file of the new hub."""
    values = _values(answers)
    written: dict[str, str] = {}
    for path, item in sorted(templates(answers.language).items()):
        if path.startswith("example/"):
            if not example:
                continue
            path = "content/" + path.removeprefix("example/")
        written[_fill(_target(path), values)] = _fill(item.read_text(encoding="utf-8"), values)
    return written


def existing(root: Path, paths: list[str]) -> list[str]:
    """The paths (or their parent folders, as files) that already exist under `root`."""
    return [p for p in paths if (root / p).exists() or (root / p).is_symlink()]


def write_files(root: Path, written: dict[str, str]) -> None:
    """Write every file; the caller has made sure none exists."""
    for relative, text in written.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(text)
