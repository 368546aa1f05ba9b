"""Turning one cell into a field's value: lists split, names to codes, yes/no, dates.

Each conversion follows the field's kind in the schema, so a field another branch
adds (`country`, `photo`) converts by its contract without code here knowing it,
beyond the name-to-code tables. A value that cannot be converted raises
:class:`ConvertError`, whose message quotes it only the way `mentorhub check` would.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..hub.fields import (
    Boolean,
    Choice,
    Date,
    HttpsUrl,
    Integer,
    Kind,
    Language,
    ListOf,
    Number,
    SkillRef,
    Text,
    language_code,
)
from ..hub.languages import LANGUAGES
from ..hub.problems import Msg, did_you_mean
from ..hub.quoting import quote
from ..hub.vocabulary import SkillVocabulary

#: Cells that hold several answers: Google Forms joins checkboxes with ", ", Microsoft
#: Forms with ";", people type new lines.
_LIST_SPLIT = re.compile(r"\s*(?:[,;\n]|\r\n)\s*")

#: Yes and no in the hub's UI languages (and what spreadsheets write for a ticked box).
_YES = {"yes", "y", "true", "1", "x", "✓", "✔", "checked", "sí", "si", "s", "oui", "o", "sim",
        "ja", "j", "verdadero", "vrai", "verdadeiro", "wahr"}
_NO = {"no", "n", "false", "0", "unchecked", "non", "não", "nao", "nein", "falso", "faux", "falsch"}

_DATE_FORMATS = {
    "ymd": ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"),
    "dmy": ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%y"),
    "mdy": ("%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y"),
}


class ConvertError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Converter:
    """Conversions for one import: the form's language, the date order, the vocabulary."""

    def __init__(self, vocab: SkillVocabulary, language: str = "en", date_order: str = "") -> None:
        self.vocab = vocab
        self.language = language
        self.date_order = date_order or ("mdy" if language in ("en", "en_US") else "dmy")
        self.unknown_skills: dict[str, int] = {}  # label as written → rows

    def items(self, value: Any, split: bool) -> list[Any]:
        if isinstance(value, list | tuple):
            return [v for v in value if v not in (None, "")]
        if isinstance(value, str) and split:
            return [part for part in _LIST_SPLIT.split(value.strip()) if part]
        return [value]

    def convert(self, kind: Kind, value: Any, values: dict[str, Any], split: bool = True) -> Any:
        """`value` from the source as `kind` expects it; `values` maps answers first."""
        if isinstance(kind, ListOf):
            result: list[Any] = []
            errors: list[ConvertError] = []
            for item in self.items(value, split):
                try:
                    converted = self.convert(kind.item, item, values)
                except ConvertError as exc:
                    errors.append(exc)
                    continue
                for one in converted if isinstance(converted, list) else [converted]:
                    if one not in result:
                        result.append(one)
            if errors:
                message = errors[0].message
                for error in errors[1:]:  # "a; b; c", each part in the hub's language
                    message = Msg("%(first)s; %(second)s", first=message, second=error.message)
                raise ConvertError(message, errors[0].hint)
            return result
        if isinstance(value, str) and value.strip().lower() in values:
            return values[value.strip().lower()]
        if isinstance(kind, Boolean):
            return self.boolean(value)
        if isinstance(kind, Language):
            return self.language_of(value)
        if isinstance(kind, Choice):
            return _choice(kind, value)
        if isinstance(kind, SkillRef):
            return self.skill(value)
        if isinstance(kind, Date):
            return self.date(value)
        if isinstance(kind, Integer | Number):
            return _number(value, isinstance(kind, Integer))
        if isinstance(kind, HttpsUrl):
            return _https(value)
        if isinstance(kind, Text):
            return str(value).strip()
        return value  # the field's own check says what is wrong with it

    def boolean(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower().rstrip(".!")
        first = word.split(",")[0].split(" ")[0]  # "Yes, I agree" / "Sí, acepto"
        if word in _YES or first in _YES:
            return True
        if word in _NO or first in _NO:
            return False
        raise ConvertError(Msg("%(value)s is not a yes or no answer", value=quote(str(value))),
                           Msg('map the answers with \'values: {"…": true}\' in the mapping file'))

    def language_of(self, value: Any) -> str:
        text = str(value).strip()
        code = language_code(text) or language_names(self.language).get(_fold(text)) or \
            all_language_names().get(_fold(text))
        if code is None:
            raise ConvertError(Msg("%(value)s is not a language we know", value=quote(text)),
                               did_you_mean(text, [LANGUAGES[c] for c in LANGUAGES]) or
                               Msg("write the language's name or its ISO 639-1 code (es, fr)"))
        return code

    def skill(self, value: Any) -> str:
        text = str(value).strip()
        found = self.vocab.resolve_skill(text)
        if found is None:
            self.unknown_skills[text] = self.unknown_skills.get(text, 0) + 1
            raise ConvertError(Msg("unknown skill %(value)s", value=quote(text)),
                               did_you_mean(text, self.vocab.skill_ids()) or
                               Msg("add it to content/skills.yml, or run again with --add-skills"))
        return found

    def date(self, value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value).strip().split(" ")[0].split("T")[0]
        quick = _quick_date(text, self.date_order)
        if quick is not None:
            return quick
        for order in ("ymd", self.date_order):
            for pattern in _DATE_FORMATS[order]:
                try:
                    return dt.datetime.strptime(text, pattern).date()
                except ValueError:
                    continue
        raise ConvertError(Msg("%(value)s is not a date we can read", value=quote(str(value))),
                           Msg("write dates as YYYY-MM-DD, or set 'date_order: dmy' or 'mdy' in the "
                               "mapping"))


_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\Z")


def _quick_date(text: str, order: str) -> dt.date | None:
    """All-digit dates without strptime (a form export has one per row); None to try harder."""
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return None
    a, b, c = (int(part) for part in match.groups())
    if len(match.group(1)) == 4:
        year, month, day = a, b, c
    elif len(match.group(3)) == 4:
        year, month, day = (c, a, b) if order == "mdy" else (c, b, a)
    else:
        return None  # two-digit years: the formats below decide
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


@cache
def language_names(locale: str) -> dict[str, str]:
    """Language name in `locale` (and English) → ISO 639-1 code, from CLDR via Babel."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    for tag in dict.fromkeys((locale, "en")):
        try:
            found = Locale.parse(tag).languages
        except (UnknownLocaleError, ValueError):
            continue
        names.update({_fold(n): c for c, n in found.items() if c in LANGUAGES and _fold(n) not in names})
    return names


@cache
def all_language_names() -> dict[str, str]:
    """Language names in every CLDR language ("Portugais", "Spanisch") → ISO 639-1 code."""
    names: dict[str, str] = {}
    for locale in _base_locales():
        for code, name in locale.languages.items():
            if code in LANGUAGES:
                names.setdefault(_fold(name), code)
    return names


@cache
def _territory_names() -> dict[str, str]:
    """Country names in every CLDR language → ISO 3166-1 alpha-2 code (uppercase)."""
    names: dict[str, str] = {}
    for locale in _base_locales():
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ"):
                names.setdefault(_fold(name), code)
    return names


def _base_locales() -> Iterable[Any]:
    from babel import Locale, localedata

    # English first, so a name two languages share resolves the way English reads it.
    identifiers = ["en", *sorted(i for i in localedata.locale_identifiers() if "_" not in i and i != "en")]
    return (Locale.parse(i) for i in identifiers)


def country_code(text: str) -> str:
    """An ISO 3166-1 alpha-2 code from a code or a country name in any CLDR language."""
    word = text.strip()
    if len(word) == 2 and word.isalpha() and word.upper() in set(_territory_names().values()):
        return word.upper()
    code = _territory_names().get(_fold(word))
    if code is None:
        raise ConvertError(Msg("%(value)s is not a country we know", value=quote(word)),
                           Msg("write the country's name or its ISO 3166 code (NG, CO)"))
    return code


def _choice(kind: Choice, value: Any) -> str:
    text = str(value).strip().lower()
    for choice in kind.choices:
        if text == choice or text.replace(" ", "-") == choice or text.rstrip("s") == choice:
            return choice
    raise ConvertError(Msg("%(value)s is not one of: %(choices)s",
                           value=quote(str(value)), choices=", ".join(kind.choices)),
                       did_you_mean(text, kind.choices) or
                       Msg('map the answers with \'values: {"…": …}\' in the mapping file'))


def _number(value: Any, whole: bool) -> int | float:
    if isinstance(value, bool):
        raise ConvertError(Msg("expected a number"))
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ConvertError(Msg("%(value)s is not a number", value=quote(str(value)))) from None
    if whole:
        if not number.is_integer():
            raise ConvertError(Msg("%(value)s is not a whole number", value=quote(str(value))))
        return int(number)
    return number


def _https(value: Any) -> str:
    text = str(value).strip()
    if text.lower().startswith("http://"):
        return "https://" + text[len("http://"):]  # reported as a change by the caller
    if "://" not in text and "." in text and " " not in text:
        return "https://" + text  # "linkedin.com/in/ana", as forms collect it
    return text
