"""The docs tell the truth about what they name.

The organizers' guide (docs/guide/) is read by someone whose hub was made by
`mentorhub init`, not by an engine developer: every `mentorhub <command>` it names is a
real subcommand, and every file path in its code spans is one such a hub has (or a
place the hub's commands and builds create). Sections for engine developers say so in
their heading and are left out. Every relative link in docs/, README.md,
CONTRIBUTING.md and CHANGELOG.md resolves, anchors included.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorhub.commands.cli import COMMANDS, MODULES, main

from conftest import REPO

GUIDE = REPO / "docs" / "guide"
#: Guide pages that other branches add under docs/ and the lead moves into docs/guide/ at
#: merge time; the index links them already. A link to one is accepted only while it is missing.
ARRIVING = {REPO / "docs/guide/importing.md"}
LINKED_PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", REPO / "CHANGELOG.md",
                *sorted((REPO / "docs").rglob("*.md"))]

#: A heading with one of these words starts a section written for engine developers.
DEVELOPER_HEADING = re.compile(r"engine developers|engine maintainers|the engine's (own|tests)", re.I)
#: Places a hub gains after `init`: the built site, the organizer reports beside it,
#: relationship records (`pair start`), the nudges' issue body, and what contributors
#: add under content/.
CREATED_LATER = {"site", "reports", "records", "nudges.md", "content/people", "content/resources",
                 "content/sessions", "content/stories", "content/pages", "content/media",
                 "content/index.md", "content/matching.yml", "overrides/mentorhub", "overrides/partials",
                 "public"}
#: Files a hub may add for another host (docs/guide/deploying.md writes them out in full).
HOSTING_FILES = {".gitlab-ci.yml", "netlify.toml", "wrangler.toml"}
#: Top-level folders of the engine's repository that a hub does not have.
ENGINE_ONLY = re.compile(r"^(scripts|plugins|tests|benchmarks|vendor-js)/|example-org")
#: A path is checked when it starts at the top of a hub (or of the engine's repository);
#: other relative paths in code spans are site addresses (`impact/`) or module names.
HUB_ROOTS = {".github", "content", "overrides", "hooks", "records", "reports", "site", "public", "docs",
             }
PATH = re.compile(r"^\.?[\w-]+(?:/[\w.<>{}*…%-]+)*/?$")
SUFFIXES = (".yml", ".yaml", ".md", ".txt", ".toml", ".json", ".py", ".sh", ".html", ".cfg")


def subcommands() -> dict[str, set[str]]:
    """Every `mentorhub` subcommand, and the sub-subcommands of those that have them."""
    parser = argparse.ArgumentParser(prog="mentorhub")
    subparsers = parser.add_subparsers(dest="command")
    for name in COMMANDS:
        importlib.import_module(f"mentorhub.commands.{MODULES.get(name, name)}").register(subparsers)
    found: dict[str, set[str]] = {}
    for name, sub in subparsers.choices.items():
        nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        found[name] = {choice for action in nested for choice in action.choices}
    return found


def reader_text(markdown: str) -> str:
    """The page without its sections for engine developers."""
    kept: list[str] = []
    skipping_below = 0
    for line in markdown.splitlines():
        heading = re.match(r"(#{1,6}) ", line)
        if heading:
            level = len(heading.group(1))
            if skipping_below and level > skipping_below:
                continue
            skipping_below = level if DEVELOPER_HEADING.search(line) else 0
        if not skipping_below:
            kept.append(line)
    return "\n".join(kept)


def code_spans(text: str) -> Iterator[str]:
    """Inline code spans and the commands of fenced shell blocks (comments left out)."""
    for block in re.findall(r"```(?:sh|bash|console|shell)\n(.*?)```", text, re.S):
        yield from (line.split(" #", 1)[0].strip() for line in block.splitlines() if not line.startswith("#"))
    yield from re.findall(r"(?<!`)`([^`\n]+)`(?!`)", re.sub(r"```.*?```", "", text, flags=re.S))


def named_commands(span: str) -> Iterator[list[str]]:
    command = r"(?:^|&& |\| |; |\$\(|\.venv/bin/)mentorhub ([a-z][a-z-]*(?: [a-z][a-z-]*)?)"
    for match in re.finditer(command, span):
        yield match.group(1).split()


def named_paths(span: str) -> Iterator[str]:
    for word in span.split():
        word = word.strip("()[],;:'\"")
        if "/" not in word or "://" in word or word.startswith(("/", "~", "-", "$", "..", "@")):
            continue
        if not PATH.match(word) or not (word.endswith("/") or word.endswith(SUFFIXES) or "." not in word):
            continue
        if word.split("/", 1)[0] in HUB_ROOTS or word.startswith(".") or ENGINE_ONLY.search(word):
            yield word


def path_problem(path: str, hub_files: set[str]) -> str | None:
    """Why `path` is not one a hub made by `init` has, or None."""
    if ENGINE_ONLY.search(path):
        return "only the engine's repository has it"
    fixed = re.split(r"[<{*…%]", path, maxsplit=1)[0].rstrip("/")
    hub_places = hub_files | {str(Path(f).parent) for f in hub_files} | {
        "/".join(f.split("/")[:n]) for f in hub_files for n in range(1, f.count("/") + 1)}
    if fixed in hub_places or fixed in HOSTING_FILES:
        return None
    if any(fixed == place or fixed.startswith(place + "/") for place in CREATED_LATER):
        return None
    if "<" in path or "{" in path or "*" in path:  # a pattern: its fixed part must lead somewhere real
        return None if any(p.startswith(fixed) for p in hub_places | CREATED_LATER) else "no such place"
    return "a hub made by mentorhub init has no such file"


def guide_problems(markdown: str, page: str, commands: dict[str, set[str]],
                   hub_files: set[str]) -> list[str]:
    problems = []
    for span in code_spans(reader_text(markdown)):
        for words in named_commands(span):
            if words[0] not in commands:
                problems.append(f"{page}: `mentorhub {words[0]}` is not a command ({span})")
            elif commands[words[0]] and len(words) > 1 and words[1] not in commands[words[0]]:
                problems.append(f"{page}: `mentorhub {' '.join(words)}` is not a command ({span})")
        for path in named_paths(span):
            if (why := path_problem(path, hub_files)):
                problems.append(f"{page}: `{path}`: {why}")
    return problems


@pytest.fixture(scope="module")
def hub_files(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    root = tmp_path_factory.mktemp("guide") / "hub"
    assert main(["init", str(root), "--no-input", "--example", "--name", "Guide Hub",
                 "--repository", "guide-org/hub"]) == 0
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_the_guide_names_only_commands_and_files_a_new_hub_has(hub_files: set[str]) -> None:
    commands = subcommands()
    pages = sorted(GUIDE.glob("*.md"))
    assert len(pages) >= 10
    problems = [p for page in pages
                for p in guide_problems(page.read_text(encoding="utf-8"), page.name, commands, hub_files)]
    problems += [f"{page.name}: names the engine's placeholder organisation example-org" for page in pages
                 if "example-org" in reader_text(page.read_text(encoding="utf-8"))]
    assert problems == []


def test_the_guide_check_finds_the_engines_ci_and_unknown_commands(hub_files: set[str]) -> None:
    page = """# Publishing

