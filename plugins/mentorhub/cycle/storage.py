"""Relationship records on disk: one age-encrypted file per relationship in `records/`.

Each file is named by a random id (`records/3f9a2c1b.age`), so the repository shows
only that a record exists: never a name, a date or a reason. The text inside is ASCII
armor, encrypted with pyrage (no crypto of ours) to the organizers' `recipients` and
to the build key, so the deploy build can compute the lifecycle figures. The build key
never opens a sealed contact: `contact.sealed` is encrypted to `recipients` only.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyrage
from pyrage import x25519

from ..hub.age_keys import KeyTextError, identities_in
from ..hub.problems import Msg, Problem
from .models import Relationship
from .validate import parse_record, record_text

SUFFIX = ".age"
DEFAULT_FOLDER = "records"
#: A record bigger than this is not read: a real one is a few kilobytes (ten years of weekly
#: check-ins with notes stay under 100 KB), and anyone can encrypt a file to public keys.
MAX_RECORD_BYTES = 256_000
ENV_BUILD_KEY = "MENTORHUB_BUILD_KEY"


class RecordError(Exception):
    """A key, a folder or a record cannot be used; the message says what to do."""


@dataclass
class Records:
    """The relationships that opened and validated, and the problems of the rest."""

    relationships: list[Relationship] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def record_files(folder: Path) -> list[Path]:
    """The record files in `folder` (sorted; symlinks are never followed)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file() and not p.is_symlink())


def display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _reason(exc: Exception) -> object:
    """A RecordError's own message (a `Msg`, so it is translated), else the error as it is."""
    return exc.args[0] if isinstance(exc, RecordError) and exc.args else exc


def read_records(folder: Path, identities: Sequence[x25519.Identity], root: Path) -> Records:
    """Decrypt and validate every record; each problem names its file, none quotes a value."""
    found = Records()
    for path in record_files(folder):
        found.files += 1
        shown = display(path, root)
        try:
            data = path.read_bytes()
            if len(data) > MAX_RECORD_BYTES:
                raise RecordError(Msg("larger than %(most)s bytes",
                                      most=f"{MAX_RECORD_BYTES:,}"))
            text = bytes(pyrage.decrypt(data, list(identities))).decode("utf-8")
        except (OSError, RecordError) as exc:
            found.problems.append(Problem(shown, 1, "record", Msg("cannot read the record: %(reason)s",
                                                                  reason=_reason(exc))))
            continue
        except pyrage.DecryptError:
            found.problems.append(Problem(
                shown, 1, "record", Msg("cannot open it with this key"),
                Msg("was it encrypted to other keys? an organizer re-encrypts it with mentorhub pair "
                    "rekey")))
            continue
        except UnicodeError:
            found.problems.append(Problem(shown, 1, "record", Msg("the decrypted record is not UTF-8 text")))
            continue
        relationship, problems = parse_record(text, path=shown, record_id=path.stem)
        found.problems.extend(problems)
        if relationship is not None:
            found.relationships.append(relationship)
    found.relationships.sort(key=lambda r: (r.started, r.id))
    return found


def encrypt_text(text: str, recipients: Sequence[str]) -> bytes:
    try:
        keys = [x25519.Recipient.from_str(key) for key in recipients]
    except pyrage.RecipientError as exc:
        raise RecordError(f"not an age public key: {exc}") from None
    if not keys:
        raise RecordError("no key to encrypt the record to")
    return bytes(pyrage.encrypt(text.encode("utf-8"), keys, armored=True))


def write_record(folder: Path, relationship: Relationship, recipients: Sequence[str]) -> Path:
    """Encrypt and write a relationship to its file (a new one gets a random name)."""
    data = encrypt_text(record_text(relationship), recipients)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{relationship.id}{SUFFIX}"
    temporary = folder / f".{relationship.id}.tmp"
    temporary.write_bytes(data)
    os.replace(temporary, path)  # never a half-written record
    return path


def new_record_id(folder: Path) -> str:
    while True:
        candidate = secrets.token_hex(4)
        if not (folder / f"{candidate}{SUFFIX}").exists():
            return candidate


def identity_from_text(text: str, where: str) -> list[x25519.Identity]:
    """Identities from an age key file's text or a key in an environment variable."""
    try:
        return identities_in(text)
    except KeyTextError as exc:
        raise RecordError(f"{where} holds no age secret key" if exc.empty
                          else f"{where} is not an age secret key (AGE-SECRET-KEY-1…)") from None


def build_identity(expected_public: str, environ: Mapping[str, str] = os.environ
                   ) -> list[x25519.Identity] | None:
    """The build key from MENTORHUB_BUILD_KEY, or None when the build does not have it.

    A key that does not match `build_key` in mkdocs.yml is an error, not a silent skip:
    the lifecycle figures would vanish without anyone noticing.
    """
    secret = environ.get(ENV_BUILD_KEY, "").strip()
    if not secret:
        return None
    identities = identity_from_text(secret, ENV_BUILD_KEY)
    if expected_public and all(str(i.to_public()) != expected_public for i in identities):
        raise RecordError(f"{ENV_BUILD_KEY} is not the secret half of build_key in mkdocs.yml")
    return identities
