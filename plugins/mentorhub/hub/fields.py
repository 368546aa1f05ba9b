"""Field kinds: how one front-matter value is checked, normalised and described.

Each kind checks a raw YAML value and returns it normalised, or raises
:class:`FieldError`. The same objects describe themselves as JSON Schema, so the
validator and the published schemas come from one definition.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol
from urllib.parse import urlsplit

from .browser_urls import resolve
from .countries import countries, country_code
from .email_rule import EMAIL_PATTERN, is_email
from .languages import LANGUAGES
from .media import IMAGE_SUFFIXES, PHOTO_FOLDER
from .pii import kind_of
from .printable import CONTROL, SURROGATE, one_line
from .problems import N_, Msg, did_you_mean
from .quoting import private_kind, quote, unquoted
from .sealing import armor_problem
from .strict_yaml import BigNumber
from .timezones import time_zone_hint

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
ID_RULE = Msg("ids use lowercase a-z, 0-9 and '-', starting with a letter or digit")
#: How an unknown skill reference starts (loader.py collapses them when skills.yml is unreadable).
UNKNOWN_SKILL = "unknown skill "


class FieldError(Exception):
    """A value is wrong; `subpath` points inside it (a list index, a map key)."""

    def __init__(
        self,
        message: str,
        hint: str = "",
        subpath: tuple[str | int, ...] = (),
        more: tuple[FieldError, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.subpath = subpath
        self.more = more  # further errors in the same list or map, reported together

    def all(self) -> tuple[FieldError, ...]:
        return (self, *self.more)

    def under(self, step: str | int) -> FieldError:
        """The same errors, located one level deeper (inside list item or key `step`)."""
        return FieldError(self.message, self.hint, (step, *self.subpath),
                          tuple(e.under(step) for e in self.more))


def _raise_all(errors: list[FieldError]) -> None:
    if errors:
        raise FieldError(errors[0].message, errors[0].hint, errors[0].subpath, tuple(errors[1:]))


class Vocabulary(Protocol):
    """What a skill reference needs to know: the skill ids and their aliases."""

    def resolve_skill(self, value: str) -> str | None: ...

    def skill_ids(self) -> Sequence[str]: ...


def describe(value: Any) -> str:
    """A contributor-friendly name for a YAML value, quoting it only if it cannot be private.

    Under `contact` and `private` (see :class:`Private`), and for anything that holds an
    email address or a phone number, the message says what kind of value it is instead.
    """
    if value is None:
        return Msg("nothing")
    if isinstance(value, bool):
        return Msg("%(value)s (a yes/no value)", value="true" if value else "false")
    if isinstance(value, BigNumber):
        return Msg("a number too large to read")
    if isinstance(value, int | float):
        hidden = private_kind(str(value))
        return (Msg("a number") if hidden == "a value" else hidden) if hidden else Msg("the number %(value)s",
                                                                                 value=value)
    if isinstance(value, dt.date):
        return Msg("a date") if private_kind("") else Msg("the date %(value)s", value=value.isoformat())
    if isinstance(value, list):
        return Msg("a list")
    if isinstance(value, dict):
        return Msg("a map of 'key: value' lines")
    return quote(str(value))


class Kind:
    """Base class: a field kind checks one value."""

    def check(self, value: Any, vocab: Vocabulary) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


#: What ends or splits a line besides "\n": refused inside a one-line field (after stripping).
_LINE_BREAKING = re.compile("[\t\r\u2028\u2029]")
#: Every character one of Text's checks refuses (a newline, _LINE_BREAKING, CONTROL,
#: SURROGATE): text without any of them passes them all in one search.
_SUSPECT = re.compile("[\n\t\r\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Text(Kind):
    max_length: int = 0
    single_line: bool = True

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise FieldError(Msg("expected text, got %(value)s", value=describe(value)))
        text = str(value).strip()
        if not text:
            raise FieldError(Msg("must not be empty"))
        if _SUSPECT.search(text):  # most text has none of the characters refused here
            self._refuse_characters(text)
        if self.max_length and len(text) > self.max_length:
            raise FieldError(Msg("is %(length)s characters long; at most %(most)s are allowed",
                                 length=len(text), most=self.max_length))
        return text

    def _refuse_characters(self, text: str) -> None:
        if self.single_line and "\n" in text:
            raise FieldError(Msg("must be a single line"))
        breaking = _LINE_BREAKING.search(text) if self.single_line else None
        if breaking:
            # A carriage return or a tab is harmless on a page but, printed by `contacts`
            # or `match`, moves the cursor or splits a tab-separated line.
            raise FieldError(Msg("contains the control character U+%(code)s",
                                 code=f"{ord(breaking.group()):04X}"),
                             Msg("a one-line field holds no tab, carriage return or line separator; "
                                 "use a space"))
        control = CONTROL.search(text)
        if control:
            raise FieldError(Msg("contains the control character U+%(code)s",
                                 code=f"{ord(control.group()):04X}"),
                             Msg("remove it; in double quotes it may be an escape such as \\e"))
        if SURROGATE.search(text):
            raise FieldError(Msg("contains half of a character (an escape from \\uD800 to \\uDFFF)"),
                             Msg("write the character itself instead of its escape"))

    def json_schema(self) -> dict[str, Any]:
        # check() strips the text first, so "not empty" means "has a non-space
        # character", and a single line may still end in a newline.
        pattern = r"^\s*[^\n\r\t\u2028\u2029]*\S[^\n\r\t\u2028\u2029]*\s*$" \
            if self.single_line else r"\S"
        schema: dict[str, Any] = {"type": ["string", "number"], "minLength": 1, "pattern": pattern}
        if self.max_length:
            schema["maxLength"] = self.max_length
        return schema


@dataclass(frozen=True)
class Boolean(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> bool:
        if not isinstance(value, bool):
            raise FieldError(Msg("expected true or false, got %(value)s", value=describe(value)))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any, vocab: Vocabulary) -> int:
        _refuse_big(value, self.minimum, self.maximum)
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(Msg("expected a whole number, got %(value)s", value=describe(value)))
        _check_range(value, self.minimum, self.maximum)
        return value

    def json_schema(self) -> dict[str, Any]:
        return _with_range({"type": "integer"}, self.minimum, self.maximum)


@dataclass(frozen=True)
class Number(Kind):
    minimum: float | None = None
    maximum: float | None = None

    def check(self, value: Any, vocab: Vocabulary) -> float:
        _refuse_big(value, self.minimum, self.maximum)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(Msg("expected a number, got %(value)s", value=describe(value)))
        _check_range(value, self.minimum, self.maximum)
        return float(value)

    def json_schema(self) -> dict[str, Any]:
        return _with_range({"type": "number"}, self.minimum, self.maximum)


def _check_range(value: float, minimum: float | None, maximum: float | None) -> None:
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        shown = describe(value).removeprefix("the number ")
        raise FieldError(Msg("%(value)s is out of range: %(range)s", value=shown,
                             range=_range_hint(minimum, maximum)))


def _range_hint(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return Msg("use %(least)s to %(most)s", least=minimum, most=maximum)
    if minimum is not None:
        return Msg("use %(least)s or more", least=minimum)
    return Msg("use at most %(most)s", most=maximum)


def _refuse_big(value: Any, minimum: float | None, maximum: float | None) -> None:
    """A number with hundreds of digits, or beyond a float (1e999): refused by name."""
    if isinstance(value, BigNumber):
        hint = _range_hint(minimum, maximum) if minimum is not None or maximum is not None else ""
        raise FieldError(Msg("the number is too small") if value.negative else Msg("the number is too large"),
                         hint)


def _with_range(
    schema: dict[str, Any], minimum: float | None, maximum: float | None
) -> dict[str, Any]:
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


_DATE_HINT = Msg("dates are YYYY-MM-DD")


@dataclass(frozen=True)
class Date(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> dt.date:
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise FieldError(Msg("%(value)s is not a real date", value=quote(value)), _DATE_HINT)
        raise FieldError(Msg("expected a date, got %(value)s", value=describe(value)), _DATE_HINT)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


@dataclass(frozen=True)
class Choice(Kind):
    choices: tuple[str, ...]

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str) or value not in self.choices:
            hint = did_you_mean(str(value), self.choices) if isinstance(value, str) else ""
            raise FieldError(
                Msg("%(value)s is not one of: %(choices)s", value=describe(value),
                    choices=", ".join(self.choices)),
                hint,
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


#: "… is not a person id", one sentence per record type (grammar differs by language).
NOT_AN_ID = {"person": N_("%(value)s is not a person id"), "resource": N_("%(value)s is not a resource id"),
             "session": N_("%(value)s is not a session id"), "story": N_("%(value)s is not a story id")}


@dataclass(frozen=True)
class RecordId(Kind):
    """A reference to another record by id; existence is checked after loading."""

    target: str

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            source = NOT_AN_ID.get(self.target, N_("%(value)s is not an id"))
            raise FieldError(Msg(source, value=describe(value)), ID_RULE)
        return value

    def json_schema(self) -> dict[str, Any]:
        # JSON Schema patterns match anywhere in the string, so anchor both ends.
        return {"type": "string", "pattern": "^" + ID_PATTERN.pattern.removesuffix(r"\Z") + "$"}


@dataclass(frozen=True)
class SkillRef(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str):
            raise FieldError(Msg("expected a skill id, got %(value)s", value=describe(value)))
        skill = vocab.resolve_skill(value)
        if skill is None:
            raise FieldError(
                Msg("unknown skill %(value)s", value=quote(value)),
                did_you_mean(value, vocab.skill_ids()) or Msg("add it to content/skills.yml"),
            )
        return skill

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "description": "a key (or alias) of content/skills.yml"}


@dataclass(frozen=True)
class Language(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str) or value not in LANGUAGES:
            # Codes are lowercase, as in the JSON Schema: 'EN' gets a hint, not a pass.
            code = value.lower() if isinstance(value, str) and value.lower() in LANGUAGES else (
                _LANGUAGE_BY_NAME.get(str(value).strip().lower()))
            hint = (
                Msg("use %(code)s for %(name)s", code=f"'{code}'", name=LANGUAGES[code]) if code
                else did_you_mean(str(value), LANGUAGES) or Msg("use ISO 639-1 codes such as en, es, fr")
            )
            raise FieldError(Msg("%(value)s is not an ISO 639-1 language code", value=describe(value)), hint)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"enum": sorted(LANGUAGES)}


_LANGUAGE_BY_NAME = {
    part.strip().lower(): code
    for code, name in LANGUAGES.items()
    for part in name.replace(";", ",").split(",")
}


def language_code(text: str) -> str | None:
    """The ISO 639-1 code for a code or an English language name ('Spanish' → 'es')."""
    word = text.strip().lower()
    return word if word in LANGUAGES else _LANGUAGE_BY_NAME.get(word)


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@dataclass(frozen=True)
class TimeZone(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str) or value not in _time_zones():
            hint = (
                (time_zone_hint(value, _time_zones()) or did_you_mean(value, _time_zones()))
                if isinstance(value, str) else ""
            ) or Msg("use an IANA name such as Europe/Berlin")
            raise FieldError(Msg("%(value)s is not a known time zone", value=describe(value)), hint)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "description": "an IANA time zone name, e.g. Europe/Berlin"}


@dataclass(frozen=True)
class Country(Kind):
    """An ISO 3166-1 alpha-2 code (`NG`); a lowercase code or a country's name gets a hint."""

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if isinstance(value, str) and value in countries():
            return value
        code = country_code(value) if isinstance(value, str) else None
        hint = (Msg("use '%(code)s' for %(country)s", code=code, country=countries()[code]) if code
                else Msg("use an ISO 3166-1 alpha-2 code such as NG, CO or DE"))
        raise FieldError(Msg("%(value)s is not an ISO 3166-1 country code", value=describe(value)), hint)

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(countries())}


