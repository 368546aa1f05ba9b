"""The vendored browser bundles work: ajv validates against our schemas, age seals to our keys.

They run in Node (no browser needed) exactly as shipped: each bundle is evaluated as a
classic script and must define its global. The sealed block is opened with pyrage, the
same age implementation `mentorhub contacts` uses, so the browser and the organizers'
tools agree on the format.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest
from browser_support import require

from mentorhub.hub import sealing
from mentorhub.hub.schema import PERSON, json_schema

VENDOR = Path(__file__).parents[1] / "plugins" / "mentorhub" / "assets" / "vendor"


def _node(script: str) -> str:
    node = shutil.which("node")
    require(node is not None, "node is not installed")
    assert node is not None
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _load(bundle: str) -> str:
    return (f"import vm from 'node:vm'; import fs from 'node:fs';"
            f"vm.runInThisContext(fs.readFileSync({json.dumps(str(VENDOR / bundle))}, 'utf8'));")


def test_ajv_bundle_validates_against_the_person_schema() -> None:
    schema = json.dumps(json_schema(PERSON))
    out = _node(_load("ajv2020.min.js") + f"""
        const ajv = new globalThis.MentorhubAjv2020({{allErrors: true, strict: false}});
        const validate = ajv.compile({schema});
        const good = validate({{name: "Ana", roles: ["mentor"], languages: ["en"], consent: true,
                                offers: ["grant-writing"]}});
        const bad = validate({{name: "Ana", roles: ["wizard"], languages: ["en"]}});
        console.log(JSON.stringify({{good, bad, paths: validate.errors.map(e => e.instancePath)}}));
    """)
    verdict = json.loads(out)
    assert verdict["good"] is True
    assert verdict["bad"] is False
    assert "/roles/0" in verdict["paths"]


def test_age_bundle_seals_what_pyrage_opens() -> None:
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    out = _node(_load("age.min.js") + f"""
        const age = globalThis.MentorhubAge;
        const e = new age.Encrypter();
        e.addRecipient({json.dumps(recipient)});
        console.log(age.armor.encode(await e.encrypt("ana@example.org")));
    """)
    armored = out.strip()
    assert "ana@example.org" not in armored
    assert sealing.armor_problem(armored) is None
    assert pyrage.decrypt(armored.encode(), [identity]) == b"ana@example.org"


@pytest.mark.parametrize("bundle", ["ajv2020.min.js", "age.min.js"])
def test_every_bundled_package_has_its_licence(bundle: str) -> None:
    notices = (VENDOR / "LICENSES.txt").read_text(encoding="utf-8")
    assert f"in {bundle}" in notices or f", {bundle}" in notices
