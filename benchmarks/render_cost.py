"""CPU time to render every page of a hub in one language, in this process (no MkDocs).

    python benchmarks/render_cost.py benchmarks/out/i18n-5000/content en [runs]

Prints one JSON line: the best CPU seconds of `runs` renders of SiteRenderer.pages()
(every generated page of the hub). Works with the package from before i18n too (put it
first on PYTHONPATH; the language is then ignored), so bench_i18n.py can compare the two
without the noise of a whole build on a shared machine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

from mentorhub.hub.loader import load_hub
from mentorhub.site.render import RenderOptions, SiteRenderer


def main() -> int:
    content, lang = Path(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    hub = load_hub(content).hub
    options = RenderOptions(today=dt.date(2026, 11, 22))
    if "language" in {f.name for f in dataclasses.fields(RenderOptions)}:
        options = dataclasses.replace(options, language=lang)
    best = float("inf")
    pages = 0
    for _ in range(runs):
        start = time.process_time()
        pages = len(SiteRenderer(hub, options).pages())
        best = min(best, time.process_time() - start)
    print(json.dumps({"lang": lang, "pages": pages, "cpu_seconds": round(best, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
