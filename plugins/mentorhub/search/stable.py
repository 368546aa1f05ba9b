"""Make a Pagefind bundle byte-identical from one run to the next, and its metadata small.

Pagefind 1.5 writes each filter's values, the list of filters and the list of sort
keys in hash-map order, which changes from run to run (its filter files, their
hashed names, the metadata file and `pagefind-entry.json` differ between two
indexings of the same HTML). The house rule is "same content → same site, search
index included", so after indexing we put those lists in order and rename the
rewritten files by a hash of their content, the way Pagefind names them.

The metadata file, which every first search downloads, lists every page by its
fragment's name: a random-looking 7-hex-digit hash each, 128 KB compressed on a
20,000-page hub. Fragments are renamed `<language>_<tag><page number in hex>`,
where `tag` hashes all fragments together: names stay unique and change whenever
any content changes (so no browser keeps a stale fragment), and the list
compresses to about half.

The files are gzip-compressed CBOR behind a `pagefind_dcd` signature. Layouts
(Pagefind 1.5): a filter file is `[name, [[value, [page, …]], …]]`; the metadata
file is `[version, pages, index chunks, [[filter, file hash], …],
[[sort, [page, …]], …], meta fields]`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class BundleFormatError(Exception):
    """The bundle is not laid out as this module expects (a different Pagefind version?)."""


def stabilise(bundle: Path) -> None:
    """Rewrite the order-unstable files of `bundle` (a `pagefind/` folder) in sorted order."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        old_meta = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(old_meta)
        if not (isinstance(meta, list) and len(meta) >= 5 and isinstance(meta[3], list)
                and isinstance(meta[4], list)):
            raise BundleFormatError(f"unexpected layout of {old_meta.name}")
        prefix = language["hash"].rsplit("_", 1)[0]
        meta[1] = _rename_fragments(bundle / "fragment", prefix, meta[1])
        filters = []
        for name, file_hash in meta[3]:
            old_filter = bundle / "filter" / f"{file_hash}.pf_filter"
            filter_name, values = _read(old_filter)
            ordered = [filter_name, sorted(values, key=lambda item: str(item[0]))]
            filters.append([name, _write(bundle / "filter", prefix, ordered, ".pf_filter", 7,
                                         replaces=old_filter)])
        meta[3] = sorted(filters, key=lambda item: str(item[0]))
        meta[4] = sorted(meta[4], key=lambda item: str(item[0]))
        new_hash = _write(bundle, prefix, meta, ".pf_meta", 10, replaces=old_meta, stem="pagefind.")
        language["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _rename_fragments(folder: Path, prefix: str, pages: Any) -> list[list[Any]]:
    """Rename each page's fragment by the bundle's tag and its number; the new page list."""
    if not (isinstance(pages, list) and all(isinstance(p, list) and len(p) == 2 for p in pages)):
        raise BundleFormatError("unexpected layout of the page list")
    paths = [folder / f"{name}.pf_fragment" for name, _ in pages]
    digest = hashlib.sha256()
    for path in paths:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    tag = digest.hexdigest()[:8]
    # Two steps, so a new name can never be an old name not yet moved.
    moving = [path.rename(path.with_suffix(".renaming")) for path in paths]
    renamed: list[list[Any]] = []
    for number, ((_, words), path) in enumerate(zip(pages, moving, strict=True)):
        name = f"{prefix}_{tag}{number:x}"
        path.rename(folder / f"{name}.pf_fragment")
        renamed.append([name, words])
    return renamed


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name} lacks Pagefind's signature")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, value: Any, suffix: str, length: int, *,
           replaces: Path, stem: str = "") -> str:
    """Write `value` under a name hashed from its content; returns the `<prefix>_<hash>` id."""
    payload = SIGNATURE + cbor2.dumps(value)
    file_hash = f"{prefix}_{hashlib.sha256(payload).hexdigest()[:length]}"
    target = folder / f"{stem}{file_hash}{suffix}"
    replaces.unlink()
    # mtime=0: gzip would otherwise stamp the current time into every file.
    target.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return file_hash
