"""`verify`'s check of the relationship records: no private value of theirs is in the site.

Runs where the records can be opened: in the deploy build (MENTORHUB_BUILD_KEY) and in
the demo. Searches the built site for every note and goal of every record and for each
line of the encrypted files themselves, the way `verify` searches for private fields
(decompressed, entity- and %-decoded). Problems name the record file, never the value.
"""

from __future__ import annotations

from pathlib import Path

from ..cycle.demo import DEMO_BUILD_SECRET
from ..cycle.settings import SettingsError, read_settings
from ..cycle.storage import RecordError, build_identity, identity_from_text, read_records, record_files
from ..verify.problem import SiteProblem
from ..verify.secrets import MIN_SECRET_LENGTH, Secret, Secrets, leak_problems
from .common import content_dir
from .notes import hub_options


def record_leak_problems(site: Path, project: Path) -> list[SiteProblem]:
    try:
        settings = read_settings(hub_options(project / "mkdocs.yml"), project=project,
                                 content_dir=content_dir(project))
        identities = (identity_from_text(DEMO_BUILD_SECRET, "the demo build key") if settings.demo
                      else build_identity(settings.build_key))
    except (SettingsError, RecordError) as exc:
        return [SiteProblem("mkdocs.yml", str(exc))]
    folder = settings.folder(project)
    secrets = [Secret(line, f"a line of the encrypted record {path.relative_to(project).as_posix()}")
               for path in record_files(folder)
               for line in path.read_text(encoding="ascii", errors="replace").splitlines()[2:-1]
               if len(line) >= 16]  # the first lines are the same in every age file
    if identities is not None:
        for record in read_records(folder, identities, project).relationships:
            values = [c.note for c in record.checkins] + [g.goal for g in record.goals]
            secrets += [Secret(v, f"a note or goal of {record.path}") for v in values
                        if len(v) >= MIN_SECRET_LENGTH]
    return list(leak_problems(site, Secrets(values=secrets, draft_pages=[])))
