"""Sealed contact details: age armor checks, recipients, seal → contacts, and no leaks."""

from __future__ import annotations

import base64
import datetime as dt
import json
import stat
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub
from mentorhub.hub.problems import format_problems
from mentorhub.hub.sealing import armor_problem, recipient_problem
from mentorhub.hub.warnings import content_warnings
from mentorhub.verify.secrets import collect_secrets

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project
from sitecheck import all_text

IDENTITY = x25519.Identity.generate()
PUBLIC = str(IDENTITY.to_public())
HIDDEN = "sealed-canary@example.org"


def sealed(text: str = HIDDEN, to: str = PUBLIC) -> str:
    block: bytes = pyrage.encrypt(text.encode(), [x25519.Recipient.from_str(to)], armored=True)
    return block.decode()


def person(contact: str, name: str = "Sam Sealed") -> str:
    return f"---\nname: {name}\nroles: [mentor]\nlanguages: [en]\noffers: [python]\n" \
           f"consent: true\n{contact}---\nSam's bio.\n"


def sealed_contact(block: str) -> str:
    return "contact:\n  sealed: |\n" + "".join(f"    {line}\n" for line in block.strip().splitlines())


def config_with(recipients: list[str]) -> str:
    return MINIMAL_CONFIG.replace("  - mentorhub\n", f"  - mentorhub:\n      recipients: {recipients}\n")


# -- armor ----------------------------------------------------------------------------


def test_a_real_age_block_is_well_formed() -> None:
    assert armor_problem(sealed()) is None
    assert armor_problem(sealed().replace("\n", "\r\n")) is None


def _armor(data: bytes) -> str:
    encoded = base64.b64encode(data).decode()
    lines = [encoded[i:i + 64] for i in range(0, len(encoded), 64)]
    return "\n".join(["-----BEGIN AGE ENCRYPTED FILE-----", *lines, "-----END AGE ENCRYPTED FILE-----"])


@pytest.mark.parametrize(("broken", "expected"), [
    (lambda b: b.strip().splitlines()[0] + "\n" + b.strip().splitlines()[1], "does not end"),
    (lambda b: "\n".join(b.strip().splitlines()[:2] + b.strip().splitlines()[-1:]), "incomplete"),
    (lambda b: "\n".join(b.strip().splitlines()[:1] + b.strip().splitlines()[2:]), "not an age file"),
    (lambda b: "just some text", "does not start"),
    (lambda b: b.replace("-----BEGIN AGE ENCRYPTED FILE-----\n", "-----BEGIN AGE ENCRYPTED FILE-----\n!!!\n"),
     "not base64"),
    (lambda b: b.replace(b.strip().splitlines()[1], b.strip().splitlines()[1][:60]), "wrong length"),
    (lambda b: _armor(b"not-age/v1\n" + bytes(100)), "not an age file"),
    (lambda b: _armor(b"age-encryption.org/v1\n" + bytes(100)), "incomplete"),
    (lambda b: "-----BEGIN AGE ENCRYPTED FILE-----\n-----END AGE ENCRYPTED FILE-----", "no encrypted data"),
])
def test_broken_blocks_are_named_without_quoting_them(broken: object, expected: str) -> None:
    block = broken(sealed())  # type: ignore[operator]
    problem = armor_problem(block)
    assert problem is not None and expected in problem
    assert "YWdl" not in problem


def test_a_truncated_block_is_a_problem_at_its_line(tmp_path: Path) -> None:
    block = "\n".join(sealed().strip().splitlines()[:3])  # cut off: no END line
    write_project(tmp_path, {"content/people/sam.md": person(sealed_contact(block))})
    problems = load_hub(tmp_path / "content", tmp_path).problems
    text = format_problems(problems)
    assert "content/people/sam.md:8: contact.sealed: the sealed block does not end with" in text
    assert "YWdl" not in text and block.splitlines()[1] not in text


def test_recipients_are_checked() -> None:
    assert recipient_problem([PUBLIC]) is None
    assert "not an age public key" in (recipient_problem(["age1nope"]) or "")
    assert "expected a list" in (recipient_problem(PUBLIC) or "")
    secret = recipient_problem([str(IDENTITY)]) or ""
    assert "a secret key" in secret and str(IDENTITY) not in secret


def test_a_bad_recipient_stops_the_build_with_a_clear_message(tmp_path: Path) -> None:
    write_project(tmp_path, {}, config=config_with(["age1typo"]))
    result = run_mkdocs(tmp_path)
    assert result.returncode != 0
    assert "recipients" in result.stderr and "is not an age public key" in result.stderr


