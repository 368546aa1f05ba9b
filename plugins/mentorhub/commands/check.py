"""`mentorhub check`: validate the content without building the site."""

from __future__ import annotations

import argparse

from .common import add_project_argument, load_valid_hub


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
    return 0
