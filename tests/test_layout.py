"""The package's rooms and who may import whom (docs/reference/architecture.md).

Every import in `plugins/mentorhub/` is parsed with `ast`, resolved to the room it
reaches, and checked against the house rules, so the layout cannot drift: a new
upward or sideways import fails here with the offending line.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "mentorhub"

#: Which rooms each room may import ("" is the package root: `__version__`).
#: commands/ and mkdocs/ are the entry points: they may import anything, and
#: nothing imports them.
#: i18n/ (catalogs and CLDR formats) imports nothing of ours, so every room may use it.
ALLOWED: dict[str, frozenset[str]] = {
    "": frozenset({""}),
    "i18n": frozenset({"", "i18n"}),
    "hub": frozenset({"", "hub", "i18n", "forked"}),  # forked: pass 1 shared by processes
    "site": frozenset({"", "hub", "site", "i18n", "forked"}),  # forked: pages on every core
    "matching": frozenset({"", "hub", "matching", "i18n"}),
    "cycle": frozenset({"", "hub", "cycle", "i18n"}),
    "impact": frozenset({"", "hub", "site", "impact", "i18n", "cycle"}),
    "search": frozenset({"", "hub", "site", "search", "i18n", "deleting"}),  # deleting: the mirror
    "feeds": frozenset({"", "hub", "site", "i18n"}),
    "changes": frozenset({"", "hub", "i18n"}),
    "verify": frozenset({"", "hub", "verify", "i18n"}),
    "nudges": frozenset({"", "hub", "nudges"}),
    "releases": frozenset({"", "releases"}),
    "images": frozenset({"", "hub", "site", "images", "i18n"}),
    "importer": frozenset({"", "hub", "importer", "i18n"}),
}
ENTRY_POINTS = frozenset({"commands", "mkdocs"})
#: Third-party engines only the MkDocs adapters may import (the core stays engine-agnostic).
ENGINE_PACKAGES = frozenset({"mkdocs", "material"})


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def room_of(module: str) -> str | None:
    """The room of an absolute module name inside mentorhub, or None for another package."""
    parts = module.split(".")
    if parts[0] != "mentorhub":
        return None
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in a file, lazy ones inside functions too."""
    module = _module_name(path, package)
    current = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                parts = current.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, node.module] if node.module else parts)
            # `from pkg import name` reaches module pkg.name when that is a module file.
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((node.lineno, candidate if _is_module(candidate, package) else base))
    return found


def _is_module(module: str, package: Path) -> bool:
    path = package.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def check_layout(package: Path) -> list[Violation]:
    violations: list[Violation] = []
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] == "scaffold":
            continue  # files `mentorhub init` copies into a hub: data, not package code
        own = room_of(_module_name(path, package)) or ""
        if own == "" and path.name != "__init__.py":
            own = path.stem  # top-level modules (feeds, changes) are rooms of their own
        shown = path.relative_to(package.parent).as_posix()
        for line, target in imported_modules(path, package):
            top = target.split(".")[0]
            if top in ENGINE_PACKAGES and own != "mkdocs":
                violations.append(Violation(shown, line, f"only mkdocs/ may import {top}"))
                continue
            room = room_of(target)
            if room is None or own in ENTRY_POINTS:
                continue
            allowed = ALLOWED.get(own)
            if allowed is None:
                violations.append(Violation(shown, line, f"'{own}' is not a known room: add it to "
                                                         "docs/reference/architecture.md and "
                                                         "tests/test_layout.py"))
                break
            if room not in allowed:
                where = f"{room}/" if room else "the package root"
                violations.append(Violation(shown, line,
                                            f"{own or 'the package root'} may not import {where} "
                                            f"({target})"))
    return violations


def test_the_package_keeps_its_rooms() -> None:
    violations = check_layout(PACKAGE)
    assert not violations, "\n".join(map(str, violations))


def test_each_room_says_what_it_owns_and_may_import() -> None:
    for room in ("hub", "i18n", "site", "impact", "search", "matching", "verify", "commands", "mkdocs"):
        init = PACKAGE / room / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init} needs a docstring saying what the room owns"


@pytest.mark.parametrize(
    ("room", "module", "source", "expected"),
    [
        ("hub", "loader.py", "from ..site.render import x\n",
         "hub may not import site/ (mentorhub.site.render)"),
        ("hub", "loader.py", "import mentorhub.matching\n",
         "hub may not import matching/ (mentorhub.matching)"),
        ("site", "render.py", "def f():\n    from ..impact import kpis\n",
         "site may not import impact/ (mentorhub.impact)"),
        ("matching", "suggest.py", "from ..search.meta import x\n",
         "matching may not import search/ (mentorhub.search.meta)"),
        ("impact", "kpis.py", "from ..commands import check\n",
         "impact may not import commands/ (mentorhub.commands)"),
        ("site", "urls.py", "from .. import changes\n",
         "site may not import changes/ (mentorhub.changes)"),
        ("i18n", "localizer.py", "from ..hub.models import Hub\n",
         "i18n may not import hub/ (mentorhub.hub.models)"),
        ("search", "meta.py", "from mkdocs.config import base\n", "only mkdocs/ may import mkdocs"),
    ],
)
def test_a_forbidden_import_is_named_with_its_line(
    tmp_path: Path, room: str, module: str, source: str, expected: str
) -> None:
    package = tmp_path / "mentorhub"
    (package / room).mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / room / "__init__.py").write_text('"""A room."""\n')
    (package / room / module).write_text("from __future__ import annotations\n" + source)
    (package / "changes.py").write_text("")
    line = source.count("\n") + 1  # the last line of the source, after the __future__ line
    assert [str(v) for v in check_layout(package)] == [f"mentorhub/{room}/{module}:{line}: {expected}"]


def test_the_layout_test_accepts_allowed_imports(tmp_path: Path) -> None:
    package = tmp_path / "mentorhub"
    for room in ("hub", "site", "commands"):
        (package / room).mkdir(parents=True)
        (package / room / "__init__.py").write_text('"""A room."""\n')
    (package / "__init__.py").write_text('__version__ = "0"\n')
    (package / "site" / "render.py").write_text("from ..hub.models import Hub\nfrom . import urls\n")
    (package / "commands" / "kpi.py").write_text("from ..site.render import x\nimport mkdocs\n")
    assert check_layout(package) == [
        Violation("mentorhub/commands/kpi.py", 2, "only mkdocs/ may import mkdocs")
    ]
