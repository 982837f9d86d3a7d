// The packed package in a fresh project, as a user installs it (test/consumer/run.mjs): TypeScript 5.9
// and 7 under "bundler" and "nodenext" with the strictest settings, plain Node (ESM and CommonJS, the
// CLI), and the example page (examples/web) in headless Chromium. A few minutes: it packs (and so
// builds) the package, installs it with npm from the local cache, and runs each compiler twice.
import assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { after, before, test } from "node:test";
import { checkBrowser, checkChecker, checkNode, checkTypes, makeProject, type Outcome } from "./consumer/run.mjs";

let project = "";
before(() => {
  project = makeProject();
});
after(() => {
  if (project !== "") rmSync(dirname(project), { recursive: true, force: true });
});

const report = (name: string, { failures, notes }: Outcome): void => {
  for (const note of notes) console.log(`${name}: ${note}`);
  assert.deepEqual(failures, []);
};

test(
  "TypeScript 5.9 and 7, bundler and nodenext, strictest settings: the package's declarations",
  { timeout: 600_000 },
  () => report("types", checkTypes(project)),
);

test(
  "plain Node: import, one training step, a ShapeError; require gives the same module; the CLI",
  { timeout: 300_000 },
  () => report("node", checkNode(project)),
);

const chromium = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
test(
  "the example page in headless Chromium: the shape error, training steps, a prediction, no page error",
  { timeout: 300_000, skip: existsSync(chromium) ? false : `no Chromium at ${chromium}` },
  async () => report("browser", await checkBrowser(project)),
);

test(
  "the checker alone (no backend, no tsx installed): import, models, ShapeError; declarations check",
  { timeout: 300_000 },
  () => report("checker", checkChecker(project)),
);
