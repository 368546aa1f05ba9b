"""Published means cannot be differenced across builds.

docs/guide/impact.md, "Figures that cannot be differenced".

The rule protected here: a published mean moves only when at least `min_responses`
new responses stand behind the change. Replayed as an attacker would: take the
figures before and after a change that adds one response, or `min_responses` − 1,
and try to recover what was added — from `compute_kpis`, from two real builds'
`kpi.json` and Impact pages, and from `mentorhub diff`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_diff import git, write
from test_kpis import SKILLS, by_id

from mentorhub.commands.cli import main
from mentorhub.hub.models import Hub, Session, Source, Story
from mentorhub.impact.kpis import compute_kpis
from mentorhub.impact.settled import Tally, atoms, settle, settle_cells, settled_count

from conftest import MENTOR_MO, run_mkdocs, write_project

K = 5
AS_OF = dt.date(2026, 11, 22)


# -- the rule on its own ---------------------------------------------------------------------


blocks_strategy = st.lists(st.integers(0, 9), max_size=30)


@given(blocks_strategy, blocks_strategy, st.integers(1, 8))
def test_appending_blocks_never_moves_an_earlier_cut(first: list[int], more: list[int], k: int) -> None:
    before = [Tally(n, 3.0 * n) for n in first]
    after = before + [Tally(n, 3.0 * n) for n in more]
    assert atoms(after, k)[:len(atoms(before, k))] == atoms(before, k)
    assert settled_count(after, k) >= settled_count(before, k)


@given(blocks_strategy, st.integers(1, 8))
def test_every_atom_holds_at_least_min_responses_and_the_rest_is_short(sizes: list[int], k: int) -> None:
    blocks = [Tally(n, float(n)) for n in sizes]
    cut = atoms(blocks, k)
    assert all(atom.responses >= k for atom in cut)
    assert settle(blocks, k) == sum(cut, Tally())
    pending = sum(b.responses for b in blocks[settled_count(blocks, k):])
    assert pending < k  # nothing that could close an atom is left waiting


def test_cells_are_cut_apart_in_order_and_blocks_without_responses_are_skipped() -> None:
    items = [("b", "x", 3, 3.0), ("a", "x", 2, 5.0), ("c", "y", 4, 1.0), ("d", "x", 0, 0.0),
             ("e", "y", 1, 2.0)]
    settled = settle_cells(items, cell=lambda i: i[1], tally=lambda i: Tally(i[2], i[2] * i[3]),
                           order=lambda i: i[0], min_responses=5)
    # x: a(2) + b(3) = 5 settles; y: c(4) + e(1) = 5 settles
    assert settled == {"x": Tally(5, 19.0), "y": Tally(5, 6.0)}
    assert settle_cells(items, cell=lambda i: i[1], tally=lambda i: Tally(i[2], float(i[2])),
                        order=lambda i: i[0], min_responses=6) == {"x": Tally(), "y": Tally()}
    with pytest.raises(ValueError, match=r"^min_responses must be at least 1$"):
        settled_count([Tally(1, 1.0)], 0)
    assert len({Tally(1, 2.0), Tally(1, 2.0)}) == 1  # tallies are values


@given(st.lists(st.tuples(st.sampled_from("ABC"), st.integers(1, 6)), max_size=25),
       st.integers(1, 6))
def test_no_combination_of_builds_isolates_fewer_than_min_responses(
        additions: list[tuple[str, int]], k: int) -> None:
    """Every figure of every build (each cell, and the total) is a union of blocks; grouping
    blocks by which published sets hold them gives the finest thing any sum or difference of
    published figures can reveal, and each such class holds at least `k` responses."""
    published_sets: list[frozenset[int]] = []
    cells: dict[str, list[int]] = {}
    sizes: dict[int, int] = {}
    for index, (cell, size) in enumerate(additions):  # each build adds one block, dated later
        cells.setdefault(cell, []).append(index)
        sizes[index] = size
        counted = {name: frozenset(ids[:settled_count([Tally(sizes[i]) for i in ids], k)])
                   for name, ids in cells.items()}
        published_sets.extend(s for s in counted.values() if s)
        published_sets.append(frozenset().union(*counted.values()))
    classes: dict[tuple[bool, ...], int] = {}
    for block, size in sizes.items():
        signature = tuple(block in s for s in published_sets)
        if any(signature):
            classes[signature] = classes.get(signature, 0) + size
    assert all(responses >= k for responses in classes.values())


# -- replayed through compute_kpis -----------------------------------------------------------


def session(sid: str, date: dt.date, responses: int, rating: float, group: str = "") -> Session:
    return Session(id=sid, source=Source(f"content/sessions/{sid}.md"), title=sid, date=date,
                   format="workshop", facilitators=("ana",), topics=("python",), group=group,
                   feedback_responses=responses, satisfaction=rating)


def story(sid: str, date: dt.date, before: int, after: int, group: str = "") -> Story:
    return Story(id=sid, source=Source(f"content/stories/{sid}.md"), title=sid, date=date,
                 summary="s", outcomes=("other",), group=group, confidence_before=before,
                 confidence_after=after)


BASE_SESSIONS = [
    session("lab-1", dt.date(2026, 3, 1), 3, 4.0, "Lab"),
    session("lab-2", dt.date(2026, 4, 1), 4, 3.5, "Lab"),
    session("open-1", dt.date(2026, 5, 1), 6, 4.5),
]
BASE_STORIES = [story(f"s{i}", dt.date(2026, 6, i), 2, 3 + i % 3, "Lab") for i in range(1, 6)]


def kpis(sessions: list[Session], stories: list[Story]) -> dict[str, Any]:
    hub = Hub(skills=SKILLS, sessions=by_id(*sessions), stories=by_id(*stories))
    return compute_kpis(hub, AS_OF, min_responses=K).to_json()


def figures(data: dict[str, Any]) -> dict[str, tuple[float | None, int]]:
    """Every published mean with the responses it rests on, as an attacker would read them."""
    found = {
        "satisfaction": (data["sessions"]["satisfaction"], data["sessions"]["responses_counted"]),
        "confidence": (data["stories"]["confidence_gain"], data["stories"]["confidence_counted"]),
    }
    for group in data["groups"]:
        found[f"{group['name']} satisfaction"] = (group["satisfaction"], group["responses_counted"])
        found[f"{group['name']} confidence"] = (group["confidence_gain"], group["confidence_counted"])
    return found


def recoverable(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Figures whose change rests on fewer than K responses: the differencing attack."""
    leaks = []
    old, new = figures(before), figures(after)
    for name, (value, counted) in new.items():
        was, was_counted = old.get(name, (None, 0))
        if value != was and 0 < abs(counted - was_counted) < K:
            leaks.append(f"{name}: {was} ({was_counted}) → {value} ({counted})")
        if value != was and counted == was_counted:
            leaks.append(f"{name}: moved without new responses behind it")
    return leaks


