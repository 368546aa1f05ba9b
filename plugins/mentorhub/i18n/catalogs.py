"""The message catalogs: `locale/<lang>/LC_MESSAGES/mentorhub.po`, compiled when loaded.

The `.po` files are the only source: each build compiles the one it needs in
memory (Babel's `read_po` + `write_mo`, a few milliseconds), so there is no `.mo`
to forget to recompile and no build step a community must learn. Fuzzy and empty
entries are left out, as `msgfmt` does, and reported by :func:`check_catalog`.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

DOMAIN = "mentorhub"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def catalog_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages(locale_dir: Path = LOCALE_DIR) -> tuple[str, ...]:
    """Languages with a catalog, sorted."""
    return tuple(sorted(p.parent.parent.name for p in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def _candidates(lang: str) -> list[str]:
    """`pt_BR` → [`pt_BR`, `pt`]; `pt-br` is read as `pt_BR` (Material writes `pt-BR`)."""
    code = lang.replace("-", "_")
    base, _, region = code.partition("_")
    full = f"{base.lower()}_{region.upper()}" if region else base.lower()
    return [full, base.lower()] if region else [full]


def find_catalog(lang: str, locale_dir: Path = LOCALE_DIR) -> Path | None:
    for candidate in _candidates(lang):
        path = catalog_path(candidate, locale_dir)
        if path.is_file():
            return path
    return None


def read_catalog(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang.replace("-", "_"), domain=DOMAIN)


@lru_cache(maxsize=32)
def translations(lang: str, locale_dir: Path = LOCALE_DIR) -> gettext.NullTranslations:
    """The compiled catalog for `lang` (or its base language); untranslated text stays English."""
    path = find_catalog(lang, locale_dir)
    if path is None:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(path, path.parent.parent.name), use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@dataclass(frozen=True)
class CatalogReport:
    """How complete one language's catalog is against the template (`mentorhub.pot`)."""

    lang: str
    path: Path | None
    total: int
    missing: tuple[str, ...]  # msgids absent, empty or fuzzy
    obsolete: tuple[str, ...] = ()  # msgids the engine no longer uses

    @property
    def complete(self) -> bool:
        return self.path is not None and not self.missing

    def summary(self) -> str:
        if self.path is None:
            return (f"no mentorhub catalog for language '{self.lang}': the hub's own words stay "
                    f"English (add locale/{self.lang}/LC_MESSAGES/{DOMAIN}.po; see docs/guide/languages.md)")
        first = "; ".join(repr(m) for m in self.missing[:3])
        return (f"{self.path.name} for '{self.lang}' lacks {len(self.missing)} of {self.total} "
                f"messages, shown in English (first: {first})")


def check_catalog(lang: str, locale_dir: Path = LOCALE_DIR,
                  template: Path | None = None) -> CatalogReport:
    """Compare `lang`'s catalog with the template: what a reader would see untranslated."""
    template_path = template or locale_dir / f"{DOMAIN}.pot"
    with template_path.open("rb") as handle:
        wanted = [m.id for m in read_po(handle) if m.id]
    path = find_catalog(lang, locale_dir)
    total = len(wanted)
    if path is None:
        return CatalogReport(lang, None, total, tuple(_msgid(m) for m in wanted))
    catalog = read_catalog(path, path.parent.parent.name)
    missing = []
    for msgid in wanted:
        message = catalog.get(msgid)
        strings = (message.string if isinstance(message.string, (list, tuple))
                   else [message.string]) if message is not None else []
        if message is None or message.fuzzy or not all(strings):
            missing.append(_msgid(msgid))
    keys = {_msgid(m) for m in wanted}
    obsolete = tuple(sorted(_msgid(m.id) for m in catalog if m.id and _msgid(m.id) not in keys))
    return CatalogReport(lang, path, total, tuple(missing), obsolete)


def _msgid(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]
