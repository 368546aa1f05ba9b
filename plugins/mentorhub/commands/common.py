"""Helpers shared by subcommands: finding the project, loading the hub, printing problems."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..cycle.settings import SettingsError, read_settings
from ..hub.loader import LoadResult, load_hub
from ..hub.models import Hub
from ..hub.problems import Msg, Problem, format_problems
from ..hub.sealing import recipient_problem
from .notes import hub_options

if TYPE_CHECKING:
    from ..i18n import Localizer


def add_project_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project", "-p", type=Path, default=Path("."),
        help="folder holding mkdocs.yml and content/ (default: the current folder)",
    )


def content_dir(project: Path) -> Path:
    """The content folder: `docs_dir` of mkdocs.yml if it says so, else `content/`."""
    config = project / "mkdocs.yml"
    if config.is_file():
        for line in config.read_text(encoding="utf-8").splitlines():
            if line.startswith("docs_dir:"):
                return project / line.split(":", 1)[1].strip().strip("'\"")
    return project / "content"


def load_project(project: Path, *, check_drafts: bool = False) -> LoadResult:
    """The project's content, checked with the hub's `recipients` (a bad option is a problem)."""
    recipients, problem = project_recipients(project)
    result = load_hub(content_dir(project), display_root=project, recipients=recipients,
                      check_drafts=check_drafts)
    if problem:
        result.problems.insert(0, Problem("mkdocs.yml", 1, "recipients", problem,
                                          Msg("see docs/guide/contact.md")))
    try:  # the cycle's options: demo keys outside the demo, records inside content/ …
        read_settings(hub_options(project / "mkdocs.yml"), project=project, content_dir=content_dir(project))
    except SettingsError as exc:
        result.problems.insert(0, Problem("mkdocs.yml", 1, "mentorhub", str(exc),
                                          Msg("see docs/guide/cycle.md")))
    return result


def project_recipients(project: Path) -> tuple[list[str], str | None]:
    """The mentorhub plugin's `recipients` in mkdocs.yml, and why they are wrong (or None)."""
    keys = hub_options(project / "mkdocs.yml").get("recipients", [])
    problem = recipient_problem(keys)
    return ([k.strip() for k in keys] if problem is None else []), problem


def load_valid_hub(project: Path) -> Hub | None:
    """The project's hub, or None after printing its problems (commands then exit 1)."""
    result = load_project(project)
    print_problems(result)
    return None if result.problems else result.hub


def print_problems(result: LoadResult, words: Localizer | None = None) -> None:
    """Problems to stderr; as GitHub annotations too when running in GitHub Actions.

    `words`: the hub's language (`hub_localizer`), English when None; the
    `path:line: field:` prefix stays as it is in every language."""
    if not result.problems:
        return
    translate = words.gettext if words is not None else None
    print(format_problems(result.problems, translate=translate), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(format_problems(result.problems, github=True, translate=translate))
    from ..i18n import ENGLISH  # only when there is something to report: Babel takes ~45 ms to import

    count = len(result.problems)
    print("\n" + (words or ENGLISH).ngettext("%(num)s problem found.", "%(num)s problems found.", count),
          file=sys.stderr)