@dataclass(frozen=True)
class Photo(Kind):
    """A path under content/media/ (`media/people/ana.jpg`); never a URL.

    Only the path is checked here; the loader checks that the file is there and that
    it is an image of bounded size (:mod:`.photos`).
    """

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str) or not value.strip():
            raise FieldError(Msg("expected the path of an image, got %(value)s",
                                 value=describe(value)))
        text = value.strip()
        example = Msg("e.g. %(photo_folder)s/ana.jpg", photo_folder=PHOTO_FOLDER)
        if "://" in text or text.startswith("//") or text.lower().startswith(("data:", "http")):
            raise FieldError(Msg("must be an image stored in the hub, not a link"),
                             Msg("save the picture under content/%(photo_folder)s/ and give its path, "
                                 "%(example)s",
                                 photo_folder=PHOTO_FOLDER, example=example))
        path = text.removeprefix("/").removeprefix("content/")
        parts = path.split("/")
        if "\\" in path or any(part in ("", ".", "..") for part in parts) or parts[0] != "media":
            raise FieldError(Msg("%(text)s is not a path under content/media/", text=quote(text)), example)
        suffix = "." + path.rsplit(".", 1)[-1] if "." in parts[-1] else ""
        if suffix not in IMAGE_SUFFIXES:
            raise FieldError(Msg("%(text)s is not a png, jpg, webp or gif image", text=quote(text)), example)
        return path

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^/?(content/)?media/[^\\:]+\.(png|jpg|jpeg|webp|gif)$",
                "description": "an image under content/media/, e.g. media/people/ana.jpg"}


