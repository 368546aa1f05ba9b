"""`mentorhub check`: validate the content without building the site."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Any

from ..hub.problems import format_problems
from ..hub.warnings import content_warnings
from ..site.build_date import build_date
from .common import add_project_argument, load_valid_hub
from .notes import DEFAULT_STALE_AFTER_DAYS, hub_options, stale_notes


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="validate content/ and print every problem")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    hub = load_valid_hub(args.project)
    if hub is None:
        return 1
    options = hub_options(args.project / "mkdocs.yml")
    today = _today(options)
    warnings = content_warnings(hub, today, args.project)
    if warnings:
        print(format_problems(warnings), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(format_problems(warnings, github=True))
        print(f"\n{len(warnings)} warning(s): published as they are, but probably mistakes.\n",
              file=sys.stderr)
    print(
        f"OK: {len(hub.people)} people, {len(hub.resources)} resources, "
        f"{len(hub.sessions)} sessions, {len(hub.stories)} stories, {len(hub.skills)} skills."
    )
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
