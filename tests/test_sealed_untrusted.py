"""What a sealed block holds is a stranger's input: one email, bound to its person, escaped.

The recipients are public, so anyone can seal any bytes to them. These tests plant
blocks the way a hostile contributor would (a forged tab-separated line for another
member, terminal escape sequences, a block copied from another profile) and check
that `contacts` shows none of it raw and the documented rotation recipe re-seals
nobody's email as the attacker's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519
from test_sealing import config_with, person, sealed_contact

from mentorhub.commands.cli import main
from mentorhub.hub.sealing import SealedContentError, contact_payload, read_payload

from conftest import write_project

REPO = Path(__file__).resolve().parent.parent
OLD = x25519.Identity.generate()
NEW = x25519.Identity.generate()
VICTIM = "victim@example.org"
ATTACKER = "attacker@evil.example"
#: The attack from the issue: the attacker's address, then a forged line that gives the
#: victim the attacker's email, then cursor-up + erase-line (hides the forged line),
#: a window title and a clipboard write (OSC 52).
FORGED = (f"{ATTACKER}\nvictim\tVictim\t{ATTACKER}\x1b[1A\x1b[2K"
          "\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07")


def seal_raw(plaintext: bytes, to: x25519.Identity = OLD) -> str:
    block: bytes = pyrage.encrypt(plaintext, [to.to_public()], armored=True)
    return block.decode()


def hub(tmp_path: Path, blocks: dict[str, str], recipients: list[x25519.Identity]) -> Path:
    files = {f"content/people/{pid}.md": person(sealed_contact(block), name=pid.title())
             for pid, block in blocks.items()}
    return write_project(tmp_path / "hub", files,
                         config=config_with([str(r.to_public()) for r in recipients]))


def key_file(tmp_path: Path, identity: x25519.Identity) -> Path:
    path = tmp_path / f"{id(identity)}.key"
    path.write_text(f"{identity}\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


# -- the payload ---------------------------------------------------------------------------


@pytest.mark.parametrize("plaintext, reason", [
    (FORGED.encode(), "more than one line or address"),
    (b"a@example.org b@example.org", "more than one line or address"),
    (b"a\x1b[2J@example.org", "characters an address cannot have"),
    ("a\u202e@example.org".encode(), "characters an address cannot have"),
    (b"no address here", "does not hold an email"),
    (b"\xff\xfe", "not text"),
    (b'{"email": "a@example.org", "person": "someone-else"}', "another profile"),
    (b'{"email": "a@example.org", "person": "sam", "person": "sam"}', "neither an email"),
    (b'{"email": "a@example.org", "person": "sam", "note": 1}', "not a sealed contact"),
    (b'{"email": ["a@example.org"], "person": "sam"}', "does not hold an email"),
    (b'{"email": "a@example.org\\nsam\\tx", "person": "sam"}', "more than one line"),
])
def test_anything_but_one_email_for_this_person_is_refused(plaintext: bytes, reason: str) -> None:
    with pytest.raises(SealedContentError, match=reason) as caught:
        read_payload(plaintext, "sam")
    assert "@example" not in str(caught.value)  # described, never quoted


def test_the_payload_names_its_person_and_old_blocks_still_open() -> None:
    opened = read_payload(contact_payload("sam", "sam@example.org"), "sam")
    assert (opened.email, opened.bound) == ("sam@example.org", True)
    old = read_payload(b"sam@example.org\n", "sam")  # sealed before the payload had an id
    assert (old.email, old.bound) == ("sam@example.org", False)


# -- contacts ------------------------------------------------------------------------------


def test_contacts_prints_no_planted_line_or_escape(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim_block = seal_raw(contact_payload("victim", VICTIM))
    project = hub(tmp_path, {
        "victim": victim_block,
        "mallory": seal_raw(FORGED.encode()),
        "copycat": victim_block,  # the victim's own block, pasted onto another profile
        "oldie": seal_raw(b"oldie@example.org"),
    }, [OLD])
    assert main(["check", "-p", str(project)]) == 0
    capsys.readouterr()
    assert main(["contacts", "-i", str(key_file(tmp_path, OLD)), "-p", str(project)]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert set(lines) == {"victim", "mallory", "copycat", "oldie"}  # no forged fifth line
    assert lines["victim"] == f"Victim\t{VICTIM}"
    assert "refused" in lines["mallory"] and ATTACKER not in lines["mallory"]
    assert "another profile" in lines["copycat"] and VICTIM not in lines["copycat"]
    assert lines["oldie"].startswith("Oldie\toldie@example.org (old format")
    assert "oldie" in err and "old format" in err

    assert main(["contacts", "-i", str(key_file(tmp_path, OLD)), "--json", "-p", str(project)]) == 0
    listed = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    assert listed["victim"] | {"problem": ""} == {"id": "victim", "name": "Victim", "email": VICTIM,
                                                  "sealed": True, "bound": True, "problem": ""}
    assert listed["mallory"]["email"] == "" and listed["mallory"]["problem"]
    assert listed["oldie"]["bound"] is False

    (project / "reports").mkdir()
    (project / "reports/cohort.json").write_text(
        '[{"mentee": "mallory", "mentor": "victim"}]', encoding="utf-8")
    assert main(["contacts", "-i", str(key_file(tmp_path, OLD)), "--cohort", "-p", str(project)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "\x1b" not in out and ATTACKER not in out


def test_a_hostile_name_cannot_forge_a_column() -> None:
    """A name is checked (no tab or control in a one-line field), and printed escaped anyway."""
    from mentorhub.commands.contacts import Contact

    line = Contact("sam", "Sam\tvictim\t" + ATTACKER + "\x1b[2K", email="sam@example.org").line()
    assert line.split("\t") == ["sam", "Sam\\tvictim\\t" + ATTACKER + "\\x1b[2K", "sam@example.org"]


# -- the documented rotation recipe --------------------------------------------------------


def rotation_recipe() -> str:
    """The bash loop of docs/guide/contact.md, 'Changing organizers: rotating recipients'."""
    text = (REPO / "docs" / "guide" / "contact.md").read_text(encoding="utf-8")
    section = text.split("## Changing organizers: rotating recipients", 1)[1]
    recipe = re.search(r"```bash\n(.*?)```", section, re.S)
    assert recipe, "the rotation recipe is missing from docs/guide/contact.md"
    return "\n".join(line[3:] if line.startswith("   ") else line
                     for line in recipe.group(1).splitlines())


def test_the_rotation_recipe_re_seals_no_one_as_the_attacker(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    planted = seal_raw(FORGED.encode())
    project = hub(tmp_path, {
        "victim": seal_raw(contact_payload("victim", VICTIM)),
        "mallory": planted,
        "oldie": seal_raw(b"oldie@example.org"),
    }, [OLD])
    config = project / "mkdocs.yml"  # step 1: a new organizer joins
    config.write_text(config_with([str(OLD.to_public()), str(NEW.to_public())]), encoding="utf-8")
    script = rotation_recipe().replace("KEY", str(key_file(tmp_path, OLD)))
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(["bash", "-c", f"set -o pipefail\n{script}"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert "mallory" in done.stderr  # the refused block is named

    assert main(["contacts", "-i", str(key_file(tmp_path, NEW)), "--json", "-p", str(project)]) == 0
    listed = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    assert (listed["victim"]["email"], listed["victim"]["bound"]) == (VICTIM, True)
    assert (listed["oldie"]["email"], listed["oldie"]["bound"]) == ("oldie@example.org", True)
    assert listed["mallory"]["email"] == ""  # its planted block was left alone …
    assert planted.strip().splitlines()[1] in (project / "content/people/mallory.md").read_text()
    assert ATTACKER not in json.dumps(listed)  # … and re-sealed nobody as the attacker


def test_the_contact_email_rule_refuses_controls_and_invisible_marks() -> None:
    """One rule for `contact.email` and a sealed email: before it, "\\x1b]0;x\\x07a@b.org"
    passed (only `@` and whitespace were excluded)."""
    from mentorhub.hub.email_rule import is_email

    assert is_email("ana.souza+hub@example.org")
    for bad in ("a\x1b]0;x\x07@example.org", "a@exam\u202eple.org", "a@example.org\x00",
                "a\ud800@example.org", "a@b@example.org", "a @example.org", "a@example"):
        assert not is_email(bad), repr(bad)
