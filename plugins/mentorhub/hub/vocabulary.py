"""The skills vocabulary (`content/skills.yml`): ids, labels, aliases."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from .models import Skill


@dataclass
class SkillVocabulary:
    """Resolves what contributors write (id, alias or label, any case) to a skill id."""

    skills: dict[str, Skill] = field(default_factory=dict)
    _lookup: dict[str, str] = field(default_factory=dict)

    def add(self, skill: Skill) -> None:
        self.skills[skill.id] = skill
        for word in (skill.id, skill.label, *skill.aliases):
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