# -- plain hidden emails ----------------------------------------------------------------


def test_with_recipients_a_plain_hidden_email_is_an_error_with_the_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path, {"content/people/sam.md": person(f"contact: {{email: {HIDDEN}}}\n")},
                  config=config_with([PUBLIC]))
    assert main(["check", "-p", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "content/people/sam.md:7: contact: holds a hidden email in plain text" in err
    assert "mentorhub seal --person sam" in err
    assert HIDDEN not in err


def test_without_recipients_it_is_a_warning_that_it_is_readable(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path, {"content/people/sam.md": person(f"contact: {{email: {HIDDEN}}}\n")})
    assert main(["check", "-p", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "content/people/sam.md:7: contact: the hidden email is readable by anyone who can " \
           "read the repository" in err
    assert HIDDEN not in err
    result = load_hub(tmp_path / "content", tmp_path)
    warnings = content_warnings(result.hub, dt.date(2026, 12, 1), tmp_path)
    assert [(w.field, w.severity) for w in warnings] == [("contact", "warning")]


def test_a_public_or_sealed_email_raises_nothing(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "content/people/sam.md": person(sealed_contact(sealed())),
        "content/people/pat.md": person("contact: {email: pat@example.org, public: true}\n", "Pat"),
    })
    result = load_hub(tmp_path / "content", tmp_path, recipients=[PUBLIC])
    assert result.problems == []
    assert content_warnings(result.hub, dt.date(2026, 12, 1), tmp_path) == []
    assert result.hub.people["sam"].sealed_contact


# -- seal → contacts ------------------------------------------------------------------


def test_seal_then_contacts_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    key = tmp_path / "organizer.key"
    assert main(["contacts", "--new-identity", str(key)]) == 0
    public = capsys.readouterr().out.split("mkdocs.yml: ")[1].strip()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert main(["contacts", "--new-identity", str(key)]) == 1  # never over a key
    assert "already exists" in capsys.readouterr().err

    original = person(f"contact:\n  email: {HIDDEN}\n  public: false\n")
    project = write_project(tmp_path / "hub", {"content/people/sam.md": original},
                            config=config_with([public]))
    assert main(["check", "-p", str(project)]) == 1  # plain hidden email, recipients set
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(HIDDEN + "\n"))
    assert main(["seal", "--person", "sam", "-p", str(project)]) == 0
    text = (project / "content/people/sam.md").read_text(encoding="utf-8")
    assert HIDDEN not in text and "-----BEGIN AGE ENCRYPTED FILE-----" in text
    assert text.replace("\n", "").startswith(original.split("contact:")[0].replace("\n", ""))
    assert text.endswith("    -----END AGE ENCRYPTED FILE-----\n---\nSam's bio.\n")
    assert main(["check", "-p", str(project)]) == 0
    out = capsys.readouterr()
    assert "BEGIN AGE" not in out.out + out.err and "YWdl" not in out.out + out.err

    assert main(["contacts", "--identity", str(key), "sam", "-p", str(project)]) == 0
    assert capsys.readouterr().out == f"sam\tSam Sealed\t{HIDDEN}\n"

    (project / "reports").mkdir()
    (project / "reports/cohort.json").write_text('[{"mentee": "sam", "mentor": "sam", "score": 1}]')
    assert main(["contacts", "-i", str(key), "--cohort", "-p", str(project)]) == 0
    assert capsys.readouterr().out.count(f"<{HIDDEN}>") == 2


def test_seal_prints_a_block_for_the_given_recipient(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["seal", "--recipient", PUBLIC, "--person", "sam", "--stdout", HIDDEN]) == 0
    block = capsys.readouterr().out
    assert armor_problem(block) is None
    assert bytes(pyrage.decrypt(block.encode(), [IDENTITY])).decode() == \
        json.dumps({"email": HIDDEN, "person": "sam"}, separators=(",", ":"))
    assert main(["seal", "--recipient", "age1typo", "--person", "sam", "--stdout", HIDDEN]) == 1
    assert main(["seal", "--recipient", PUBLIC, "--person", "sam", "--stdout", "not an email"]) == 1
    # A block is bound to one person: no id, or a path or glob for one, is refused.
    for person_args in ([], ["--person", "../sam"], ["--person", "*"]):
        assert main(["seal", "--recipient", PUBLIC, *person_args, "--stdout", HIDDEN]) == 1
        assert "--person ID" in capsys.readouterr().err


def test_seal_without_recipients_says_where_to_put_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path, {})
    assert main(["seal", "-p", str(tmp_path), "--person", "sam", HIDDEN]) == 1
    assert "recipients" in capsys.readouterr().err


def test_new_person_can_seal_the_email(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path, {}, config=config_with([PUBLIC]))
    assert main(["new", "person", "Ria New", "--seal-email", HIDDEN, "-p", str(tmp_path)]) == 0
    text = (tmp_path / "content/people/ria-new.md").read_text(encoding="utf-8")
    assert HIDDEN not in text
    # The sealed contact is well-formed: only the skeleton's FILL IN answers remain to give.
    problems = load_hub(tmp_path / "content", display_root=tmp_path).problems
    assert problems and {p.message for p in problems} == {"fill in this field"}
    write_project(tmp_path / "plain", {})
    assert main(["new", "person", "Ria", "--seal-email", HIDDEN, "-p", str(tmp_path / "plain")]) == 1
    assert not (tmp_path / "plain/content/people/ria.md").exists()


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_contacts_refuses_to_run_in_ci(variable: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / "k"
    key.write_text(str(IDENTITY) + "\n")
    write_project(tmp_path, {"content/people/sam.md": person(sealed_contact(sealed()))},
                  config=config_with([PUBLIC]))
    monkeypatch.setenv(variable, "true")
    assert main(["contacts", "-i", str(key), "-p", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert HIDDEN not in out.out + out.err and "never in CI" in out.err


# -- nothing sealed reaches the outputs -------------------------------------------------


def test_no_sealed_text_or_identity_in_the_site_reports_or_cli(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import copy_fixture_hub

    project = copy_fixture_hub(tmp_path / "hub")
    block = sealed()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace('      as_of: "2026-11-22"\n',
                       f'      as_of: "2026-11-22"\n      recipients: [{PUBLIC}]\n'),
        encoding="utf-8")
    mia = project / "content/people/mia-mentor.md"
    mia.write_text(mia.read_text(encoding="utf-8").replace(
        "contact: {email: mia-hidden@example.org, public: false}\n", sealed_contact(block)), encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    canaries = [HIDDEN, str(IDENTITY), "BEGIN AGE", "YWdlLWVuY3J5cHRpb24",
                *[line for line in block.splitlines()[1:-1] if len(line) > 16]]
    # Two files spell the armor header as a constant, not as data: the join form's age
    # library and the profile form, whose embedded JSON Schema has the armor's pattern.
    library = project / "site" / "assets" / "mentorhub" / "vendor" / "age.min.js"
    assert library.is_file()  # recipients set: the profile form seals in the browser
    spelled = {library, project / "site" / "join" / "profile" / "index.html"}
    for folder in ("site", "reports"):
        for path, text in all_text(project / folder):
            checked = canaries if path not in spelled else [c for c in canaries if c not in (
                "BEGIN AGE", "YWdlLWVuY3J5cHRpb24")]
            assert not any(c in text for c in checked), path
    for command in (["check"], ["match"], ["kpi"], ["verify", "site"]):
        main([*command, "-p", str(project)] if command[0] != "verify" else
             ["verify", str(project / "site"), "-p", str(project)])
        out = capsys.readouterr()
        assert not any(c in out.out + out.err for c in canaries), command
    assert result.stderr.count("BEGIN AGE") == 0


def test_verify_searches_the_site_for_sealed_lines(tmp_path: Path) -> None:
    block = sealed()
    write_project(tmp_path, {"content/people/sam.md": person(sealed_contact(block))})
    secrets = collect_secrets(tmp_path / "content", tmp_path)
    body = block.strip().splitlines()[1:-1]
    found = [s.value for s in secrets.values]
    assert body[1] in found and body[0][44:] in found
    assert not any("YWdlLWVuY3J5cHRpb24" in value for value in found)  # the header every block shares


def test_check_names_a_bad_recipient_in_mkdocs_yml(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path, {}, config=config_with([str(IDENTITY)]))  # a private key pasted by mistake
    assert main(["check", "-p", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml:1: recipients: item 1 (a secret key) is not an age public key" in err
    assert str(IDENTITY) not in err


def test_sealing_into_a_file_keeps_comments_and_public_emails() -> None:
    from mentorhub.commands.age_tools import with_sealed_contact

    text = ("---\nname: A\ncontact:\n  email: a@example.org\n  public: true\n# a comment\n"
            "consent: true\n---\nBody\n")
    block = sealed()
    new = with_sealed_contact(text, block)
    assert new.startswith("---\nname: A\ncontact:\n  email: a@example.org\n  public: true\n  sealed: |\n")
    assert new.endswith("    -----END AGE ENCRYPTED FILE-----\n# a comment\nconsent: true\n---\nBody\n")
