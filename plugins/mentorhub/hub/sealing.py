"""Sealed contact details: checking age armor and age recipients without decrypting.

A person's hidden email is stored as `contact.sealed`, an ASCII-armored age file
encrypted to the hub's `recipients` (the organizers' public keys). The build never
holds a key that opens it: it only checks that the block is well-formed armor (the
BEGIN/END lines, base64 lines of the armor's width, and the age header line once
decoded), so a pasted fragment or a stray edit is caught before an organizer needs
the address. Encryption and decryption live in `commands/` (pyrage), not here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass

from .email_rule import is_email
from .problems import Msg

BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----"
END = "-----END AGE ENCRYPTED FILE-----"
#: The first line of every age v1 file, once the armor is decoded.
AGE_HEADER = b"age-encryption.org/v1\n"
#: The header ends with its MAC line: "--- " and 43 base64 characters (age spec).
_HEADER_END = re.compile(rb"\n--- [A-Za-z0-9+/]{43}\n")
#: After the header: a 16-byte nonce and at least one chunk's 16-byte tag.
_SMALLEST_PAYLOAD = 32
#: The armor's base64 lines are exactly this wide, except the last (age spec, "ASCII armor").
_WIDTH = 64
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]*={0,2}\Z")
#: An age X25519 public key: Bech32 with the `age` prefix, 58 data characters.
_RECIPIENT = re.compile(r"age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}\Z")


def armor_problem(text: str) -> str | None:
    """Why `text` is not a well-formed armored age file, or None if it is.

    The message describes the block and never quotes it.
    """
    lines = text.strip().splitlines()
    if not lines or lines[0].strip() != BEGIN:
        return Msg("does not start with the line '%(begin)s'", begin=BEGIN)
    if len(lines) < 2 or lines[-1].strip() != END:
        return Msg("does not end with the line '%(end)s' (was the block cut short?)", end=END)
    body = [line.strip() for line in lines[1:-1]]
    if not body:
        return Msg("holds no encrypted data between its BEGIN and END lines")
    for number, line in enumerate(body, 1):
        if not _BASE64_LINE.match(line):
            return Msg("line %(number)s of the block is not base64", number=number)
        last = number == len(body)
        if (not last and len(line) != _WIDTH) or (last and not 0 < len(line) <= _WIDTH):
            return Msg("line %(number)s of the block has the wrong length (was it re-wrapped?)",
                       number=number)
    try:
        data = base64.b64decode("".join(body), validate=True)
    except (binascii.Error, ValueError):
        return Msg("its base64 does not decode (was part of it lost?)")
    if not data.startswith(AGE_HEADER):
        return Msg("is not an age file (its header is not 'age-encryption.org/v1')")
    end = _HEADER_END.search(data)
    if end is None or len(data) - end.end() < _SMALLEST_PAYLOAD:
        return Msg("is incomplete: its age header or encrypted part is missing (was part of it lost?)")
    return None


def is_recipient(key: str) -> bool:
    """Whether `key` looks like an age X25519 public key (`age1…`)."""
    return bool(_RECIPIENT.match(key))


def recipient_problem(keys: object) -> str | None:
    """Why a `recipients` option is wrong, or None (public keys: safe to quote)."""
    if not isinstance(keys, list):
        return Msg("expected a list of age public keys (age1…)")
    for index, key in enumerate(keys):
        if not isinstance(key, str) or not is_recipient(key.strip()):
            secret = str(key).upper().startswith("AGE-SECRET-KEY")
            shown = Msg("a secret key") if secret else repr(key)[:80]
            return (Msg("item %(index)s (%(shown)s) is not an age public key: it starts with 'age1' "
                        "and is 62 characters long (age-keygen prints it as 'public key: age1…')",
                        index=index + 1, shown=shown))
    return None


# -- what a sealed block holds ---------------------------------------------------------------
#
# Recipients are public, so anyone can seal any bytes to them: what comes out of a block
# is as untrusted as the rest of a pull request. A block holds a small JSON object that
# names the person it was sealed for, so a block copied from one profile onto another
# is refused when it is opened:
#
#     {"email":"ana@example.org","person":"ana-souza"}
#
# Blocks sealed before this format hold the bare email ("old format"): still accepted
# when they are exactly one address, and reported as not bound to anyone, so the
# organizer re-seals them (the rotation recipe does it for every block).

#: The keys of a sealed contact, and nothing else.
_PAYLOAD_KEYS = frozenset({"email", "person"})


class SealedContentError(ValueError):
    """What a decrypted block holds is not one email for this person (never quoted)."""


@dataclass(frozen=True)
class SealedEmail:
    email: str
    #: False for an old-format block (the bare email), which names no person.
    bound: bool


def contact_payload(person_id: str, email: str) -> bytes:
    """The plaintext to seal for `person_id`'s hidden `email` (compact, ASCII-only JSON)."""
    return json.dumps({"email": email, "person": person_id}, ensure_ascii=True,
                      separators=(",", ":"), sort_keys=True).encode("ascii")


def read_payload(plaintext: bytes, person_id: str) -> SealedEmail:
    """The email a decrypted block holds for `person_id`, or SealedContentError saying why not.

    Accepts exactly one address by the `contact.email` rule (no controls, spaces, second
    line or second address). Messages describe the content; they never quote it.
    """
    try:
        text = plaintext.decode("utf-8")
    except UnicodeDecodeError:
        raise SealedContentError(Msg("holds bytes that are not text")) from None
    if text.lstrip().startswith("{"):
        return SealedEmail(_bound_email(text, person_id), bound=True)
    email = text.strip(" \r\n")
    if not is_email(email):
        raise SealedContentError(_not_one_email(email))
    return SealedEmail(email, bound=False)


def _bound_email(text: str, person_id: str) -> str:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except ValueError:
        raise SealedContentError(Msg("holds text that is neither an email nor a sealed contact")) from None
    if not isinstance(data, dict) or set(data) != _PAYLOAD_KEYS:
        raise SealedContentError(Msg("holds an object that is not a sealed contact ({email, person})"))
    if data["person"] != person_id:
        raise SealedContentError(Msg("was sealed for another profile (copied from another file?)"))
    if not is_email(data["email"]):
        raise SealedContentError(_not_one_email(data["email"]))
    return str(data["email"])


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")  # two "person" keys: which one would a reader take?
    return dict(pairs)


def _not_one_email(value: object) -> str:
    if not isinstance(value, str) or "@" not in value:
        return Msg("does not hold an email address")
    if any(c in value for c in "\n\r\t ") or value.count("@") > 1:
        return Msg("holds more than one line or address, not exactly one email")
    return Msg("holds an email with characters an address cannot have (control or invisible "
               "characters)")


def fingerprint(block: str) -> str:
    """A short stable digest of a block's armor, for telling two blocks apart (`diff`).

    The ciphertext is public in the repository already; its digest reveals nothing more,
    and it differs whenever the block is replaced, even by one sealing the same email.
    """
    armor = "".join(block.split())
    return hashlib.sha256(armor.encode("ascii", "replace")).hexdigest()[:16]
