"""age encryption for the `seal`, `contacts` and `new` commands (pyrage: no crypto of ours).

Also the one place that rewrites a person file's `contact:` block, so `seal --person`
and `new person --seal-email` write the same YAML.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

import pyrage
import yaml
from pyrage import x25519

from ..hub.age_keys import KeyTextError, identities_in
from ..hub.email_rule import is_email
from ..hub.fields import ID_PATTERN
from ..hub.frontmatter import FrontMatterError, split
from ..hub.sealing import SealedEmail, contact_payload, is_recipient, read_payload


class AgeError(Exception):
    """A key, a file or a block could not be used; the message says what to do."""


def seal(email: str, recipients: Sequence[str], person_id: str) -> str:
    """`person_id`'s `email`, bound to them, encrypted to every recipient (ASCII armor)."""
    if not is_email(email) or not ID_PATTERN.match(person_id):
        raise AgeError("only one email address, for a person id, is ever sealed")
    try:
        keys = [x25519.Recipient.from_str(key) for key in recipients]
    except pyrage.RecipientError as exc:
        raise AgeError(f"not an age public key: {exc}") from None
    armored: bytes = pyrage.encrypt(contact_payload(person_id, email), keys, armored=True)
    return armored.decode("ascii")


def open_sealed(block: str, identities: Sequence[x25519.Identity], person_id: str) -> SealedEmail:
    """The email a block holds for `person_id`, opened with the organizer's identities.

    AgeError when it cannot be opened; SealedContentError when what it holds is not
    exactly one email sealed for this person (anyone can seal anything to the recipients).
    """
    try:
        plaintext = bytes(pyrage.decrypt(block.encode("ascii", "replace"), list(identities)))
    except pyrage.DecryptError as exc:
        raise AgeError(f"cannot open it with this key ({exc})") from None
    return read_payload(plaintext, person_id)


def read_identities(path: Path) -> list[x25519.Identity]:
    """The `AGE-SECRET-KEY-1…` lines of an age identity file (comments skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AgeError(f"cannot read the key file {path}: {exc}") from None
    try:
        return identities_in(text)
    except KeyTextError as exc:
        raise AgeError(f"{path} holds no age secret key (make one with age-keygen)" if exc.empty
                       else f"{path} is not an age key file (make one with age-keygen)") from None


def new_identity(path: Path) -> str:
    """Write a new X25519 identity to `path` (mode 0600, never over a file); its public key."""
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    text = (f"# created by mentorhub contacts --new-identity\n# public key: {public}\n"
            f"{identity}\n")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                             0o600)
    except FileExistsError:
        raise AgeError(f"{path} already exists; not overwriting a key") from None
    except OSError as exc:
        raise AgeError(f"cannot write {path}: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return public


def check_recipients(keys: Sequence[str]) -> list[str]:
    bad = [key for key in keys if not is_recipient(key)]
    if bad:
        raise AgeError("not an age public key (they start with age1…): "
                       + ", ".join("a secret key" if k.upper().startswith("AGE-SECRET") else repr(k)
                                   for k in bad))
    return list(keys)


def sealed_block(path: Path) -> str | None:
    """A person file's `contact.sealed` block, or None."""
    try:
        values = split(path.read_bytes()).front_matter.data
    except (OSError, FrontMatterError):
        return None
    contact = values.get("contact") if isinstance(values, dict) else None
    sealed = contact.get("sealed") if isinstance(contact, dict) else None
    return sealed if isinstance(sealed, str) else None


_TOP_KEY = re.compile(r"\S")  # a key or a comment at column 0 ends the contact block


def with_sealed_contact(text: str, block: str) -> str:
    """A person file's text with `contact:` replaced by the sealed block.

    The rest of the file is kept byte for byte. A public email stays (it is on the page
    anyway); a hidden plain email is removed, which is the point of sealing it.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise AgeError("the file does not start with a '---' front matter line")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        raise AgeError("the front matter has no closing '---' line")
    start = next((i for i in range(1, end) if lines[i].startswith("contact:")), None)
    public_email = ""
    if start is None:
        start = stop = end
    else:
        stop = next((i for i in range(start + 1, end) if _TOP_KEY.match(lines[i][:1] or " ")), end)
        try:
            old = yaml.safe_load("\n".join(lines[start:stop]))
        except yaml.YAMLError:
            old = None
        contact = old.get("contact") if isinstance(old, dict) else None
        if isinstance(contact, dict) and contact.get("public") is True and contact.get("email"):
            public_email = str(contact["email"])
    new = ["contact:"]
    if public_email:
        new += [f"  email: {yaml.safe_dump(public_email, default_style=None).splitlines()[0]}",
                "  public: true"]
    new += ["  sealed: |", *(f"    {line}" for line in block.strip().splitlines())]
    return "\n".join(lines[:start] + new + lines[stop:])
