"""Delete a folder from a separate process at a lower priority, so the caller need not wait.

Removing thousands of files is mostly the file system's work (seconds of disk time for a
20,000-page site) that the build has no need to wait for. Used for the last build's
files (mkdocs/clean_behind.py) and the search mirror (search/mirror.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

#: What the deleting process runs: lower priority first (the build comes first).
_DELETE = ("import os, shutil, sys\n"
           "if hasattr(os, 'nice'): os.nice(10)\n"
           "shutil.rmtree(sys.argv[1], ignore_errors=True)\n")


def delete_in_background(folder: Path, *, detach: bool = False) -> subprocess.Popen[bytes] | None:
    """Start deleting `folder`; the process (to wait for), or None if it was deleted here.

    `detach`: the process is on its own (its own session), free to outlive the caller.
    """
    try:
        return subprocess.Popen([sys.executable, "-c", _DELETE, str(folder)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=detach)
    except OSError:  # no process to spare: delete it here
        shutil.rmtree(folder, ignore_errors=True)
        return None
