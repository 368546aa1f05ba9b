"""Reading a built Pagefind bundle the way the browser does: gzip, then Pagefind's own framing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

#: Every decompressed Pagefind file starts with this signature.
SIGNATURE = b"pagefind_dcd"


def decompress(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), f"{path} is not a Pagefind file"
    return data[len(SIGNATURE):]


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every indexed page as Pagefind stores it: url, content, filters, meta, anchors."""
    paths = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    return [json.loads(decompress(path)) for path in paths]


def all_index_bytes(site: Path) -> bytes:
    """The decompressed bytes of every index file: fragments, word index, filters, metadata."""
    bundle = site / "pagefind"
    parts = [decompress(path) for path in sorted(bundle.rglob("*.pf_*"))]
    return b"\n".join(parts)
