"""The footer's "Made with Material for MkDocs" line, in the UI language.

Material writes it in English whatever `theme.language` says; the mentorhub theme's
partials/copyright.html shows this instead. `extra: {generator: false}` in mkdocs.yml
leaves it out, and `copyright:` sets the line above it (docs/i18n.md).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..i18n import Localizer

MATERIAL_URL = "https://squidfunk.github.io/mkdocs-material/"


def made_with(i18n: Localizer) -> Markup:
    """'Made with <a>Material for MkDocs</a>' (the product name is not translated)."""
    link = Markup('<a href="{url}" target="_blank" rel="noopener">Material for MkDocs</a>').format(
        url=MATERIAL_URL)
    return Markup(escape(i18n.gettext("Made with %(generator)s"))).replace("%(generator)s", link)
