"""Links that invite contributions: "propose an edit", "add yourself", the contributing guide.

All of them derive from one setting, the web editor's base URL for the content
folder (MkDocs' `edit_uri`, e.g. `https://github.com/org/hub/edit/main/content/`),
so a site names its repository once. GitHub and GitLab share the URL shapes used
here: `…/edit/<branch>/<path>`, `…/new/<branch>/<folder>?filename=…&value=…` and
`…/blob/<branch>/<path>` (GitLab puts `-/` before each).
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlencode, urljoin

from ..i18n import Localizer

_ACTION = re.compile(r"/(-/)?(edit|blob)/")
#: A GitHub repository's web-editor URL: issue forms are a GitHub feature.
_GITHUB_REPOSITORY = re.compile(r"(https://github\.com/[^/?#]+/[^/?#]+)/(edit|blob)/")


def edit_base(repo_url: str | None, edit_uri: str | None) -> str:
    """The absolute editor URL of the content folder, as MkDocs resolves it; '' if none."""
    if not edit_uri:
        return ""
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri) if repo_url else edit_uri
    if not base.startswith(("https://", "http://")):
        return ""
    return base if base.endswith("/") else base + "/"


def edit_url(base: str, path_in_content: str) -> str:
    """The web-editor URL of one content file (`people/ana.md`)."""
    return base + quote(path_in_content) if base else ""


def _with_action(base: str, action: str) -> str:
    """`base` with its `edit`/`blob` path segment replaced by `action`; '' if it has none."""
    if not _ACTION.search(base):
        return ""
    return _ACTION.sub(lambda m: f"/{m.group(1) or ''}{action}/", base, count=1)


def new_file_base(base: str) -> str:
    """The web editor's "create a file" URL of the content folder (`…/new/main/content/`); '' if none.

    The join form appends `FOLDER?filename=…&value=…` in the browser, as :func:`new_file_url` does.
    """
    return _with_action(base, "new")


def new_file_url(base: str, folder: str, filename: str, text: str) -> str:
    """The web editor's "create a file" URL, prefilled with a name and a starting text."""
    new_base = new_file_base(base)
    if not new_base:
        return ""
    return f"{new_base}{quote(folder)}?{urlencode({'filename': filename, 'value': text})}"


def repository_file_url(base: str, content_folder: str, path: str) -> str:
    """A file at the repository's root (e.g. CONTRIBUTING.md), shown in the browser.

    `base` ends in the content folder's path (`…/edit/main/content/`); that suffix
    is dropped to reach the root.
    """
    blob_base = _with_action(base, "blob")
    suffix = content_folder.strip("/") + "/"
    if not blob_base or not content_folder or not blob_base.endswith("/" + suffix):
        return ""
    return blob_base[: -len(suffix)] + quote(path)


def issue_form_url(base: str, template: str, title: str, fields: dict[str, str]) -> str:
    """GitHub's "new issue" URL with an issue form chosen and its fields prefilled; '' off GitHub.

    `base` is the editor URL of the content folder (:func:`edit_base`); the repository
    is the part before `/edit/`. Form fields are prefilled by their `id`.
    """
    match = _GITHUB_REPOSITORY.match(base)
    if not match:
        return ""
    query = urlencode({"template": template, "title": title, **fields})
    return f"{match.group(1)}/issues/new?{query}"


def edit_invitation(edit_url_: str, i18n: Localizer) -> str:
    """The visible "propose an edit" line under a content page, in the UI language."""
    link = i18n.gettext(
        'Something missing or out of date? <a href="%(url)s" rel="edit">Propose an edit</a>',
        url=html.escape(edit_url_))
    return f'<p class="mh-edit" data-pagefind-ignore="all">{link}</p>'
