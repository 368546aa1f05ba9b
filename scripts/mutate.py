#!/usr/bin/env python3
"""Mutation testing for the privacy and safety core: do the tests notice a planted bug?

    .venv/bin/python scripts/mutate.py plugins/mentorhub/hub/pii.py
    .venv/bin/python scripts/mutate.py plugins/mentorhub/matching/options.py --only MatchOptions.exposure_cap
    .venv/bin/python scripts/mutate.py --all              # every module of MODULES, one at a time
    .venv/bin/python scripts/mutate.py MODULE --list      # the mutants, without running anything

Each mutant is one small change to the module's syntax tree (a comparison flipped,
`and` for `or`, a constant moved by one, a statement deleted, a dangerous value added
to an allow-list set …). It is written **to the module's real file**, because the
package is installed editable and many tests build a site in a subprocess that
imports it afresh; bytecode caches are removed and not written, so every process sees
the mutant. The original is restored after each mutant and on any exit (Ctrl-C,
SIGTERM, an error); a backup beside the file (`<module>.py.mutate-backup`) is
restored by the next run if the machine itself went down. Do not edit the module
while a run is going on.

The tests run are the few files that cover the module (MODULES below, or --tests), so
a run takes minutes. A mutant is *killed* when they fail (or exceed the time limit),
*survives* when they pass. Survivors that no test could ever catch (the change does
not alter behaviour) are listed with the reason in scripts/mutate-equivalent.txt and
left out of the score. docs/reference/mutation-testing.md. Not part of CI: run it with `nice`.
"""

from __future__ import annotations

import argparse
import ast
import copy
import dataclasses
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "plugins" / "mentorhub"
EQUIVALENT_FILE = REPO / "scripts" / "mutate-equivalent.txt"

#: Module → the tests that cover it (pytest arguments, fast: no full builds), and
#: optionally the functions to mutate (qualified names; empty: the whole module).
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "hub/pii.py": (["tests/test_pii.py", "tests/test_mutation_rules.py", "tests/test_linear_cost.py",
                    "tests/test_validation_cases.py"], []),
    "site/sanitize.py": (["tests/test_mutation_rules.py", "tests/test_free_pages.py",
                          "tests/test_page_html.py", "tests/test_browser_urls.py",
                          "-k", "not built", "-m", "not build"], []),
    "impact/kpis.py": (["tests/test_kpis.py", "tests/test_kpis_settled.py", "-m", "not build"],
                       ["compute_kpis", "_satisfaction", "_confidence", "_dated", "_group_of",
                        "_sessions", "_stories", "_groups", "withhold", "_withhold_settled",
                        "_publish", "_rated", "Rated", "Tally"]),
    "impact/settled.py": (["tests/test_kpis_settled.py", "-m", "not build"], []),
    "hub/quoting.py": (["tests/test_mutation_rules.py", "tests/test_pii.py",
                        "tests/test_validation_cases.py"], []),
    "matching/allocate.py": (["tests/test_matching_cohort.py", "tests/test_mutation_rules.py"], []),
    "matching/options.py": (["tests/test_matching_rules.py", "tests/test_mutation_rules.py"],
                            ["MatchOptions.exposure_cap"]),
    "matching/suggest.py": (["tests/test_matching_rules.py", "tests/test_matching_preferences.py",
                             "tests/test_mutation_rules.py", "-k", "not peer_suggestions and not circle"],
                            []),
    "hub/names.py": (["tests/test_draft_authors.py", "-m", "not build"], []),
    "hub/anonymity.py": (["tests/test_anonymous_stories.py", "-m", "not build"], []),
    "hub/browser_urls.py": (["tests/test_browser_urls.py", "tests/test_validation_cases.py",
                             "tests/test_mutation_rules.py", "-m", "not build"], []),
    "hub/email_rule.py": (["tests/test_sealed_untrusted.py", "tests/test_sealing.py",
                           "tests/test_validation_cases.py", "tests/test_join_schema.py",
                           "tests/test_mutation_rules.py", "-m", "not build"], []),
    "hub/sealing.py": (["tests/test_sealing.py", "tests/test_sealed_untrusted.py", "tests/test_diff.py",
                        "tests/test_mutation_rules.py", "-m", "not build"], []),
    "hub/body_shape.py": (["tests/test_body_limits.py", "tests/test_mutation_rules.py", "-m", "not build"],
                          []),
    "changes.py": (["tests/test_diff.py", "tests/test_mutation_rules.py"], []),
}

#: Slower tests (site builds) that a survivor of the fast ones is run against too
#: (--second-line), so a run stays quick and the score still counts what they catch.
SECOND_LINE: dict[str, list[str]] = {
    "hub/pii.py": ["tests/test_safety.py", "tests/test_output_safety.py"],
    "site/sanitize.py": ["tests/test_safety.py", "tests/test_output_safety.py"],
}

