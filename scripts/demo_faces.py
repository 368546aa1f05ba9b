"""Draw the demo hub's portraits and give its people a `photo:` and a `country:`.

    .venv/bin/python scripts/demo_faces.py [content]

The faces are stylised drawings made by mentorhub.images.faces from each person's
id (nothing is downloaded; they share the repository's MIT licence). Every fifth
person keeps the initials avatar, so the demo shows both. The country comes from
the last part of `location:` ("Kano, Nigeria" → NG). Running it again changes nothing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mentorhub.hub.countries import country_code
from mentorhub.images.faces import draw_face

_ALIASES = {"usa": "US", "türkiye": "TR", "uk": "GB"}


def _may_have_beard(text: str) -> bool:
    """A drawn beard only for people who say he/him."""
    return bool(re.search(r"^pronouns: he/him", text, re.MULTILINE))


def main(content: Path) -> None:
    people = sorted((content / "people").glob("*.md"))
    (content / "media" / "people").mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(people):
        text = path.read_text(encoding="utf-8")
        extra = []
        location = re.search(r"^location: (.+)$", text, re.MULTILINE)
        if location and not re.search(r"^country:", text, re.MULTILINE):
            last = location.group(1).rsplit(",", 1)[-1].strip()
            code = _ALIASES.get(last.casefold()) or country_code(last)
            if code:
                extra.append(f"country: {code}")
        if index % 5 != 4 and not re.search(r"^photo:", text, re.MULTILINE):
            photo = f"media/people/{path.stem}.jpg"
            (content / photo).write_bytes(draw_face(path.stem, beard=_may_have_beard(text)))
            extra.append(f"photo: {photo}")
        if extra:  # after `name:`, the first line of every profile
            head, rest = text.split("\n", 2)[:2], text.split("\n", 2)[2]
            path.write_text("\n".join([*head, *extra, rest]), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "content"))
