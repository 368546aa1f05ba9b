"""The skills vocabulary (`content/skills.yml`): ids, labels, aliases."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .models import Skill
from .problems import Msg, Problem


@dataclass
class SkillVocabulary:
    """Resolves what contributors write (id, alias or label, any case) to a skill id."""

    skills: dict[str, Skill] = field(default_factory=dict)
    _lookup: dict[str, str] = field(default_factory=dict)

    def add(self, skill: Skill) -> None:
        self.skills[skill.id] = skill
        for word in (skill.id, skill.label, *(text for _, text in skill.labels), *skill.aliases):
            self._lookup.setdefault(word.strip().lower(), skill.id)

    def owner_of(self, word: str) -> str | None:
        """The skill that already uses `word` as its id, label or alias."""
        return self._lookup.get(word.strip().lower())

    def resolve_skill(self, value: str) -> str | None:
        if value in self.skills:
            return value
        return self._lookup.get(value.strip().lower())

    def fingerprint(self) -> str:
        """A digest of everything a record's skill fields are checked against (what resolves to what)."""
        text = repr((list(self.skills), sorted(self._lookup.items())))
        return hashlib.sha256(text.encode()).hexdigest()

    def skill_ids(self) -> Sequence[str]:
        return list(self.skills)


def translation_warnings(skills: Mapping[str, Skill], languages: Sequence[str],
                         path: str, text: str) -> list[Problem]:
    """A warning per per-language label or description that lacks one of the hub's UI
    languages: that tree shows the first language's text. `text` is skills.yml's, for the
    lines; a plain label serves every language and is never warned about."""
    lines = {line.split(":", 1)[0]: number for number, line in enumerate(text.splitlines(), 1)
             if line[:1].isalnum()}
    wanted = list(dict.fromkeys(lang.replace("_", "-").split("-")[0].lower() for lang in languages))
    found = []
    for skill in skills.values():
        for field_name, texts in (("label", skill.labels), ("description", skill.descriptions)):
            missing = [lang for lang in wanted if texts and lang not in dict(texts)]
            if missing:
                shown = wanted[0] if wanted[0] in dict(texts) else texts[0][0]
                found.append(Problem(
                    path, lines.get(skill.id, 1), f"{skill.id}.{field_name}",
                    Msg("no translation for %(missing)s: those pages show the %(shown)s text",
                        missing=", ".join(missing), shown=shown),
                    Msg("add a line per language, e.g. %(line)s", line=f"'{missing[0]}: …'"),
                    severity="warning"))
    return found
