"""`mentorhub check`: validate the content without building the site."""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import os
import sys
from typing import Any

from ..hub.problems import format_problems
from ..hub.warnings import content_warnings
from ..site.build_date import build_date
from .common import add_project_argument, load_project, print_problems
from .notes import DEFAULT_STALE_AFTER_DAYS, hub_options, stale_notes


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="validate content/ and print every problem")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_project(args.project)
    print_problems(result)
    if result.problems:
        return 1
    hub = result.hub
    # The CLI speaks English, with real plural forms ("1 resource"); stdlib gettext keeps
    # `check` from importing Babel, and the words are in the catalog for a translated CLI.
    ngettext = gettext.NullTranslations().ngettext
    options = hub_options(args.project / "mkdocs.yml")
    today = _today(options)
    warnings = sorted([*content_warnings(hub, today, args.project, result.media), *result.warnings])
    if warnings:
        print(format_problems(warnings), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(format_problems(warnings, github=True))
        summary = ngettext("%(num)s warning: published as it is, but probably a mistake.",
                           "%(num)s warnings: published as they are, but probably mistakes.",
                           len(warnings))
        print("\n" + summary % {"num": len(warnings)} + "\n", file=sys.stderr)
    counts = [
        ngettext("%(num)s person", "%(num)s people", len(hub.people)),
        ngettext("%(num)s resource", "%(num)s resources", len(hub.resources)),
        ngettext("%(num)s session", "%(num)s sessions", len(hub.sessions)),
        ngettext("%(num)s story", "%(num)s stories", len(hub.stories)),
        ngettext("%(num)s skill", "%(num)s skills", len(hub.skills)),
    ]
    sizes = [len(hub.people), len(hub.resources), len(hub.sessions), len(hub.stories), len(hub.skills)]
    print("OK: " + ", ".join(text % {"num": size} for text, size in zip(counts, sizes, strict=True)) + ".")
    stale = options.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    notes = stale_notes(hub, args.project, today,
                        stale if isinstance(stale, int) and not isinstance(stale, bool)
                        else DEFAULT_STALE_AFTER_DAYS)
    if notes:
        print("\n".join(["", "Notes for profile owners (not problems):", *notes]))
    return 0


def _today(options: dict[str, Any]) -> dt.date:
    """The day the hub describes: the mentorhub plugin's as_of, SOURCE_DATE_EPOCH, or today."""
    as_of = options.get("as_of")
    try:
        return build_date(None if as_of is None else str(as_of))
    except ValueError:
        return build_date()  # the build reports a bad as_of; check is about content