def test_the_base_publishes_every_figure() -> None:
    data = kpis(BASE_SESSIONS, BASE_STORIES)
    assert data["sessions"]["satisfaction"] == 4.08  # (3 × 4 + 4 × 3.5 + 6 × 4.5) / 13
    assert data["groups"][0]["satisfaction"] == 3.71
    assert data["stories"]["confidence_gain"] is not None


@pytest.mark.parametrize("added", range(1, K))
@pytest.mark.parametrize("group", ["Lab", ""])
def test_adding_fewer_than_min_responses_moves_no_mean(added: int, group: str) -> None:
    """One response (the attack in the issue), or up to K − 1, in one session or several."""
    base = kpis(BASE_SESSIONS, BASE_STORIES)
    one_block = [session("new", dt.date(2026, 11, 1), added, 1.0, group)]
    singles = [session(f"new-{i}", dt.date(2026, 11, i + 1), 1, 1.0, group) for i in range(added)]
    for extra in (one_block, singles):
        after = kpis(BASE_SESSIONS + extra, BASE_STORIES)
        assert figures(after) == figures(base)
        assert after["sessions"]["responses"] == base["sessions"]["responses"] + added  # counts stay true
    stories = [story(f"new-{i}", dt.date(2026, 11, i + 1), 1, 5, group) for i in range(added)]
    assert figures(kpis(BASE_SESSIONS, BASE_STORIES + stories)) == figures(base)


def test_min_responses_new_responses_move_the_mean_and_reveal_only_their_own_mean() -> None:
    base = kpis(BASE_SESSIONS, BASE_STORIES)
    grown = [session(f"new-{i}", dt.date(2026, 11, i + 1), 1, 1.0, "Lab") for i in range(K)]
    after = kpis(BASE_SESSIONS + grown, BASE_STORIES)
    assert after["groups"][0]["responses_counted"] == base["groups"][0]["responses_counted"] + K
    assert after["groups"][0]["satisfaction"] < base["groups"][0]["satisfaction"]
    assert recoverable(base, after) == []


def test_a_replayed_series_of_pull_requests_recovers_nothing() -> None:
    """Forty builds, each adding one session of 1–3 responses to a random cell, compared pairwise."""
    import random

    rng = random.Random(19)
    sessions = list(BASE_SESSIONS)
    builds = [kpis(sessions, BASE_STORIES)]
    for i in range(40):
        sessions.append(session(f"pr-{i:02d}", dt.date(2026, 7, 1) + dt.timedelta(days=i),
                                rng.randint(1, 3), rng.choice([1.0, 2.5, 5.0]),
                                rng.choice(["Lab", "Circle", ""])))
        builds.append(kpis(sessions, BASE_STORIES))
    leaks = [leak for a in builds for b in builds for leak in recoverable(a, b)]
    assert leaks == []
    assert figures(builds[-1]) != figures(builds[0])  # the figures do move, in steps


