"""The words of the "page not found" page (the theme's 404.html), in the UI language.

Material's own 404 says only "404 - Not found". Ours says what happened and offers the
two ways on: the home page and the search page. The template gets these as a global
(`mentorhub_not_found`), because theme templates have no gettext of their own.
"""

from __future__ import annotations

from ..i18n import Localizer


def not_found_words(i18n: Localizer) -> dict[str, str]:
    """Title, explanation and link labels of the 404 page."""
    _ = i18n.gettext
    return {
        "title": _("Page not found"),
        "text": _("There is no page at this address. It may have moved, or the link may "
                  "have a typing mistake."),
        "home": _("Go to the home page"),
        "search": _("Search the hub"),
    }