#: Any space inside a link (re's \s is str.isspace(), checked per character before).
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class HttpsUrl(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str):
            raise FieldError(Msg("expected a link, got %(value)s", value=describe(value)))
        try:
            parts = urlsplit(value.strip())
        except ValueError:  # e.g. an unclosed '[' in the host: not a traceback, a problem
            raise FieldError(Msg("%(value)s is not a valid link", value=quote(value)),
                             Msg("check the address")) from None
        if parts.scheme != "https" or not parts.netloc or _SPACE.search(value.strip()):
            raise FieldError(Msg("%(value)s is not an https:// link", value=quote(value)),
                             _https_hint(value.strip(), parts.scheme))
        seen = resolve(value.strip())
        # A browser reads `https://evil.example\@good.example` as evil.example (a backslash
        # ends the host); urlsplit reads good.example. Judge by what the reader's browser opens.
        if "\\" in value or seen.protocol != "https:" or not seen.host:
            raise FieldError(Msg("%(value)s is read differently by browsers", value=quote(value)),
                             Msg("write the address as the browser shows it, without backslashes"))
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        # Surrounding spaces are stripped by check(); none may remain inside.
        return {"type": "string", "pattern": r"^\s*https://[^\s/?#\\]+[^\s\\]*\s*$"}


#: GitHub's rules for a user name: 1–39 letters, digits or single hyphens, not starting
#: or ending with a hyphen (what its sign-up form accepts).
GITHUB_USER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")


