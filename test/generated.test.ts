// The generated files are what their generators write today: each generator (the ones `npm run gen`
// runs) is run from a copy under .tmp/generated/, so it writes there and not into the repository,
// and its output must equal the committed file byte for byte. A failure means a generator was edited
// without running `npm run gen`, or a generated file was edited by hand.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";

const root = join(import.meta.dirname, "..");
const scratch = join(root, ".tmp/generated");

/** Each generator (under scripts/) and the files it writes (relative to the root). */
const generators: Record<string, readonly string[]> = {
  "scripts/gen-digit-tables.mjs": ["types/arith/tables.d.ts"],
  "scripts/gen-successor.mjs": ["types/model/successor.d.ts"],
};

rmSync(scratch, { recursive: true, force: true });
for (const [script, outputs] of Object.entries(generators)) {
  test(`${script} writes ${outputs.join(", ")} as committed`, () => {
    // The generators write next to themselves (new URL("../types/…", import.meta.url)): a copy of one
    // under <scratch>/scripts/ writes under <scratch>/.
    const copy = join(scratch, script);
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(join(root, script), copy);
    for (const output of outputs) mkdirSync(dirname(join(scratch, output)), { recursive: true });
    execFileSync(process.execPath, [copy], { cwd: scratch, stdio: "pipe" });
    for (const output of outputs) {
      const written = readFileSync(join(scratch, output), "utf8");
      const committed = readFileSync(join(root, output), "utf8");
      assert.ok(written === committed, `${output} differs from what ${script} writes: run npm run gen`);
    }
  });
}

test("npm run gen runs every generator", () => {
  const gen: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts?.gen ?? "";
  assert.deepEqual(
    Object.keys(generators).filter((script) => !gen.includes(script)),
    [],
    `package.json's "gen" script (${JSON.stringify(gen)}) misses these generators`,
  );
});
