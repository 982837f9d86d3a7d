// The packed package in a fresh project, as a user installs it (test/consumer/run.mjs): TypeScript 5.9
// and 7 under "bundler" and "nodenext" with the strictest settings, plain Node (ESM and CommonJS, the
// CLI), and the example page (examples/web) in headless Chromium. A few minutes: it packs (and so
// builds) the package, installs it with npm from the local cache, and runs each compiler twice.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import {
  checkBrowser,
  checkChecker,
  checkNode,
  checkTypes,
  makeProject,
  mnistFile,
  type Outcome,
} from "./consumer/run.mjs";
import { OpenFile, TsServer } from "./ts-plugin-server.ts";

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

test(
  'the editor plugin from the package (tsserver, `plugins: [{ name: "shapecheck/ts-plugin" }]`): hints, hover, the error',
  { timeout: 300_000 },
  async () => {
    const dir = join(project, "editor");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "esnext",
          moduleResolution: "bundler",
          strict: true,
          noEmit: true,
          types: [],
          plugins: [{ name: "shapecheck/ts-plugin" }],
        },
        include: ["*.ts"],
      }),
    );
    // tsserver looks for the plugin in the project's node_modules (the installed package's ts-plugin/ folder)
    const server = new TsServer(project);
    try {
      const file = await OpenFile.open(server, join(dir, "mnist.ts"), mnistFile);
      const hints = (await file.hints()).map((hint) => hint.text);
      console.log(`editor: ${hints.length} hints: ${hints.slice(0, 3).join(" | ")} …`);
      assert.ok(hints.includes("→ [n, 32, 26, 26]") && hints.includes("→ [n, 10]"), hints.join(" | "));
      const hover = await file.quickInfo(file.text.indexOf("nn.linear(9216, 128)") + 4);
      assert.match(
        hover?.documentation ?? "",
        /shapecheck: linear\(9216, 128\)\ninput  \[n, 9216\]\noutput \[n, 128\]/,
      );
      const errors = await file.diagnostics();
      assert.equal(errors.length, 1, errors.map((e) => e.text).join("\n"));
      assert.match(errors[0]!.text, /linear\(9000, 128\): inFeatures must equal the last input dimension 9216/);
    } finally {
      server.close();
    }
  },
);
