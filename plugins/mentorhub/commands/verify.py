"""`mentorhub verify [SITE_DIR]`: the self-check a hub's CI runs after `mkdocs build`.

Prints one `path: problem` line per problem and exits 1 if there is any; paths are
inside SITE_DIR except for mkdocs.yml. The checks are in `mentorhub.verify`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..hub.printable import one_line
from ..hub.site_config import read_config
from ..verify.config import config_suggestions
from ..verify.report import verify_site
from .common import add_project_argument, content_dir
from .verify_records import record_leak_problems


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "verify", help="check a built site: links, anchors, titles, leaks, JSON outputs, feeds, search",
        description="Check a site built by `mkdocs build`: every internal link and anchor resolves, "
                    "every page has a title and lang, no draft or private value is in any file, "
                    "kpi.json and matches.json follow their schemas, feeds are well-formed, the "
                    "search index exists, and mkdocs.yml has what the engine expects.",
    )
    parser.add_argument("site", nargs="?", type=Path, metavar="SITE_DIR",
                        help="the built site (default: site_dir of mkdocs.yml, or site/)")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project: Path = args.project
    try:
        config = read_config(project / "mkdocs.yml")
    except yaml.YAMLError as exc:
        print(one_line(f"mkdocs.yml: cannot be read ({exc})"), file=sys.stderr)
        return 2
    site_dir = str(config.data.get("site_dir") or "site")
    site: Path = args.site or project / site_dir
    shown = args.site.as_posix() if args.site else site_dir  # as the user would type it
    if not site.is_dir():
        print(f"{site}: no such folder (build the site first: mkdocs build)", file=sys.stderr)
        return 2
    problems = verify_site(site, config, content_dir(project), project)
    problems += record_leak_problems(site, project)
    for problem in problems:
        where = problem.path if problem.path == config.path.name else f"{shown}/{problem.path}"
        print(one_line(f"{where}: {problem.message}"))  # messages quote URLs from content
    for suggestion in config_suggestions(config):  # worth doing, but not a failure
        print(one_line(f"suggestion: {suggestion}"), file=sys.stderr)
    if problems:
        print(f"\n{len(problems)} problem(s) found in {shown}.", file=sys.stderr)
        return 1
    print(f"{shown}: all checks passed.", file=sys.stderr)
    return 0
