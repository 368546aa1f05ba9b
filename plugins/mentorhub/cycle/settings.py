"""The cycle's settings: mentorhub plugin options `build_key`, `demo` and `cycle` in mkdocs.yml.

    plugins:
      - mentorhub:
          build_key: age1…          # public half; the secret is the MENTORHUB_BUILD_KEY secret
          cycle:
            records: records        # the folder next to mkdocs.yml (never inside content/)
            commitment_months: 12   # closing earlier, for reasons other than goals met, is premature
            first_month_checkins: 2 # MENTOR's Elements of Effective Practice, standard 5
            checkin_days: 30        # then at least one check-in every this many days
            ending_days: 14         # "ends soon" on the attention list
            waiting_days: 30        # a mentee waiting longer than this since `joined`

Read the same way by the commands (from mkdocs.yml) and the build (the plugin config).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..hub.sealing import is_recipient
from .demo import DEMO_BUILD_PUBLIC, DEMO_ORGANIZER_PUBLIC, DEMO_PUBLIC_KEYS
from .storage import DEFAULT_FOLDER


class SettingsError(Exception):
    """A cycle option is wrong; the message names it."""


@dataclass(frozen=True)
class CycleSettings:
    records: str = DEFAULT_FOLDER
    commitment_months: int = 12
    first_month_checkins: int = 2
    checkin_days: int = 30
    ending_days: int = 14
    waiting_days: int = 30
    build_key: str = ""
    demo: bool = False
    recipients: tuple[str, ...] = ()

    def folder(self, project: Path) -> Path:
        return project / self.records

    @property
    def record_recipients(self) -> list[str]:
        """Who a record is encrypted to: the organizers, the build key (and the demo organizer)."""
        keys = [*self.recipients, *([self.build_key] if self.build_key else [])]
        if self.demo and DEMO_ORGANIZER_PUBLIC not in keys:
            keys.insert(0, DEMO_ORGANIZER_PUBLIC)
        return keys


_NUMBERS = ("commitment_months", "first_month_checkins", "checkin_days", "ending_days", "waiting_days")


def read_settings(options: Mapping[str, Any], *, project: Path, content_dir: Path) -> CycleSettings:
    """The settings from the mentorhub plugin's options; SettingsError says what is wrong."""
    cycle = options.get("cycle") or {}
    if not isinstance(cycle, dict):
        raise SettingsError("cycle: expected a map of settings (see docs/cycle.md)")
    known = {f.name for f in fields(CycleSettings)} - {"build_key", "demo", "recipients"}
    unknown = sorted(str(k) for k in cycle if k not in known)
    if unknown:
        raise SettingsError(f"cycle: unknown setting {', '.join(unknown)} "
                            f"(expected {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    for name in _NUMBERS:
        if name in cycle:
            value = cycle[name]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise SettingsError(f"cycle: {name}: expected a whole number of at least 1")
            values[name] = value
    if "records" in cycle:
        if not isinstance(cycle["records"], str) or not cycle["records"].strip():
            raise SettingsError("cycle: records: expected a folder name, e.g. records")
        values["records"] = cycle["records"].strip()
    settings = replace(CycleSettings(), **values)
    _check_folder(settings.folder(project), project, content_dir)
    build_key = options.get("build_key") or ""
    if not isinstance(build_key, str) or (build_key and not is_recipient(build_key.strip())):
        shown = "a secret key" if str(build_key).upper().startswith("AGE-SECRET") else "it"
        raise SettingsError(f"build_key: {shown} is not an age public key (age1…); the secret half "
                            "belongs in the MENTORHUB_BUILD_KEY repository secret, never in mkdocs.yml")
    demo = options.get("demo", False)
    if not isinstance(demo, bool):
        raise SettingsError("demo: expected true or false")
    recipients = tuple(k.strip() for k in options.get("recipients") or [] if isinstance(k, str))
    build_key = build_key.strip()
    if build_key and build_key in recipients:
        raise SettingsError("build_key: must not be one of the recipients: the build key would "
                            "then open sealed contacts")
    if not demo and (build_key in DEMO_PUBLIC_KEYS or DEMO_PUBLIC_KEYS & set(recipients)):
        raise SettingsError("build_key/recipients: the demo's keys are public and open the demo's "
                            "records only; make your own (docs/cycle.md), or set demo: true in the demo")
    if demo and build_key and build_key != DEMO_BUILD_PUBLIC:
        raise SettingsError("demo: true is for the demo hub, with the demo build key only")
    return replace(settings, build_key=build_key, demo=demo, recipients=recipients)


def _check_folder(folder: Path, project: Path, content_dir: Path) -> None:
    resolved = folder.resolve()
    content = content_dir.resolve()
    if resolved == content or resolved.is_relative_to(content) or content.is_relative_to(resolved):
        raise SettingsError("cycle: records: the records folder must be outside content/ "
                            "(everything in content/ can be published)")
    if not resolved.is_relative_to(project.resolve()):
        raise SettingsError("cycle: records: the records folder must be inside the project")