@dataclass(frozen=True)
class GitHubUser(Kind):
    """A GitHub user name, written without '@'; used only to mention the person in nudges."""

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if isinstance(value, str) and value.startswith("@") and GITHUB_USER.fullmatch(value[1:]):
            raise FieldError(Msg("%(value)s starts with '@'", value=quote(value)),
                             Msg("write the user name alone: %(name)s", name=value[1:]))
        if not isinstance(value, str) or not GITHUB_USER.fullmatch(value):
            raise FieldError(Msg("%(value)s is not a GitHub user name", value=describe(value)),
                             Msg("1 to 39 letters, digits or single hyphens, not starting or ending "
                                 "with a hyphen, e.g. ana-souza"))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^" + GITHUB_USER.pattern + "$", "maxLength": 39}


def _https_hint(url: str, scheme: str) -> Msg:
    """For a plain http:// link, the exact https:// address to write instead."""
    if scheme.lower() == "http" and not any(c.isspace() for c in url) and not private_kind(url):
        rewritten = "https" + url[len(scheme):]
        if urlsplit(rewritten).netloc and len(rewritten) <= 2000:
            # Whole, not cut short like a quoted value: the contributor copies it.
            return Msg("use %(url)s instead", url=one_line(rewritten))
    return Msg("links must start with https://")