#: Values an allow-list must never gain (HTML elements and attributes that carry
#: forms, styles or scripts; URL schemes that embed content).
DANGEROUS = ("form", "input", "style", "script", "data", "javascript", "iframe", "srcdoc")

_COMPARE_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
_BINOP_SWAP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
}
_NAME_SWAP = {"min": "max", "max": "min", "any": "all", "all": "any"}


@dataclasses.dataclass(frozen=True)
class Mutant:
    index: int  # position of the node in the walk (same in a deep copy)
    variant: int
    line: int
    qualname: str
    description: str

    def key(self, module: str) -> str:
        """Stable across edits elsewhere in the file: no line number."""
        return f"{module}::{self.qualname}::{self.description}"


# -- finding mutation points -----------------------------------------------------------------


def _walk(tree: ast.AST) -> Iterator[tuple[ast.AST, str, bool]]:
    """Every node in a fixed order, with its function's qualified name and whether it is
    code that runs (annotations and docstrings are not)."""
    def visit(node: ast.AST, qualname: str, live: bool) -> Iterator[tuple[ast.AST, str, bool]]:
        yield node, qualname, live
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            qualname = f"{qualname}.{node.name}" if qualname else node.name
        for name, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            for position, child in enumerate(children):
                if not isinstance(child, ast.AST):
                    continue
                dead = name in ("annotation", "returns") or (
                    name == "body" and position == 0 and _is_docstring(child))
                yield from visit(child, qualname, live and not dead)
    yield from visit(tree, "", True)


