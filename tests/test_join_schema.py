"""The join forms check answers with the vendored ajv against the same JSON Schemas that
`mentorhub check` agrees with, so the browser and the validator reach the same verdict.

Run in Node with the bundle exactly as the join pages load it, on the schema exactly as a
built join page embeds it: every record `mentorhub check` accepts (the schema fixtures,
the golden validation cases without problems, the fixture hub) passes, and every bad
schema fixture (problems a schema can express) is rejected.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
from browser_support import require
from test_schemas import as_json, fixtures, placement, validator_accepts
from test_validation_cases import BASE, parse_case

from mentorhub.hub.frontmatter import split
from mentorhub.hub.schema import RECORD_TYPES, json_schema

from conftest import FIXTURE_HUB

VENDOR = Path(__file__).parents[1] / "plugins" / "mentorhub" / "assets" / "vendor"
CASES = Path(__file__).parent / "cases" / "validation"
FOLDERS = {t.folder: t.name for t in RECORD_TYPES}
#: The options assets/join.js gives Ajv (the test fails if the script's change).
AJV_OPTIONS = "allErrors: true, strict: false,\n    formats: { date: isRealDate, email: true }"
JOIN_JS = Path(__file__).parents[1] / "plugins" / "mentorhub" / "assets" / "join.js"


def ajv_verdicts(items: list[tuple[str, Any]]) -> list[bool]:
    """Ajv's verdict on each (record type, front matter as JSON) pair."""
    node = shutil.which("node")
    require(node is not None, "node is not installed")
    assert node is not None
    schemas = {t.name: json_schema(t) for t in RECORD_TYPES}
    script = f"""
        import vm from 'node:vm'; import fs from 'node:fs';
        vm.runInThisContext(fs.readFileSync({json.dumps(str(VENDOR / "ajv2020.min.js"))}, 'utf8'));
        function isRealDate(text) {{
          var m = /^(\\d{{4}})-(\\d{{2}})-(\\d{{2}})$/.exec(text);
          if (!m) return false;
          var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
          return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
        }}
        const schemas = {json.dumps(schemas)};
        const items = JSON.parse(fs.readFileSync(0, 'utf8'));
        const validators = {{}};
        for (const [name, schema] of Object.entries(schemas)) {{
          validators[name] = new globalThis.MentorhubAjv2020({{{AJV_OPTIONS}}}).compile(schema);
        }}
        console.log(JSON.stringify(items.map(([name, data]) => validators[name](data))));
    """
    done = subprocess.run([node, "--input-type=module", "-e", script], input=json.dumps(items),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    verdicts: list[bool] = json.loads(done.stdout)
    return verdicts


def test_the_script_uses_the_options_tested_here() -> None:
    assert AJV_OPTIONS in JOIN_JS.read_text(encoding="utf-8")


def _front_matter(text: str) -> Any:
    return as_json(split(text.encode("utf-8")).front_matter.data)


def test_ajv_and_check_agree_on_the_schema_fixtures(tmp_path: Path) -> None:
    good, bad = [], []
    for verdict, found in (("good", good), ("bad", bad)):
        for index, path in enumerate(fixtures(verdict)):
            type_name, relative = placement(path)
            if type_name in ("skills", "page") or path.name == "story--front-matter-is-a-list.md":
                continue  # not a join form's record (or not a mapping at all)
            text = path.read_text(encoding="utf-8")
            accepted, problems = validator_accepts(tmp_path / f"{verdict}{index}", relative, text)
            assert accepted == (verdict == "good"), (path.name, problems)
            found.append((path.name, type_name, _front_matter(text)))
    assert len(good) > 5 and len(bad) > 20
    verdicts = ajv_verdicts([(t, d) for _, t, d in good + bad])
    wrong = [name for (name, _, _), ok, want in
             zip(good + bad, verdicts, [True] * len(good) + [False] * len(bad), strict=True) if ok != want]
    assert wrong == []


def _accepted_records() -> list[tuple[str, str, Any]]:
    """Every record file `mentorhub check` accepts: the fixture hub and the clean golden cases."""
    records = []
    for path in sorted((FIXTURE_HUB / "content").rglob("*.md")):
        folder = path.relative_to(FIXTURE_HUB / "content").parts[0]
        records.append((str(path), FOLDERS[folder], _front_matter(path.read_text(encoding="utf-8"))))
    clean = {f"base:{name}": textwrap.dedent(text).encode("utf-8") for name, text in BASE.items()}
    for path in sorted(CASES.glob("*.case")):
        case = parse_case(path)
        if not case.expected:  # `mentorhub check` finds no problem in any of its files
            clean.update({f"{path.name}:{name}": data for name, data in case.files.items()})
    for where, data in clean.items():
        parts = Path(where.split(":", 1)[1]).parts
        if len(parts) > 2 and parts[0] == "content" and parts[1] in FOLDERS and where.endswith(".md"):
            records.append((where, FOLDERS[parts[1]], _front_matter(data.decode("utf-8"))))
    return records


def test_every_record_check_accepts_is_valid_in_the_browser() -> None:
    records = _accepted_records()
    assert len(records) >= 8
    verdicts = ajv_verdicts([(t, d) for _, t, d in records])
    assert [name for (name, _, _), ok in zip(records, verdicts, strict=True) if not ok] == []


@pytest.mark.build
def test_join_pages_embed_the_published_schema(fixture_hub_build: Path) -> None:
    for record in RECORD_TYPES:
        slug = "profile" if record.name == "person" else record.name
        page = (fixture_hub_build / "site" / "join" / slug / "index.html").read_text(encoding="utf-8")
        raw = re.search(r'<script type="application/json" class="mh-join__config">(.*?)</script>', page, re.S)
        assert raw, slug
        config = json.loads(html.unescape(raw.group(1)) if "&quot;" in raw.group(1) else raw.group(1))
        assert config["schema"] == json_schema(record)