@dataclass(frozen=True)
class Email(Kind):
    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str) or not is_email(value):
            raise FieldError(Msg("%(value)s is not an email address", value=describe(value)))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "email", "pattern": f"^{EMAIL_PATTERN}$"}


@dataclass(frozen=True)
class Sealed(Kind):
    """An ASCII-armored age file (`contact.sealed`): checked for shape, never decrypted."""

    def check(self, value: Any, vocab: Vocabulary) -> str:
        if not isinstance(value, str):
            raise FieldError(Msg("expected an armored age block, got %(value)s",
                                 value=describe(value)),
                             Msg("paste the whole block that 'mentorhub seal' prints, after 'sealed: "
                                 "|'"))
        problem = armor_problem(value)
        if problem:
            raise FieldError(Msg("the sealed block %(problem)s", problem=problem),
                             Msg("seal the email again with 'mentorhub seal' and paste the whole "
                                 "block"))
        return value.strip() + "\n"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string",
                "pattern": r"^\s*-----BEGIN AGE ENCRYPTED FILE-----\r?\n[A-Za-z0-9+/=\r\n]+"
                           r"-----END AGE ENCRYPTED FILE-----\s*$"}


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    min_items: int = 0

    def check(self, value: Any, vocab: Vocabulary) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise FieldError(Msg("expected a list, got %(value)s", value=describe(value)),
                             Msg("write [a, b] or '- a' lines"))
        if len(value) < self.min_items:
            raise FieldError(Msg("must list at least one value"))
        result: list[Any] = []
        errors: list[FieldError] = []
        for index, item in enumerate(value):
            try:
                checked = self.item.check(item, vocab)
            except FieldError as exc:
                errors.extend(e.under(index) for e in exc.all())
                continue
            if checked not in result:
                result.append(checked)
        _raise_all(errors)
        return tuple(result)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass(frozen=True)
class MapOf(Kind):
    """A map with free keys (e.g. link names) and values of one kind."""

    value: Kind

    def check(self, value: Any, vocab: Vocabulary) -> tuple[tuple[str, Any], ...]:
        if not isinstance(value, dict):
            raise FieldError(Msg("expected a map of 'name: value' lines, got %(value)s",
                                 value=describe(value)))
        result = []
        errors: list[FieldError] = []
        for key, item in value.items():
            try:
                _NAME.check(key, vocab)  # names are shown as link text: text rules apply
                result.append((key, self.value.check(item, vocab)))
            except FieldError as exc:
                errors.extend(e.under(key) for e in exc.all())
        _raise_all(errors)
        return tuple(result)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.value.json_schema()}


_NAME = Text()


@dataclass(frozen=True)
class AnyMap(Kind):
    """Any map at all (used for `private`, which is checked for shape only)."""

    def check(self, value: Any, vocab: Vocabulary) -> None:
        if not isinstance(value, dict):
            raise FieldError(Msg("expected a map of 'key: value' lines, got %(value)s",
                                 value=describe(value)))
        return None  # never kept: private data does not enter the model

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object"}


