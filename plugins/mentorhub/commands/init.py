"""`mentorhub init DIR` (or `--here`): start a new hub; `mentorhub init --check`: keep one current.

Like `hugo new site` and `mkdocs new`: it writes a complete hub that builds as it is
(mkdocs.yml, a starter skills vocabulary, overrides/, hooks/, workflows, contributor
docs, a pinned requirements.txt), asks for what it cannot guess when run in a
terminal (flags answer without asking), and never overwrites a file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from ..hub.printable import one_line
from ..site.build_date import build_date
from ..verify.config import config_problems, config_suggestions, read_config
from .scaffold import (
    AnswerError,
    HubAnswers,
    check_answers,
    default_site_url,
    engine_requirement,
    existing,
    hub_files,
    write_files,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init", help="start a new hub in DIR (or --here); --check: compare mkdocs.yml with the engine",
        description="Write a complete, working hub: mkdocs.yml, content/skills.yml, overrides/, hooks/, "
                    "GitHub workflows, CONTRIBUTING.md, README.md and a requirements.txt pinning "
                    "mentorhub. Never overwrites a file. In a terminal it asks for what the flags "
                    "do not say.",
    )
    parser.add_argument("directory", nargs="?", type=Path, metavar="DIR",
                        help="a new (or empty) folder for the hub")
    parser.add_argument("--here", action="store_true", help="write into the current folder")
    parser.add_argument("--name", help="the hub's name (site_name)")
    parser.add_argument("--description", help="one sentence about the hub")
    parser.add_argument("--repository", metavar="OWNER/NAME", help="its GitHub repository")
    parser.add_argument("--site-url", metavar="URL",
                        help="where it is published (default: the repository's GitHub Pages address)")
    parser.add_argument("--language", metavar="CODE", help="interface language, ISO 639-1 (default: en)")
    parser.add_argument("--contact", metavar="EMAIL_OR_URL", help="how to reach the organizers")
    parser.add_argument("--engine", metavar="REQUIREMENT",
                        help="the mentorhub requirement for requirements.txt, e.g. "
                             "'mentorhub @ git+https://github.com/OWNER/mentorhub@v0.1.0' "
                             "(default: how this mentorhub was installed)")
    parser.add_argument("--example", action="store_true",
                        help="add one example person, resource, session and story")
    parser.add_argument("--no-input", action="store_true", help="never ask; use flags and defaults")
    parser.add_argument("--check", action="store_true",
                        help="do not write: say what an existing hub's mkdocs.yml lacks (DIR or .)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        return _check(args.directory or Path("."))
    if args.here == (args.directory is not None):
        print("mentorhub init: give a folder (mentorhub init my-hub) or --here, not both", file=sys.stderr)
        return 2
    root: Path = Path(".") if args.here else args.directory
    if not args.here and root.exists() and (not root.is_dir() or any(root.iterdir())):
        print(f"mentorhub init: {root} exists and is not empty; nothing was written "
              f"(use an empty folder, or `cd {root} && mentorhub init --here` to add a hub beside "
              "what is there)", file=sys.stderr)
        return 1
    ask = _asker(interactive=not args.no_input and sys.stdin.isatty())
    try:
        answers = check_answers(_answers(args, root, ask))
    except AnswerError as exc:
        print(f"mentorhub init: {exc}", file=sys.stderr)
        return 2
    written = hub_files(answers, example=args.example)
    clashes = existing(root, list(written))
    if clashes:
        print(f"mentorhub init: these already exist in {root}, so nothing was written:", file=sys.stderr)
        print("\n".join(f"  {path}" for path in clashes), file=sys.stderr)
        print("Move them away (or start in an empty folder) and run it again.", file=sys.stderr)
        return 1
    write_files(root, written)
    _next_steps(root, answers, args.here)
    return 0


Asker = Callable[[str, str], str]


def _asker(*, interactive: bool) -> Asker:
    def ask(question: str, default: str) -> str:
        if not interactive:
            return default
        try:
            reply = input(f"{question} [{default}]: " if default else f"{question}: ").strip()
        except EOFError:
            return default
        return reply or default

    return ask


def _answers(args: argparse.Namespace, root: Path, ask: Asker) -> HubAnswers:
    folder = root.resolve().name or "hub"
    name = args.name or ask("Hub name", folder.replace("-", " ").replace("_", " ").title())
    description = args.description if args.description is not None else ask(
        "One sentence about it", f"The mentoring hub of {name}.")
    repository = args.repository or ask("GitHub repository (owner/name)", f"your-org/{folder}")
    site_url = args.site_url or ask("Site URL", default_site_url(repository))
    language = args.language or ask("Interface language (ISO 639-1)", "en")
    contact = args.contact if args.contact is not None else ask(
        "Organizers' contact (email or web page, optional)", "")
    return HubAnswers(name=name, description=description, site_url=site_url, repository=repository,
                      language=language, contact=contact, engine=args.engine or engine_requirement(),
                      today=build_date().isoformat())


def _next_steps(root: Path, answers: HubAnswers, here: bool) -> None:
    go = "" if here else f"cd {root}\n  "
    steps = [
        f"Your hub '{answers.name}' is ready. Next:",
        f"  {go}python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
        "  .venv/bin/mentorhub new person \"Your Name\"   # your first profile",
        "  .venv/bin/mentorhub check && .venv/bin/mkdocs serve",
    ]
    if not answers.engine.startswith("mentorhub @"):
        steps.append(f"requirements.txt pins '{answers.engine}'; point it at the engine's git URL or "
                     "wheel before pushing (the file shows both).")
    if answers.repository.startswith("your-org/"):
        steps.append("Replace your-org/ in mkdocs.yml and .github/CODEOWNERS with your repository.")
    print("\n".join(steps))


def _check(project: Path) -> int:
    try:
        config = read_config(project / "mkdocs.yml")
    except yaml.YAMLError as exc:
        print(one_line(f"mkdocs.yml: cannot be read ({exc})"), file=sys.stderr)
        return 2
    problems = list(config_problems(config))
    for problem in problems:
        print(one_line(str(problem)))
    for suggestion in config_suggestions(config):  # worth doing, but not a failure
        print(one_line(f"suggestion: {suggestion}"))
    if problems:
        print(f"\n{len(problems)} thing(s) to change in {project / 'mkdocs.yml'}.", file=sys.stderr)
        return 1
    print("mkdocs.yml has everything this version of mentorhub expects.", file=sys.stderr)
    return 0
