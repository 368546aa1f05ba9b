"""Compiled Jinja templates kept in memory for the life of the process.

`mkdocs serve` builds the site again on every save, and each build makes new Jinja
environments (the hub's renderer, the theme's): compiling ~70 templates from source
again took about a third of re-rendering a 1,000-record hub. Jinja's bytecode cache
keys each template by its name and file and checks a digest of its source, so an
edited template (an override in `overrides/mentorhub/`) is compiled again. Use one
cache per kind of environment: compiled code depends on the environment's settings.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Bytecode by template key, in this process's memory."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source's digest changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()
