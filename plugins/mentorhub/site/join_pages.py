"""The /join/ pages: the chooser and one page per form, rendered through overridable templates.

The form itself is built by :mod:`.join` from the schema; this module puts it on a
page with what the page needs around it: the repository's "new file" address (from
`edit_uri`), the hub's `recipients` for sealing, the finder to send a new mentee to,
and the scripts, which only these pages load, and the JSON files with the lists too long
to write into a page (:data:`.join.INLINE_OPTIONS`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from .contribute import new_file_base
from .join import (
    CHOOSER,
    JOIN_SRC,
    KIND,
    JoinForm,
    data_uri,
    form_config,
    join_data,
    join_forms,
    script_json,
    script_messages,
)
from .render import Page, PageContext, SiteRenderer

#: Package assets the join pages load (copied into the site by the hub plugin). The age
#: library (150 KB) only where it is used: the profile form of a hub with `recipients`.
AJV = "assets/mentorhub/vendor/ajv2020.min.js"
AGE = "assets/mentorhub/vendor/age.min.js"
JOIN_JS = "assets/mentorhub/join.js"


def scripts(recipients: Sequence[str]) -> tuple[str, ...]:
    """The scripts the site must carry for its join pages."""
    return (AJV, AGE, JOIN_JS) if recipients else (AJV, JOIN_JS)


STYLESHEET = "assets/mentorhub/join.css"


@dataclass(frozen=True)
class JoinSite:
    """The join pages, and the JSON files their script fetches (URI → text)."""

    pages: list[Page]
    data: dict[str, str]


def join_site(renderer: SiteRenderer, *, recipients: Sequence[str] = (),
              find_src: str = "", content_dir: str = "content") -> JoinSite:
    """/join/ and /join/<form>/ in the UI language, and `join/data/*.json`."""
    i18n = renderer.i18n
    forms = join_forms(renderer.hub, i18n)
    ctx = PageContext(JOIN_SRC, renderer)
    title = i18n.gettext("Join the hub")
    intro = i18n.gettext("Add yourself or share what your group learned. Choose a form: it "
                         "checks your answers and prepares the file for the hub.")
    choices = [(form, i18n.gettext(CHOOSER[form.record.name][1])) for form in forms]
    pages = [Page(JOIN_SRC, title, renderer.render_fragment(
        "join_index.html", ctx, title=title, intro=intro, choices=choices), intro, KIND)]
    pages += [_form_page(renderer, form, recipients=recipients, find_src=find_src,
                         content_dir=content_dir) for form in forms]
    data = {uri: json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
            for uri, rows in join_data(forms, renderer.hub).items()}
    return JoinSite(pages, data)


def _form_page(renderer: SiteRenderer, form: JoinForm, *, recipients: Sequence[str],
               find_src: str, content_dir: str) -> Page:
    ctx = PageContext(form.src_uri, renderer)
    options = renderer.options
    config_seals = bool(recipients) and form.record.name == "person"
    config = form_config(form, today=options.today, new_base=new_file_base(options.edit_base),
                         recipients=recipients, find_url=ctx.link(find_src) if find_src else "",
                         taken_url=ctx.file_link(data_uri(f"ids-{form.record.name}")),
                         content_dir=content_dir)
    markdown = renderer.render_fragment(
        "join_form.html", ctx, title=form.title, form=form, config=script_json(config),
        messages=script_json(script_messages(renderer.i18n)),
        sources={f.source: ctx.file_link(data_uri(f.source)) for f in form.fields if f.source},
        scripts=[ctx.file_link(s) for s in (AJV, AGE, JOIN_JS) if s != AGE or config_seals],
        stylesheet=ctx.file_link(STYLESHEET),
        chooser=ctx.link(JOIN_SRC))
    return Page(form.src_uri, form.title, markdown, form.intro, KIND)
