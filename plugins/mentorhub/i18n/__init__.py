"""Translations and locale-aware formatting: gettext catalogs and CLDR data via Babel.

A room of its own that imports nothing of ours, so every other room may use it:
matching builds its reasons through a :class:`Translator` handed to it in its
options, the site and the Impact pages through a :class:`Localizer`. docs/guide/languages.md
says how a community adds its own language.
"""

from __future__ import annotations

from .catalogs import (
    DOMAIN,
    LOCALE_DIR,
    CatalogReport,
    catalog_path,
    check_catalog,
    shipped_languages,
    translations,
)
from .localizer import ENGLISH, Localizer, Translator, localizer

__all__ = [
    "DOMAIN",
    "ENGLISH",
    "LOCALE_DIR",
    "CatalogReport",
    "Localizer",
    "Translator",
    "catalog_path",
    "check_catalog",
    "localizer",
    "shipped_languages",
    "translations",
]