def test_the_hub_average_is_the_settled_cells_ungrouped_included() -> None:
    """The total is every cell's settled runs, ungrouped sessions included, so nothing is
    left over for subtraction (complementary suppression in `withhold` stays as a second line)."""
    sessions = [session("a", dt.date(2026, 1, 1), 6, 4.0, "A"),
                session("b", dt.date(2026, 1, 2), 5, 2.0, "B"),
                session("u", dt.date(2026, 1, 3), 5, 3.0),
                session("v", dt.date(2026, 1, 4), 4, 1.0)]  # pending: in no average
    data = kpis(sessions, [])
    assert [g["satisfaction"] for g in data["groups"]] == [4.0, 2.0]
    assert data["sessions"]["satisfaction"] == 3.06  # (24 + 10 + 15) / 16
    assert data["sessions"]["responses_counted"] == 16
    assert data["sessions"]["responses"] == 20


# -- replayed across two real builds, and through `mentorhub diff` ----------------------------


CONFIG = """\
site_name: Settled figures
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub
  - mentorhub-kpi:
      min_responses: 5
"""

PEOPLE = {"content/people/mo.md": MENTOR_MO}


def session_file(sid: str, date: str, responses: int, rating: float, group: str = "Lab") -> str:
    return f"""\
        ---
        title: Session {sid}
        date: {date}
        format: workshop
        group: {group}
        facilitators: [mo]
        topics: [python]
        feedback: {{responses: {responses}, satisfaction: {rating}}}
        ---
        Notes.
        """


BASE_FILES = {
    **PEOPLE,
    "content/sessions/2026-03-01-a.md": session_file("a", "2026-03-01", 3, 4.0),
    "content/sessions/2026-04-01-b.md": session_file("b", "2026-04-01", 4, 3.5),
    "content/sessions/2026-05-01-c.md": session_file("c", "2026-05-01", 6, 4.5, "Circle"),
}


def one_response() -> dict[str, str]:
    return {"content/sessions/2026-11-01-new.md": session_file("new", "2026-11-01", 1, 1.0)}


def almost_enough() -> dict[str, str]:
    return {f"content/sessions/2026-11-0{i + 1}-new.md": session_file(f"n{i}", f"2026-11-0{i + 1}", 1, 1.0)
            for i in range(K - 1)}


def shown_means(site: Path) -> list[str]:
    """The averages the Impact pages show, with the counts beside them."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((site / "impact").rglob("index.html")))
    return re.findall(r"\d\.\d+ / 5|from \d+ responses?", text)


@pytest.mark.build
def test_two_builds_reveal_nothing_about_one_or_k_minus_one_new_responses(tmp_path: Path) -> None:
    sites = {}
    for name, extra in (("base", {}), ("one", one_response()), ("k-1", almost_enough())):
        project = write_project(tmp_path / name, {**BASE_FILES, **extra}, config=CONFIG)
        result = run_mkdocs(project, "--strict")
        assert result.returncode == 0, result.stderr
        sites[name] = project / "site"
    data = {name: json.loads((site / "kpi.json").read_text(encoding="utf-8")) for name, site in sites.items()}
    assert data["base"]["groups"][1]["satisfaction"] == 3.71  # Lab, published
    for name in ("one", "k-1"):
        assert recoverable(data["base"], data[name]) == []
        assert figures(data[name]) == figures(data["base"])
        assert shown_means(sites[name]) == shown_means(sites["base"])
    assert "3.7 / 5" in shown_means(sites["base"])


def test_mentorhub_diff_shows_no_mean_moving_for_a_few_new_responses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path / "hub", BASE_FILES, CONFIG)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    for extra in (one_response(), almost_enough()):
        for relative, text in extra.items():
            write(project, relative, text)
        assert main(["diff", "HEAD", "--project", str(project)]) == 0
        out = capsys.readouterr().out
        assert "| sessions |" in out  # the sessions themselves are counted
        assert "satisfaction" not in out  # … but no average moved
    # the K-th response settles a new run: now the average may move
    write(project, "content/sessions/2026-11-09-last.md", session_file("last", "2026-11-09", 1, 1.0))
    assert main(["diff", "HEAD", "--project", str(project)]) == 0
    assert "| session satisfaction | 4.08 | 3.22 | -0.86 |" in capsys.readouterr().out
