"""The date a build describes: `SOURCE_DATE_EPOCH` when set (reproducible builds), else today."""

from __future__ import annotations

import datetime as dt
import os


def build_date(override: str | dt.date | None = None) -> dt.date:
    """`override` (YYYY-MM-DD) wins; then SOURCE_DATE_EPOCH; then today's UTC date."""
    if isinstance(override, dt.date):
        return override
    if override:
        return dt.date.fromisoformat(override)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()