def _is_docstring(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
        and isinstance(node.value.value, str)


def _variants(node: ast.AST) -> list[tuple[str, Callable[[ast.AST], ast.AST | None]]]:
    """(description, change) for each mutant of `node`; a change edits the node in place
    and returns a replacement node, or None to keep it."""
    found: list[tuple[str, Callable[[ast.AST], ast.AST | None]]] = []
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _COMPARE_SWAP:
                new = _COMPARE_SWAP[type(op)]
                found.append((f"{type(op).__name__}->{new.__name__} in `{_src(node)}`",
                              lambda n, i=i, new=new: _set_op(n, i, new())))
    elif isinstance(node, ast.BoolOp):
        new_op: type[ast.boolop] = ast.Or if isinstance(node.op, ast.And) else ast.And
        found.append((f"{type(node.op).__name__}->{new_op.__name__} in `{_src(node)}`",
                      lambda n: setattr(n, "op", new_op()) or None))
    elif isinstance(node, ast.BinOp) and type(node.op) in _BINOP_SWAP:
        new_bin = _BINOP_SWAP[type(node.op)]
        found.append((f"{type(node.op).__name__}->{new_bin.__name__} in `{_src(node)}`",
                      lambda n: setattr(n, "op", new_bin()) or None))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        found.append((f"drop {type(node.op).__name__} in `{_src(node)}`",
                      lambda n: n.operand))  # type: ignore[attr-defined]
    elif isinstance(node, ast.Constant):
        found.extend(_constant_variants(node))
    elif isinstance(node, (ast.Set, ast.List, ast.Tuple)) and len(node.elts) >= 2 \
            and all(isinstance(e, ast.Constant) for e in node.elts):
        for i, element in enumerate(node.elts):
            found.append((f"remove {_src(element)} from `{_src(node)}`",
                          lambda n, i=i: _remove(n, i)))
        strings = {e.value for e in node.elts if isinstance(e, ast.Constant)}
        if isinstance(node, ast.Set) and all(isinstance(s, str) for s in strings):
            for extra in DANGEROUS:
                if extra not in strings:
                    found.append((f"add {extra!r} to `{_src(node)}`",
                                  lambda n, extra=extra: _add(n, extra)))
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NAME_SWAP:
        swapped = _NAME_SWAP[node.func.id]
        found.append((f"{node.func.id}->{swapped} in `{_src(node)}`",
                      lambda n: setattr(n.func, "id", swapped) or None))  # type: ignore[attr-defined]
    elif isinstance(node, ast.If):
        found.append((f"negate if `{_src(node.test)}`",
                      lambda n: setattr(n, "test", ast.UnaryOp(ast.Not(), n.test)) or None))  # type: ignore[attr-defined]
    elif isinstance(node, (ast.Expr, ast.AugAssign, ast.Continue, ast.Break)):
        found.append((f"delete `{_src(node)}`", lambda n: ast.Pass()))
    return found


def _constant_variants(node: ast.Constant) -> list[tuple[str, Callable[[ast.AST], ast.AST | None]]]:
    value = node.value
    if isinstance(value, bool):
        return [(f"{value}->{not value}", lambda n: setattr(n, "value", not value) or None)]
    if isinstance(value, int):
        new = 0 if value == 1 else value + 1
        return [(f"{value}->{new}", lambda n: setattr(n, "value", new) or None)]
    if isinstance(value, float):
        return [(f"{value}->{value + 1}", lambda n: setattr(n, "value", value + 1) or None)]
    if isinstance(value, str) and any(c.isdigit() for c in value) and len(value) < 200:
        # the digits of a pattern (`{2,}`, `{5,}`) or a format: each moved by one
        found = []
        for i, char in enumerate(value):
            if char.isdigit():
                text = value[:i] + str((int(char) + 1) % 10) + value[i + 1:]
                found.append((f"digit {i} of {value!r} -> {char}+1",
                              lambda n, text=text: setattr(n, "value", text) or None))
        return found
    return []


def _set_op(node: ast.AST, index: int, op: ast.cmpop) -> None:
    node.ops[index] = op  # type: ignore[attr-defined]


def _remove(node: ast.AST, index: int) -> None:
    del node.elts[index]  # type: ignore[attr-defined]


def _add(node: ast.AST, value: str) -> None:
    node.elts.append(ast.Constant(value))  # type: ignore[attr-defined]


def _src(node: ast.AST) -> str:
    text = ast.unparse(node).replace("\n", " ")
    return text if len(text) <= 70 else text[:69] + "…"


def mutants(tree: ast.Module, only: list[str]) -> list[Mutant]:
    found = []
    seen: dict[tuple[str, str], int] = {}
    for index, (node, qualname, live) in enumerate(_walk(tree)):
        if not live or (only and not any(qualname == o or qualname.startswith(o + ".") for o in only)):
            continue
        for variant, (description, _) in enumerate(_variants(node)):
            name = qualname or "<module>"
            # the same change twice in one function (two `1`s): the second is "#2", and so on
            count = seen[name, description] = seen.get((name, description), 0) + 1
            found.append(Mutant(index, variant, getattr(node, "lineno", 0), name,
                                description if count == 1 else f"{description} #{count}"))
    return found


def mutated_source(tree: ast.Module, mutant: Mutant) -> str:
    copied = copy.deepcopy(tree)
    parents: dict[int, tuple[ast.AST, str, int | None]] = {}
    nodes = []
    for node, _, _ in _walk(copied):
        nodes.append(node)
        for name, value in ast.iter_fields(node):
            if isinstance(value, list):
                for position, child in enumerate(value):
                    if isinstance(child, ast.AST):
                        parents[id(child)] = (node, name, position)
            elif isinstance(value, ast.AST):
                parents[id(value)] = (node, name, None)
    target = nodes[mutant.index]
    _, change = _variants(target)[mutant.variant]
    replacement = change(target)
    if replacement is not None:
        parent, name, position = parents[id(target)]
        if position is None:
            setattr(parent, name, replacement)
        else:
            getattr(parent, name)[position] = replacement
    return ast.unparse(ast.fix_missing_locations(copied)) + "\n"


# -- running ---------------------------------------------------------------------------------


class Guard:
    """Holds the module's original bytes and puts them back, whatever happens."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.backup = path.with_name(path.name + ".mutate-backup")
        self.lock = path.with_name(path.name + ".mutate-lock")
        if self.lock.exists() and _alive(self.lock.read_text(encoding="utf-8").strip()):
            raise SystemExit(f"{path}: another mutation run (pid {self.lock.read_text().strip()}) "
                             "is using this module; wait for it")
        self.lock.write_text(str(os.getpid()), encoding="utf-8")
        if self.backup.exists():
            print(f"restoring {self.path} from {self.backup.name} (an earlier run was cut off)")
            os.replace(self.backup, self.path)
        self.original = path.read_bytes()
        self.backup.write_bytes(self.original)

    def write(self, text: str) -> None:
        _drop_bytecode(self.path)
        self.path.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        self.path.write_bytes(self.original)
        _drop_bytecode(self.path)
        self.backup.unlink(missing_ok=True)
        self.lock.unlink(missing_ok=True)


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _drop_bytecode(path: Path) -> None:
    for cached in (path.parent / "__pycache__").glob(f"{path.stem}.*.pyc"):
        cached.unlink(missing_ok=True)


def run_tests(args: list[str], timeout: float) -> tuple[str, float]:
    """'passed', 'failed' or 'timeout', and the seconds taken."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *args]
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        code = process.wait(timeout=timeout)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)  # the test run and the builds it started
        process.wait()
        if sys.exc_info()[0] is subprocess.TimeoutExpired:
            return "timeout", time.monotonic() - start
        raise
    return ("passed" if code == 0 else "failed"), time.monotonic() - start