@dataclass(frozen=True)
class Struct(Kind):
    """A map with fixed keys, e.g. `feedback: {responses, satisfaction}`."""

    fields: tuple[tuple[str, Kind], ...]
    required: tuple[str, ...] = ()

    def check(self, value: Any, vocab: Vocabulary) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise FieldError(Msg("expected a map with %(keys)s, got %(value)s", keys=self._names(),
                                 value=describe(value)))
        kinds = dict(self.fields)
        result: dict[str, Any] = {}
        errors: list[FieldError] = []
        for key, item in value.items():
            if key not in kinds:
                errors.append(FieldError(
                    Msg("unknown key %(key)s", key=_key(key)),
                    did_you_mean(key, kinds) or Msg("use %(keys)s", keys=self._names()), (key,)
                ))
                continue
            try:
                result[key] = kinds[key].check(item, vocab)
            except FieldError as exc:
                errors.extend(e.under(key) for e in exc.all())
        errors.extend(
            FieldError(Msg("missing %(key)s", key=f"'{name}'")) for name in self.required
            if name not in value
        )
        _raise_all(errors)
        return result

    def _names(self) -> str:
        return ", ".join(f"'{name}'" for name, _ in self.fields)

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {name: kind.json_schema() for name, kind in self.fields},
            "required": list(self.required),
            "additionalProperties": False,
        }




@dataclass(frozen=True)
class Contact(Struct):
    """`contact`: a Struct that needs an email, a sealed email, or both."""

    def check(self, value: Any, vocab: Vocabulary) -> dict[str, Any]:
        result = super().check(value, vocab)
        if "email" not in result and "sealed" not in result:
            raise FieldError(Msg("needs 'email' or 'sealed'"),
                             Msg("seal a hidden email with 'mentorhub seal', or write 'email: …'"))
        return result

    def json_schema(self) -> dict[str, Any]:
        return {**super().json_schema(),
                "anyOf": [{"required": ["email"]}, {"required": ["sealed"]}]}


def _key(key: str) -> str:
    """An unknown key: quoted if it is a plain field name, even under `contact` (for the
    'did you mean' hint); otherwise like any value that may be private."""
    kind = kind_of(key)
    if kind:
        return kind
    return f"'{key}'" if _FIELD_NAME.match(key) else quote(key)


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}\Z")


@dataclass(frozen=True)
class Private(Kind):
    """A field whose value may be private (`contact`, `private`): checked by `inner`,
    but no problem about it quotes the value (they go to public CI logs)."""

    inner: Kind

    def check(self, value: Any, vocab: Vocabulary) -> Any:
        with unquoted():
            return self.inner.check(value, vocab)

    def json_schema(self) -> dict[str, Any]:
        return self.inner.json_schema()


@dataclass(frozen=True)
class PerLanguage(Kind):
    """A text, or a map of UI language → text (`label: {en: Public speaking, es: Hablar en
    público}`): skills.yml's `label` and `description`. Checked into `(code, text)` pairs,
    the code "" for a plain text that serves every language."""

    text: Text

    def check(self, value: Any, vocab: Vocabulary) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            return (("", self.text.check(value, vocab)),)
        if not value:
            raise FieldError(Msg("must not be empty"),
                             Msg("write a text, or one line per language: {en: …, es: …}"))
        result: list[tuple[str, str]] = []
        errors: list[FieldError] = []
        for code, text in value.items():
            try:
                result.append((Language().check(code, vocab), self.text.check(text, vocab)))
            except FieldError as exc:
                errors.extend(e.under(code) for e in exc.all())
        _raise_all(errors)
        return tuple(result)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.text.json_schema(), {
            "type": "object", "minProperties": 1,
            "propertyNames": Language().json_schema(),
            "additionalProperties": self.text.json_schema(),
        }]}
