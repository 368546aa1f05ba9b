"""`mkdocs build` over a previous build: the old files are removed while the new ones are made.

Right after `pre_build`, MkDocs empties `site_dir` one file at a time before it writes
anything: 4.8 s for the 20,635 pages of a 20,000-record hub on the 2-core benchmark
machine, every time an organizer builds again. Instead, each old top-level entry is
moved (one rename each, nothing copied) into a hidden folder inside `site_dir`, which
MkDocs' cleaning leaves alone as it leaves a `.git` there, and a separate process at a
lower priority deletes that folder while the hub is loaded and its pages generated.
The build waits for it before the pages are written (`env`, by when it has long
finished) and when a build fails, so no old page is ever indexed or deployed and no
process outlives the build.

Where a rename cannot be done (another file system, a locked file on Windows), the
entry is left where it is and MkDocs removes it as usual. `serve` keeps its own
folder (preview.py); `--dirty` keeps the old files on purpose.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..deleting import delete_in_background

#: The hidden folder the old entries are moved into (one per process: builds may overlap).
TRASH_PREFIX = ".mentorhub-old-"


class CleanBehind:
    """Moves the last build out of MkDocs' way, then deletes it in the background."""

    def __init__(self) -> None:
        self._trash: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, site_dir: Path) -> None:
        """Before MkDocs cleans `site_dir`: move its entries aside and start deleting them."""
        self.wait()  # the last build's, should one still run
        if not site_dir.is_dir():
            return
        trash = site_dir / f"{TRASH_PREFIX}{os.getpid()}"
        if trash.exists():  # a killed build's whose process id this one got again
            shutil.rmtree(trash, ignore_errors=True)
        moved = False
        for entry in sorted(os.listdir(site_dir)):
            # What MkDocs would remove, and only that; and what a killed build left here.
            if not entry.startswith(".") or entry.startswith(TRASH_PREFIX):
                moved = _move(site_dir / entry, trash, entry) or moved
        if not moved:
            return
        self._trash = trash
        self._process = delete_in_background(trash)

    def wait(self) -> None:
        """Return once the old files are gone (at once if nothing is being deleted)."""
        process, trash = self._process, self._trash
        self._process = self._trash = None
        if process is not None:
            process.wait()
        if trash is not None and trash.exists():  # the process failed or never started
            shutil.rmtree(trash, ignore_errors=True)


def _move(path: Path, trash: Path, name: str) -> bool:
    try:
        trash.mkdir(exist_ok=True)
        os.rename(path, trash / name)
    except OSError:
        return False
    return True
