"""Free-form pages: `content/index.md` (the home page) and `content/pages/**.md`.

They go through the same strict front-matter split as records, a small schema of
their own (title, description, lang, draft; unknown fields are typos), the same
body sanitizer when rendered, and the same draft rule. MkDocs never reads the raw
file: the plugin publishes a page rendered from the :class:`FreePage` model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fields import ID_PATTERN, FieldError
from .free_text import free_text_problems
from .frontmatter import FrontMatterError, split
from .models import FreePage, Source
from .problems import Msg, Problem, did_you_mean
from .schema import PAGE_FIELDS, RecordType
from .vocabulary import SkillVocabulary

_FIELDS = {f.name: f for f in PAGE_FIELDS}
_NO_SKILLS = SkillVocabulary()
# Free pages are free text through and through: the same email and phone checks as records.
_PAGE_TYPE = RecordType(name="page", folder="pages", fields=PAGE_FIELDS)


def parse_page(src_uri: str, path: Path, shown: str) -> tuple[FreePage | None, list[Problem]]:
    """The page at `path` (`src_uri` under content/), or None (draft or problems) and why."""
    problems: list[Problem] = []
    for part in src_uri.removesuffix(".md").split("/"):
        if not ID_PATTERN.match(part):
            problems.append(Problem(shown, 1, "file", Msg("'%(part)s' cannot be part of a page's URL",
                                                          part=part),
                                    Msg("page and folder names use lowercase a-z, 0-9 and '-', "
                                        "starting with a letter or digit")))
            return None, problems
    try:
        split_file = split(path.read_bytes())
    except OSError as exc:
        return None, [Problem(shown, 1, "file", Msg("cannot be read (%(reason)s)",
                                                    reason=exc.strerror))]
    except FrontMatterError as exc:
        return None, [Problem(shown, exc.line, "front matter", exc.message, exc.hint)]
    document = split_file.front_matter
    data: dict[str, Any] = document.data
    if data.get("draft") is True:
        return None, []  # work in progress: never published, not checked yet (as records)
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = document.line_of((key,))
        spec = _FIELDS.get(key)
        if key == "private":
            problems.append(Problem(shown, line, key, Msg("a page has no private part: all of it is "
                                                          "published"),
                                    Msg("keep private notes out of content/pages/")))
        elif spec is None:
            problems.append(Problem(shown, line, key, Msg("unknown field"),
                                    did_you_mean(key, _FIELDS) or
                                    Msg("page fields are: %(names)s", names=', '.join(_FIELDS))))
        elif value is not None:
            try:
                values[key] = spec.kind.check(value, _NO_SKILLS)
            except FieldError as exc:
                problems.extend(Problem(shown, document.line_of((key, *e.subpath)), key,
                                        e.message, e.hint) for e in exc.all())
    for spec in PAGE_FIELDS:
        if spec.required and data.get(spec.name) is None:
            problems.append(Problem(shown, 1, spec.name, Msg("missing required field"),
                                    Msg("add '%(name)s: %(example)s'",
                                        name=spec.name, example=spec.example)))
    problems += free_text_problems(_PAGE_TYPE, values, document, split_file.body,
                                   split_file.body_line, shown)
    if problems:
        return None, problems
    return FreePage(
        src_uri=src_uri, source=Source(shown), title=values["title"],
        description=values.get("description", ""), lang=values.get("lang", ""),
        body=split_file.body,
    ), []