def equivalents() -> dict[str, str]:
    """Mutant keys known to be equivalent → the reason."""
    found = {}
    if EQUIVALENT_FILE.exists():
        for line in EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, reason = line.partition("  # ")
                found[key.strip()] = reason.strip()
    return found


def mutate_module(module: str, tests: list[str], only: list[str], list_only: bool,
                  second_line: list[str] | None = None,
                  keys: set[str] | None = None) -> tuple[int, int, int]:
    """Run every mutant of `module` (or those whose key is in `keys`); (killed, survived, equivalent)."""
    path = PACKAGE / module
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = [m for m in mutants(tree, only) if keys is None or m.key(module) in keys]
    known = equivalents()
    print(f"== {module}: {len(found)} mutants; tests: {' '.join(tests)}", flush=True)
    if list_only:
        for m in found:
            print(f"  {module}:{m.line}: {m.key(module)}")
        return 0, 0, 0
    guard = Guard(path)
    killed = survived = equivalent = 0
    try:
        status, baseline = run_tests(tests, timeout=600)
        if status != "passed":
            raise SystemExit(f"{module}: the tests fail without any mutant; fix them first")
        guard.write(ast.unparse(tree) + "\n")  # the unparsed original must pass too
        status, _ = run_tests(tests, timeout=600)
        if status != "passed":
            raise SystemExit(f"{module}: the tests fail on the unparsed original (do they read its source?)")
        limit = max(10.0, 3 * baseline)
        for number, m in enumerate(found, 1):
            guard.write(mutated_source(tree, m))
            status, _ = run_tests(tests, timeout=limit)
            if status == "passed" and second_line:
                status, _ = run_tests(second_line, timeout=600)
            key = m.key(module)
            if status == "passed" and key in known:
                equivalent += 1
                outcome = "equivalent"
            elif status == "passed":
                survived += 1
                outcome = "SURVIVED"
            else:
                killed += 1
                outcome = "killed" if status == "failed" else "killed (timeout)"
            print(f"  [{number}/{len(found)}] {outcome:16} {module}:{m.line}: {key}", flush=True)
    finally:
        guard.restore()
    real = len(found) - equivalent
    score = 100.0 * killed / real if real else 100.0
    print(f"== {module}: {killed} killed, {survived} survived, {equivalent} equivalent: "
          f"{score:.1f} % of non-equivalent mutants killed", flush=True)
    return killed, survived, equivalent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="module paths (plugins/mentorhub/… or hub/pii.py)")
    parser.add_argument("--all", action="store_true", help="every module listed in MODULES")
    parser.add_argument("--tests", help="pytest arguments instead of the module's own, in one "
                                        "string (\"tests/test_x.py -k 'not slow'\")")
    parser.add_argument("--only", help="comma-separated functions (qualified names) to mutate")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--survivors-of", type=Path, metavar="LOG",
                        help="run only the mutants a previous run's output (LOG) lists as SURVIVED")
    parser.add_argument("--second-line", action="store_true",
                        help="run a survivor against the module's slower tests too (SECOND_LINE)")
    args = parser.parse_args(argv)
    names = list(MODULES) if args.all else [_module_name(m) for m in args.modules]
    if not names:
        parser.error("name a module or use --all")
    # SIGTERM and SIGHUP end the run like Ctrl-C does, so the original is restored.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.default_int_handler)
    totals = [0, 0, 0]
    for name in names:
        tests, only = MODULES.get(name, ([], []))
        tests = shlex.split(args.tests) if args.tests else tests
        if not tests:
            parser.error(f"{name}: no tests known for it; pass --tests")
        chosen = args.only.split(",") if args.only else only
        slow = SECOND_LINE.get(name) if args.second_line else None
        keys = _survivors(args.survivors_of) if args.survivors_of else None
        for i, n in enumerate(mutate_module(name, tests, chosen, args.list, slow, keys)):
            totals[i] += n
    killed, survived, equivalent = totals
    if len(names) > 1 and not args.list:
        real = killed + survived
        print(f"== total: {killed} killed, {survived} survived, {equivalent} equivalent: "
              f"{100.0 * killed / real if real else 100.0:.1f} %")
    return 1 if survived else 0


def _survivors(log: Path) -> set[str]:
    """Keys of the mutants a previous run's output lists as SURVIVED."""
    found = set()
    for line in log.read_text(encoding="utf-8").splitlines():
        if " SURVIVED " in line:
            found.add(line.split(": ", 1)[1])  # after "module.py:LINE: "
    return found


def _module_name(text: str) -> str:
    path = Path(text)
    if path.is_absolute():
        path = path.relative_to(PACKAGE)
    parts = path.parts
    if "mentorhub" in parts:
        parts = parts[parts.index("mentorhub") + 1:]
    return Path(*parts).as_posix()


if __name__ == "__main__":
    sys.exit(main())
