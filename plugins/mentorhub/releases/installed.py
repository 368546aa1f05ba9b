"""How this engine was installed (PEP 610's `direct_url.json`), and the requirement that pins it.

pip writes `direct_url.json` for every install that did not come from an index: a VCS
URL with the exact commit, an archive (a wheel's URL), or a local folder. Without it
the engine came from an index, where its version can be pinned by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from typing import Any

from .. import __version__

#: A released version inside a pin: `==0.2.0`, a tag `@v0.2.0`, a wheel `mentorhub-0.2.0-…`.
_PINNED_VERSION = re.compile(r"(?:==\s*|@v?|mentorhub-)(\d+\.\d+\.\d+)(?![\w.])")
#: The comment `mentorhub init` writes above the pin, for pins that name no version (a commit).
_VERSION_COMMENT = re.compile(r"^#\s*mentorhub version:\s*(\d+\.\d+\.\d+)(?![\w.])", re.MULTILINE)


@dataclass(frozen=True)
class Installed:
    version: str
    requirement: str  # the requirements.txt line that installs exactly this engine; '' if none
    warning: str = ""  # why the requirement will not work for a hub's CI, if it will not

    @property
    def describe(self) -> str:
        """`0.1.0`, with where it came from when that is not an index."""
        if self.requirement.startswith("mentorhub @ "):
            return f"{self.version} ({self.requirement.removeprefix('mentorhub @ ')})"
        return self.version


def installed_engine() -> Installed:
    """This engine's version and the requirement that reinstalls exactly it."""
    try:
        dist = distribution("mentorhub")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        return Installed(__version__, "", "mentorhub is not installed (run from a source tree), so "
                         "there is nothing to pin: install it with pip first, or pass --engine")
    text = dist.read_text("direct_url.json")
    return requirement_for(dist.version, json.loads(text) if text else None)


def requirement_for(version: str, direct_url: dict[str, Any] | None) -> Installed:
    """The pin for an install that pip described with `direct_url` (None: from an index)."""
    if direct_url is None:
        return Installed(version, f"mentorhub=={version}")
    url = str(direct_url.get("url", ""))
    vcs = direct_url.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        if vcs.get("vcs") == "git" and commit:
            return Installed(version, f"mentorhub @ git+{url.removeprefix('git+')}@{commit}")
        return Installed(version, "", f"installed from {vcs.get('vcs')} without a recorded commit: "
                         "pass --engine with a git URL and commit")
    if url.startswith("file:"):
        return Installed(version, f"mentorhub @ {url}",
                         f"mentorhub was installed from a folder or file on this machine ({url}); the "
                         "hub's workflows cannot install that. Before pushing, replace the last line of "
                         "requirements.txt with a git URL and tag, e.g. "
                         "mentorhub @ git+https://github.com/OWNER/mentorhub@v" + version)
    archive = direct_url.get("archive_info")
    digest = archive.get("hashes", {}).get("sha256") if isinstance(archive, dict) else None
    fragment = f"#sha256={digest}" if digest and "#" not in url else ""
    return Installed(version, f"mentorhub @ {url}{fragment}")


def pinned_version(requirements: str) -> str | None:
    """The engine version a hub's requirements.txt pins, when it says so (None otherwise)."""
    for line in requirements.splitlines():
        if line.strip().startswith("mentorhub") and not line.lstrip().startswith("#"):
            found = _PINNED_VERSION.search(line)
            if found:
                return found.group(1)
    comment = _VERSION_COMMENT.search(requirements)
    return comment.group(1) if comment else None
