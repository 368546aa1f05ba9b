// Bundles the browser libraries of the join forms into plugins/mentorhub/assets/vendor/.
// Run through scripts/vendor-js.sh. Deterministic: same lockfile, same bytes, so CI can
// rebuild and compare (`--check`) instead of trusting committed minified code.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const committed = join(here, "..", "plugins", "mentorhub", "assets", "vendor");
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "mentorhub-vendor-")) : committed;

const bundles = { "ajv2020.min.js": "src/ajv2020.js", "age.min.js": "src/age.js" };
const packages = new Map();

for (const [name, entry] of Object.entries(bundles)) {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "none", // the licences go, whole, into LICENSES.txt
    metafile: true,
    write: false,
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (match) packages.set(match[1], (packages.get(match[1]) ?? new Set()).add(name));
  }
  const banner = `/* ${name}: built by scripts/vendor-js.sh from vendor-js/package-lock.json; licences in LICENSES.txt */\n`;
  writeFileSync(join(out, name), banner + result.outputFiles[0].text);
}

const notices = [...packages.keys()].sort().map((pkg) => {
  const dir = join(here, "node_modules", pkg);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licenceFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!licenceFile) throw new Error(`${pkg} ships no licence file`);
  const usedBy = [...packages.get(pkg)].sort().join(", ");
  return `${pkg} ${meta.version} (${meta.license}), in ${usedBy}\n\n${readFileSync(join(dir, licenceFile), "utf8").trim()}\n`;
});
writeFileSync(join(out, "LICENSES.txt"),
  "Third-party code bundled in this folder\n=======================================\n\n" +
  notices.join("\n---\n\n"));

if (check) {
  let stale = false;
  for (const file of [...Object.keys(bundles), "LICENSES.txt"]) {
    let before = "";
    try { before = readFileSync(join(committed, file), "utf8"); } catch { /* missing */ }
    if (before !== readFileSync(join(out, file), "utf8")) {
      console.error(`plugins/mentorhub/assets/vendor/${file} differs from a fresh build: run scripts/vendor-js.sh`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
}