The workflow runs `scripts/test.sh` and `mentorhub publish`, then `mentorhub pair begin`.
Edit `.github/workflows/release.yml` and `example-org/mentorhub`.

```sh
.venv/bin/mentorhub check && mentorhub verify site
```

## Making a release (engine maintainers)

`scripts/release.sh` and `mentorhub tag`, for developers only.
"""
    problems = guide_problems(page, "bad.md", subcommands(), hub_files)
    assert sorted(problems) == sorted([
        "bad.md: `mentorhub publish` is not a command (mentorhub publish)",
        "bad.md: `mentorhub pair begin` is not a command (mentorhub pair begin)",
        "bad.md: `scripts/test.sh`: only the engine's repository has it",
        "bad.md: `.github/workflows/release.yml`: a hub made by mentorhub init has no such file",
        "bad.md: `example-org/mentorhub`: only the engine's repository has it",
    ])


def test_the_hubs_own_files_pass(hub_files: set[str]) -> None:
    for path in (".github/workflows/pr.yml", "requirements.txt", "content/skills.yml",
                 "content/people/<id>.md", "overrides/mentorhub/<template>.html", "site/", ".gitlab-ci.yml"):
        assert path_problem(path, hub_files) is None, path


def github_anchor(heading: str) -> str:
    """The anchor GitHub (and MkDocs' toc with `slugify` left at its GitHub-like default) gives a heading."""
    text = heading.strip().replace("`", "").replace("*", "").lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    for heading in re.findall(r"^#{1,6} (.+)$", text, re.M):
        anchor, n = github_anchor(heading), 1
        while anchor in found:
            anchor, n = f"{github_anchor(heading)}-{n}", n + 1
        found.add(anchor)
    return found


def broken_links(page: Path, root: Path = REPO) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z][a-z+.-]*:", target) or target.startswith("/"):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (page.parent / file_part).resolve() if file_part else page
        if not linked.exists() and linked not in ARRIVING:
            broken.append(f"{page.relative_to(root)}: {target}: no such file")
        elif anchor and linked.exists() and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{page.relative_to(root)}: {target}: no such heading")
    return broken


def test_every_relative_link_in_the_docs_resolves() -> None:
    assert len(LINKED_PAGES) > 15
    assert [b for page in LINKED_PAGES for b in broken_links(page)] == []


def test_the_link_check_finds_a_broken_file_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Title\n\n## Going `live`\n", encoding="utf-8")
    page = tmp_path / "b.md"
    page.write_text("[ok](a.md#going-live) [no](c.md) [nohead](a.md#gone) [self](#here)\n\n## Here\n",
                    encoding="utf-8")
    found = [b.split(": ", 1)[1] for b in broken_links(page, tmp_path)]
    assert found == ["c.md: no such file", "a.md#gone: no such heading"]



#: A measured duration ("6.5 s", "43 seconds", "2 minutes"): only the benchmarks page keeps them.
DURATION = re.compile(r"\b\d[\d.,]*(?:\s|-)?(?:ms|s|seconds?|min|minutes?)\b(?! apart)")


def durations(markdown: str) -> list[str]:
    prose = re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", markdown, flags=re.S))
    return [line.strip() for line in prose.splitlines() if DURATION.search(line)]


def test_measured_times_live_only_on_the_benchmarks_page() -> None:
    pages = [p for p in LINKED_PAGES if p != REPO / "docs/reference/benchmarks.md"]
    found = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if page == REPO / "README.md":  # the quick start says how long the test command takes
            text = re.sub(r"## Quick start.*?\n## ", "## ", text, flags=re.S)
        if (lines := durations(text)):
            found[str(page.relative_to(REPO))] = lines
    assert found == {}
    assert durations("It built in 6.5 s, checked in 43 seconds.\n`every 2 s` in code\n")
