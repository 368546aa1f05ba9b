"""The cycle's core: record validation, Kaplan–Meier, the settled cut-off, suppression,
public edits, settings and the attention list. No MkDocs, no files but tmp_path."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from mentorhub.cycle.attention import attention, overdue_days
from mentorhub.cycle.demo import DEMO_BUILD_PUBLIC, DEMO_ORGANIZER_PUBLIC
from mentorhub.cycle.kaplan_meier import kaplan_meier, median_days, survival_at
from mentorhub.cycle.lifecycle import compute_lifecycle, meets_cadence
from mentorhub.cycle.models import Checkin, Closure, Relationship
from mentorhub.cycle.public_edits import EditError, add_blocked, add_mentor, mentors_of, remove_mentor
from mentorhub.cycle.settings import CycleSettings, SettingsError, read_settings
from mentorhub.cycle.settled import settled_date, withhold_counts
from mentorhub.cycle.validate import parse_record, record_text
from mentorhub.hub.loader import load_hub

from conftest import MINIMAL_CONFIG, write_project

D = dt.date.fromisoformat
ORGANIZER = "age1yxqntkkajx9w2kpu3ht3ndzdl0kqgg8xpkqxp5y8hgrd7fwfv8hqw7s4zv"  # any valid key


# -- Kaplan–Meier ---------------------------------------------------------------------------


def test_kaplan_meier_by_hand_with_censoring() -> None:
    """Six relationships, two censored (still going); each step worked out by hand.

    day 3: 1 of 6 ends → 5/6; day 5: 1 of 5 ends (one censored on day 5 still counts
    at risk) → 5/6·4/5 = 2/3; day 8: 1 of 3 → 2/3·2/3 = 4/9; day 12: 1 of 1 → 0.
    """
    steps = kaplan_meier([(3, True), (5, False), (5, True), (8, True), (10, False), (12, True)])
    assert [(s.day, s.at_risk, s.events) for s in steps] == [(3, 6, 1), (5, 5, 1), (8, 3, 1), (12, 1, 1)]
    assert [round(s.survival, 6) for s in steps] == [round(5 / 6, 6), round(2 / 3, 6), round(4 / 9, 6), 0.0]
    assert survival_at(steps, 4) == pytest.approx(5 / 6)
    assert survival_at(steps, 11) == pytest.approx(4 / 9)
    assert median_days(steps) == 8
    # a plain average of the ended ones (7 days) would ignore the two still going
    assert median_days(kaplan_meier([(10, False)] * 3)) is None


def test_kaplan_meier_matches_the_published_freireich_6mp_table() -> None:
    """Freireich et al. (1963), 6-MP arm: the textbook Kaplan–Meier example (weeks of
    remission, + = censored). Published estimates: Kleinbaum & Klein, Survival Analysis,
    table 2.2: 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448; median 23 weeks."""
    weeks = ["6", "6", "6", "6+", "7", "9+", "10", "10+", "11+", "13", "16", "17+", "19+", "20+",
             "22", "23", "25+", "32+", "32+", "34+", "35+"]
    steps = kaplan_meier([(int(w.rstrip("+")), not w.endswith("+")) for w in weeks])
    assert [s.day for s in steps] == [6, 7, 10, 13, 16, 22, 23]
    assert [round(s.survival, 3) for s in steps] == [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448]
    assert median_days(steps) == 23


# -- the settled cut-off and suppression -----------------------------------------------------


def test_settled_date_moves_only_with_enough_new_events() -> None:
    day = D("2026-01-01")
    assert settled_date([day] * 4, 5, D("2026-12-31")) is None
    assert settled_date([day] * 5, 5, D("2026-12-31")) == day
    rng = random.Random(7)
    events: list[dt.date] = []
    previous: dt.date | None = None
    for _ in range(300):  # one event at a time, as records are added between builds
        events.append(day + dt.timedelta(days=rng.randint(0, 400)))
        cutoff = settled_date(events, 5, D("2027-12-31"))
        if cutoff != previous and previous is not None and cutoff is not None and cutoff > previous:
            behind = sum(1 for e in events if previous < e <= cutoff)
            assert behind >= 5


def test_withhold_counts_primary_and_complementary() -> None:
    # 'b' (2) is under 5; then the hidden total would be 2 = the value of b: 'c' goes too
    assert withhold_counts({"a": 9, "b": 2, "c": 6, "d": 0}, 17, 5) == {"a": 9, "b": None, "c": None, "d": 0}
    assert withhold_counts({"a": 9, "b": 8}, 17, 5) == {"a": 9, "b": 8}
    assert withhold_counts({"a": 3}, 3, 5) == {"a": None}
    # the hidden cells together are 5 or more: nothing more to hide
    assert withhold_counts({"a": 10, "b": 3, "c": 2}, 15, 5) == {"a": 10, "b": None, "c": None}


# -- records --------------------------------------------------------------------------------

GOOD = """\
mentee: ana-lima
mentor: joao-silva
started: 2026-01-10
planned_end: 2026-12-10
ended: 2026-06-01
closure: {reason: mentor-time, initiated_by: mentor}
checkins:
  - {date: 2026-01-20, by: organizer, status: on-track, note: "weekly calls"}
