// The checker apart from the runtime: importing `shapecheck` (src/index.ts) and building models with
// it loads no `@tensorflow/*` module and has no side effect (no global, nothing registered with
// tfjs); a model is plain data, without runtime methods. `shapecheck/tfjs` is what registers
// shapecheck's layers with tfjs. Checked in a child process whose resolve hook logs every module.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const child = join(import.meta.dirname, "checker-entry-child.ts");

test("the checker (src/index.ts) loads no @tensorflow module, has no side effect, and its models are plain data", () => {
  const dir = mkdtempSync(join(tmpdir(), "shapecheck-entry-"));
  try {
    const log = join(dir, "resolved.log");
    const report = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", child, log], { encoding: "utf8", timeout: 120_000 }),
    );
    const [checker] = readFileSync(log, "utf8").split("--- checker done\n");
    const resolved = checker!
      .trim()
      .split("\n")
      .map((line) => line.split("\t") as [string, string]);
    assert.ok(
      resolved.some(([specifier]) => specifier.endsWith("src/index.ts")),
      "the hook saw the checker's modules",
    );
    const tfjs = resolved.filter(
      ([specifier, url]) => specifier.startsWith("@tensorflow/") || url.includes("/node_modules/@tensorflow/"),
    );
    assert.deepEqual(tfjs, [], "modules of TensorFlow.js loaded by the checker");
    const runtime = resolved.filter(([, url]) => url.includes("/src/runtime/") || url.endsWith("/src/tfjs.ts"));
    assert.deepEqual(runtime, [], "runtime modules loaded by the checker");
    // The models work, and are data.
    assert.deepEqual(report.outputShape, [null, 10]);
    assert.deepEqual(report.graphOutputs, [[null, 3, 8, 8]]);
    assert.deepEqual(report.tfVocabulary, [null, 2]);
    assert.match(report.message, /^linear\(9216, 128\): inFeatures must equal the last input dimension 9000/);
    assert.deepEqual(report.methods, [], "a model has no runtime methods");
    // The kinds and mechanisms added since (defineLayer, named models used twice, calls, merges, new kinds).
    assert.deepEqual(report.newKinds, {
      reused: [null, 3],
      calls: [[null, 5, 4]],
      merged: [[null, 6, 4]],
      vision: [[null, 4, 8, 8]],
      loss: [],
    });
    assert.deepEqual(report.newModelMethods, [], "those models have no runtime methods either");
    // No side effect: no global, and tfjs's class registry untouched until the runtime entry is imported.
    assert.deepEqual(report.newGlobals, []);
    assert.deepEqual(report.registered.before, []);
    assert.ok(
      report.registered.after.includes("shapecheck>custom>checkerEntryScale"),
      "a layer defined with defineLayer before the runtime was imported is registered once it is",
    );
    assert.ok(
      report.registered.after.includes("shapecheck>Pad"),
      `shapecheck/tfjs registers its layers (got ${report.registered.after.join(", ")})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the root's nn object holds exactly src/nn/index.ts's builders, in the namespace's order", async () => {
  const { nn } = await import("../src/index.ts");
  const module = await import("../src/nn/index.ts");
  assert.deepEqual(Object.keys(nn), Object.keys(module));
  for (const [name, builder] of Object.entries(module))
    assert.equal((nn as Record<string, unknown>)[name], builder, `nn.${name}`);
});
