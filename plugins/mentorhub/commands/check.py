"""`mentorhub check`: validate the content without building the site."""

from __future__ import annotations

import argparse

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
    print(
        f"OK: {len(hub.people)} people, {len(hub.resources)} resources, "
        f"{len(hub.sessions)} sessions, {len(hub.stories)} stories, {len(hub.skills)} skills."
    )
    options = hub_options(args.project / "mkdocs.yml")
    stale = options.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    as_of = options.get("as_of")
    try:
        today = build_date(as_of if isinstance(as_of, str) else None)
    except ValueError:  # a bad as_of is MkDocs' to report; notes are a courtesy
        return 0
    notes = stale_notes(hub, args.project, today,
                        stale if isinstance(stale, int) and not isinstance(stale, bool)
                        else DEFAULT_STALE_AFTER_DAYS)
    if notes:
        print("\n".join(["", "Notes for profile owners (not problems):", *notes]))
    return 0