goals:
  - {goal: "a portfolio", state: in-progress}
"""


def test_a_record_round_trips() -> None:
    relationship, problems = parse_record(GOOD, path="records/ab.age", record_id="ab")
    assert problems == [] and relationship is not None
    assert relationship.closure == Closure("mentor-time", "mentor")
    again, _ = parse_record(record_text(relationship), path="records/ab.age", record_id="ab")
    assert again == relationship


def test_every_problem_at_once_located_and_never_echoed() -> None:
    text = """\
mentee: Ana Secretname
mentor: joao-silva
started: 2026-01-10
ended: 2026-01-01
secretfield: SECRET-VALUE-1
checkins:
  - {date: 2025-12-01, by: organizer, status: "SECRET-STATUS\\x1b[31m"}
  - {date: someday, by: nobody, status: on-track}
closure: {reason: "SECRET-REASON", initiated_by: mentor}
"""
    relationship, problems = parse_record(text, path="records/ab.age", record_id="ab")
    assert relationship is None
    shown = "\n".join(str(p) for p in problems)
    for line in (1, 4, 5, 7, 8, 9):
        assert f"records/ab.age:{line}:" in shown, shown
    for secret in ("Secretname", "SECRET", "secretfield", "\x1b"):
        assert secret not in shown
    assert "checkins[1].date: a check-in before the relationship started" in shown
    assert "checkins[2].by: not one of" in shown


def test_hostile_yaml_is_a_problem_not_a_crash() -> None:
    for text in ("a: &a [*a]", "!!python/object:os.system x", "- [" * 100, "mentee: [unclosed"):
        relationship, problems = parse_record(text, path="records/x.age", record_id="x")
        assert relationship is None and problems and all(p.path == "records/x.age" for p in problems)


# -- public edits ---------------------------------------------------------------------------

PERSON = "---\nname: Ana\nroles: [mentee]   # keep me\nmentors: [mo]\nconsent: true\n---\nBody text.\n"


def test_mentors_edits_keep_every_other_byte() -> None:
    added = add_mentor(PERSON, "zoe")
    assert added == PERSON.replace("mentors: [mo]", "mentors: [mo, zoe]")
    assert add_mentor(added, "zoe") == added
    assert remove_mentor(added, "mo") == PERSON.replace("mentors: [mo]", "mentors: [zoe]")
    assert remove_mentor(PERSON, "mo") == PERSON.replace("mentors: [mo]\n", "")
    block = PERSON.replace("mentors: [mo]", "mentors:\n    - mo")
    assert add_mentor(block, "zoe") == block.replace("    - mo", "    - mo\n    - zoe")
    bare = PERSON.replace("mentors: [mo]\n", "")
    assert add_mentor(bare, "zoe") == bare.replace("consent: true\n", "consent: true\nmentors: [zoe]\n")
    assert mentors_of(added) == ["mo", "zoe"]
    with pytest.raises(EditError):
        add_mentor("no front matter", "zoe")


def test_blocked_pairs_are_added_once() -> None:
    assert add_blocked("", "ana", "mo") == "blocked:\n  - {mentee: ana, mentor: mo}\n"
    existing = "weights: {skills: 1}\nblocked:\n  - {mentee: bo, mentor: kim}\n"
    once = add_blocked(existing, "ana", "mo")
    assert once == existing + "  - {mentee: ana, mentor: mo}\n"
    assert add_blocked(once, "ana", "mo") == once
    flow = add_blocked("blocked: []\noff: [formats]\n", "ana", "mo")
    assert flow == "blocked:\n  - {mentee: ana, mentor: mo}\noff: [formats]\n"


# -- settings -------------------------------------------------------------------------------


def _settings(tmp_path: Path, **options: object) -> CycleSettings:
    (tmp_path / "content").mkdir(exist_ok=True)
    return read_settings(options, project=tmp_path, content_dir=tmp_path / "content")


def test_settings_refuse_unsafe_choices(tmp_path: Path) -> None:
    assert _settings(tmp_path).records == "records"
    with pytest.raises(SettingsError, match="outside content"):
        _settings(tmp_path, cycle={"records": "content/records"})
    with pytest.raises(SettingsError, match="demo"):
        _settings(tmp_path, build_key=DEMO_BUILD_PUBLIC)
    with pytest.raises(SettingsError, match="demo"):
        _settings(tmp_path, recipients=[DEMO_ORGANIZER_PUBLIC])
    with pytest.raises(SettingsError, match="would then open sealed contacts"):
        _settings(tmp_path, recipients=[ORGANIZER], build_key=ORGANIZER)
    with pytest.raises(SettingsError) as refused:
        _settings(tmp_path, build_key="AGE-SECRET-KEY-1QQQQQQ")
    assert "QQQQ" not in str(refused.value)
    with pytest.raises(SettingsError, match="checkin_days"):
        _settings(tmp_path, cycle={"checkin_days": 0})
    demo = _settings(tmp_path, build_key=DEMO_BUILD_PUBLIC, demo=True)
    assert demo.record_recipients == [DEMO_ORGANIZER_PUBLIC, DEMO_BUILD_PUBLIC]


# -- lifecycle and attention ----------------------------------------------------------------


def _rel(n: int, started: str, ended: str | None = None, reason: str = "mentor-time",
         checkins: tuple[str, ...] = (), planned: str | None = None) -> Relationship:
    return Relationship(id=f"r{n}", path=f"records/r{n}.age", mentee=f"mentee-{n}", mentor="mo",
                        started=D(started), ended=D(ended) if ended else None,
                        planned_end=D(planned) if planned else None,
                        closure=Closure(reason, "mentor") if ended else None,
                        checkins=tuple(Checkin(D(c), "organizer", "on-track") for c in checkins))


def test_lifecycle_figures_by_hand() -> None:
    records = [
        _rel(1, "2026-01-01", "2026-02-01", "mismatch"),  # premature (no planned end: 12-month commitment)
        _rel(2, "2026-01-01", "2026-07-01", "goals-met"),  # not premature
        _rel(3, "2026-01-01", "2026-04-01", "moved", planned="2026-03-01"),  # after its planned end
        _rel(4, "2026-01-01", checkins=("2026-07-02",)), _rel(5, "2026-01-01"), _rel(6, "2026-01-01"),
    ]
    joined = {f"mentee-{n}": D("2025-12-01") for n in range(1, 7)}
    settings = CycleSettings()
    # events: six starts on 1 Jan (cut-off), 1 Feb (1 pending), 1 Apr (2: cut-off), 1 and 2 Jul (cut-off)
    before = compute_lifecycle([*records[:3], _rel(4, "2026-01-01"), *records[4:]], joined, settings,
                               as_of=D("2026-12-31"), min_records=2)
    assert before is not None and before.settled == D("2026-04-01") and before.ended == 2
    life = compute_lifecycle(records, joined, settings, as_of=D("2026-12-31"), min_records=2)
    assert life is not None and life.settled == D("2026-07-02")
    assert (life.started, life.active, life.ended) == (6, 3, 3)
    assert life.premature_rate == pytest.approx(1 / 3, abs=1e-4)
    assert life.reasons == {"goals-met": None, "planned-end": 0, "mentor-time": 0, "mentee-time": 0,
                            "moved": None, "mismatch": None, "no-contact": 0, "other": 0}
    assert life.median_days_to_match == 31.0
    # KM by hand: day 31: 5/6; day 90: 5/6·4/5 = 4/6; day 181: 4/6·3/4 = 1/2 (median: 181 days).
    # Nobody has been followed for 6 months (183 days) yet: that figure is withheld.
    assert life.retention == {3: pytest.approx(4 / 6, abs=1e-4), 6: None, 12: None}
    assert life.median_months == 5.9
    assert (life.cadence_share, life.recent_checkin_share) == (0.0, pytest.approx(1 / 3, abs=1e-4))
    assert compute_lifecycle(records[:1], joined, settings, as_of=D("2026-12-31"), min_records=5) is None


def test_cadence_follows_mentor_standard() -> None:
    settings = CycleSettings()
    good = _rel(1, "2026-01-01", checkins=("2026-01-08", "2026-01-22", "2026-02-20", "2026-03-18"))
    assert meets_cadence(good, D("2026-04-10"), settings)
    assert not meets_cadence(good, D("2026-05-10"), settings)  # 53 days since the last one
    one_early = _rel(2, "2026-01-01", checkins=("2026-01-08", "2026-02-05"))
    assert not meets_cadence(one_early, D("2026-02-10"), settings)
    assert overdue_days(good, D("2026-01-20"), settings) == -3  # first month: every 15 days
    assert overdue_days(good, D("2026-04-30"), settings) == 13


def test_attention_list(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/mo.md": "---\nname: Mo\nroles: [mentor]\nlanguages: [en]\noffers: [python]\n"
                                "confirmed: 2025-12-01\nconsent: true\n---\n",
        "content/people/wait.md": "---\nname: Wait\nroles: [mentee]\nlanguages: [en]\nseeks: [python]\n"
                                  "joined: 2026-01-01\nconsent: true\n---\n",
    }, MINIMAL_CONFIG)
    hub = load_hub(project / "content", display_root=project).hub
    records = [_rel(1, "2026-09-01", checkins=("2026-09-05",), planned="2026-12-10")]
    items = attention(hub, records, CycleSettings(), D("2026-12-01"), 365)
    kinds = [(i.kind, i.subject) for i in items]
    assert kinds == [("overdue", "mentee-1 → mo"), ("ending", "mentee-1 → mo"), ("waiting", "wait"),
                     ("stale", "mo")]


def test_records_inside_content_are_refused(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"content/records/ab12cd34.age": "x", "content/people/cd.age": "x"},
                            MINIMAL_CONFIG)
    problems = [str(p) for p in load_hub(project / "content", display_root=project).problems]
    assert len(problems) == 2
    assert all("relationship records live in records/ next to mkdocs.yml, never in content/" in p
               for p in problems), problems


@pytest.mark.parametrize(("lang", "heading", "no_key"), [
    ("en", "Relationships over time", "This build cannot open them"),
    ("es", "Las relaciones a lo largo del tiempo", "Esta compilación no puede abrirlos"),
    ("fr", "Les relations dans la durée", "Cette construction ne peut pas les ouvrir"),
    ("pt", "As relações ao longo do tempo", "Esta compilação não os pode abrir"),
    ("de", "Beziehungen im Zeitverlauf", "Dieser Build kann sie nicht öffnen"),
])
def test_the_lifecycle_section_speaks_the_ui_language(tmp_path: Path, lang: str, heading: str,
                                                       no_key: str) -> None:
    from mentorhub.impact.lifecycle_section import NO_KEY, with_lifecycle
    from mentorhub.site.render import Page, RenderOptions, SiteRenderer

    project = write_project(tmp_path, {}, MINIMAL_CONFIG)
    renderer = SiteRenderer(load_hub(project / "content", display_root=project).hub,
                            RenderOptions(today=D("2026-12-31"), language=lang))
    page = Page("impact/index.md", "Impact", "# Impact\n")
    assert no_key in with_lifecycle(page, renderer, None, NO_KEY).markdown
    records = [_rel(n, f"2026-0{1 + n % 3}-01", "2026-08-01" if n % 2 else None,
                    checkins=("2026-06-01",)) for n in range(12)]
    life = compute_lifecycle(records, {}, CycleSettings(), as_of=D("2026-12-31"), min_records=2)
    text = with_lifecycle(page, renderer, life, "").markdown
    assert heading in text and 'id="kpi-retention"' in text
    assert ("Q1 2026" if lang in ("en", "de") else "T1 2026") in text
    if lang != "en":
        assert "Relationships over time" not in text and "still going" not in text


def test_active_and_ended_are_withheld_together_with_every_closure_breakdown() -> None:
    """Nine started, one ended: 'ended' (1) is withheld, so 'active' must be too (9 − 8),
    and so must every table that adds up to the ended total (reasons, quarters)."""
    records = [_rel(n, "2026-01-01", checkins=("2026-02-01", "2026-03-05")) for n in range(8)]
    records.append(_rel(9, "2026-01-01", "2026-03-01", "moved"))  # in by the 3-05 cut-off
    life = compute_lifecycle(records, {}, CycleSettings(), as_of=D("2026-12-31"), min_records=5)
    assert life is not None and (life.started, life.active, life.ended) == (9, None, None)
    assert set(life.reasons.values()) == {None} and set(life.initiated_by.values()) == {None}
    assert all(p.ended is None for p in life.periods) and life.premature_rate is None
    nothing_ended = compute_lifecycle(records[:8], {}, CycleSettings(), as_of=D("2026-12-31"), min_records=5)
    assert nothing_ended is not None and (nothing_ended.active, nothing_ended.ended) == (8, 0)
    assert set(nothing_ended.reasons.values()) == {0}


def test_unreadable_records_are_problems_of_their_file(tmp_path: Path) -> None:
    from pyrage import x25519

    from mentorhub.cycle.storage import MAX_RECORD_BYTES, encrypt_text, read_records

    mine, other = x25519.Identity.generate(), x25519.Identity.generate()
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "aa.age").write_bytes(b"x" * (MAX_RECORD_BYTES + 1))
    (folder / "bb.age").write_bytes(encrypt_text(GOOD, [str(other.to_public())]))
    (folder / "cc.age").write_bytes(encrypt_text(GOOD, [str(mine.to_public())]))
    (folder / "dd.txt").write_text("not a record", encoding="utf-8")
    found = read_records(folder, [mine], tmp_path)
    assert [r.id for r in found.relationships] == ["cc"] and found.files == 3
    assert [(p.path, p.message) for p in found.problems] == [
        ("records/aa.age", "cannot read the record: larger than 256,000 bytes"),
        ("records/bb.age", "cannot open it with this key")]
