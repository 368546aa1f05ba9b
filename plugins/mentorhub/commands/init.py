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
from ..images.faces import draw_face
from ..releases import changelog_text, installed_engine, parse_changelog, pinned_version, releases_between
from ..site.build_date import build_date
from ..verify.config import config_problems, config_suggestions, read_config
from .scaffold import (
    AnswerError,
    HubAnswers,
    check_answers,
    default_site_url,
    existing,
    hub_files,
    hub_words,
    write_files,
)

#: The example person's portrait (scaffold/example/people/alex-example.md names it).


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
    parser.add_argument("--since", metavar="VERSION",
                        help="with --check: list the changes since this engine version (default: "
                             "the version requirements.txt pins)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        return _check(args.directory or Path("."), args.since)
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
    portraits = _example_portraits(written)
    clashes = existing(root, [*written, *portraits])
    if clashes:
        print(f"mentorhub init: these already exist in {root}, so nothing was written:", file=sys.stderr)
        print("\n".join(f"  {path}" for path in clashes), file=sys.stderr)
        print("Move them away (or start in an empty folder) and run it again.", file=sys.stderr)
        return 1
    write_files(root, written)
    for relative, data in portraits.items():  # the example person's drawn face (images/faces.py)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(data)
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


def _example_portraits(written: dict[str, str]) -> dict[str, bytes]:
    """A drawn face for each example person (`photo: media/people/<id>.jpg` in every language)."""
    stems = (Path(path).stem for path in written if path.startswith("content/people/"))
    return {f"content/media/people/{stem}.jpg": draw_face(stem) for stem in stems}


def _answers(args: argparse.Namespace, root: Path, ask: Asker) -> HubAnswers:
    folder = root.resolve().name or "hub"
    # The language first: every later question, and the hub itself, is in it.
    language = args.language or ask("Interface language (ISO 639-1: en, es, fr, pt, de …)", "en")
    words = hub_words(language)
    name = args.name or ask(words.gettext("Hub name"), folder.replace("-", " ").replace("_", " ").title())
    description = args.description if args.description is not None else ask(
        words.gettext("One sentence about it"), words.gettext("The mentoring hub of %(hub)s.", hub=name))
    repository = args.repository or ask(words.gettext("GitHub repository (owner/name)"), f"your-org/{folder}")
    site_url = args.site_url or ask(words.gettext("Site URL"), default_site_url(repository))
    contact = args.contact if args.contact is not None else ask(
        words.gettext("Organizers' contact (email or web page, optional)"), "")
    engine = args.engine
    if not engine:
        installed = installed_engine()
        engine = installed.requirement
        if installed.warning:
            print(f"warning: {installed.warning}", file=sys.stderr)
    return HubAnswers(name=name, description=description, site_url=site_url, repository=repository,
                      language=language, contact=contact, engine=engine,
                      today=build_date().isoformat())


def _next_steps(root: Path, answers: HubAnswers, here: bool) -> None:
    words = hub_words(answers.language)
    go = "" if here else f"cd {root}\n  "
    your_name = words.gettext("Your Name")
    steps = [
        words.gettext("Your hub '%(name)s' is ready. Next:", name=answers.name),
        f"  {go}python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
        f"  .venv/bin/mentorhub new person \"{your_name}\"   # " + words.gettext("your first profile"),
        "  .venv/bin/mentorhub check && .venv/bin/mkdocs serve",
    ]
    if not answers.engine or answers.engine.startswith("mentorhub @ file:"):
        steps.append(words.gettext("requirements.txt pins '%(engine)s'; point it at the engine's git URL or "
                                   "wheel before pushing (the file shows both).", engine=answers.engine))
    if answers.repository.startswith("your-org/"):
        steps.append(words.gettext("Replace your-org/ in mkdocs.yml and .github/CODEOWNERS with your "
                                   "repository."))
    print("\n".join(steps))


def _check(project: Path, since: str | None) -> int:
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
    _print_changes_since_pin(project, since)
    if problems:
        print(f"\n{len(problems)} thing(s) to change in {project / 'mkdocs.yml'}.", file=sys.stderr)
        return 1
    print("mkdocs.yml has everything this version of mentorhub expects.", file=sys.stderr)
    return 0


def _print_changes_since_pin(project: Path, since: str | None) -> None:
    """The changelog entries between the version requirements.txt pins and the installed engine."""
    installed = installed_engine()
    requirements = project / "requirements.txt"
    if not requirements.is_file() and since is None:
        return  # not a hub made by `init` (e.g. the engine's own demo)
    text = requirements.read_text(encoding="utf-8") if requirements.is_file() else ""
    pin = next((line.strip() for line in text.splitlines() if line.strip().startswith("mentorhub")), "")
    if since is None and pin == installed.requirement:
        return  # the hub pins exactly this engine
    pinned = since or pinned_version(text)
    if pinned is None:
        print(f"note: {requirements} names no engine version, so the changes since it cannot be listed "
              "(add '# mentorhub version: X.Y.Z' above the pin, or pass --since X.Y.Z)", file=sys.stderr)
        return
    changes = releases_between(parse_changelog(changelog_text()), pinned, installed.version)
    if not changes:
        return
    print(f"\nWhat changed since the hub's pin ({pinned}) up to the installed engine "
          f"({installed.describe}); read each Upgrading note:")
    for release in changes:
        heading = (f"{release.name} ({release.date})" if release.date else
                   f"{release.name}: changes after the last release that this engine may include")
        print(f"\n## {heading}\n")
        print("\n".join(one_line(line) for line in release.text.splitlines()))
