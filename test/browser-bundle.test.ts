// The runtime in a browser: a browser bundle (esbuild, `platform: "browser"`) of `shapecheck/tfjs`
// and of `shapecheck` builds, and contains no Node module: package.json's `#platform` import gives
// the browser's src/runtime/platform/browser.ts there, and nothing else imports `node:*`. The
// browser bundle is then run (here, in Node, where it behaves as in a page without WebGPU and
// WebGL): it picks a backend, trains and predicts, and refuses a bare path to save to.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = join(import.meta.dirname, "..");

/** Bundles `entry` for the browser; tfjs inside the bundle, or left to the page (external). */
async function bundle(entry: { file: string } | { code: string }, tfjs: "bundled" | "external") {
  const result = await esbuild.build({
    ...("file" in entry
      ? { entryPoints: [join(root, entry.file)] }
      : { stdin: { contents: entry.code, resolveDir: root, loader: "ts" as const } }),
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    external: tfjs === "external" ? ["@tensorflow/*"] : [],
  });
  return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs), warnings: result.warnings };
}

/** The Node modules a bundle imports or requires (`node:fs`, …). */
const nodeImports = (text: string): string[] => [
  ...new Set(text.match(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'`]node:[\w/]+["'`]/g) ?? []),
];

for (const [file, tfjs] of [
  ["src/tfjs.ts", "external"],
  ["src/tfjs.ts", "bundled"],
  ["src/index.ts", "bundled"],
] as const) {
  test(`a browser bundle of ${file} (tfjs ${tfjs}) builds with no Node module`, async () => {
    const { text, inputs } = await bundle({ file }, tfjs);
    assert.deepEqual(nodeImports(text), []);
    const nodeOnly = inputs.filter((input) => /platform\/node(-files)?\.ts$|node_modules\/cli-progress\//.test(input));
    assert.deepEqual(nodeOnly, [], "the Node platform stays out of a browser bundle");
    if (file === "src/index.ts") {
      const tfjs = inputs.filter(
        (input) => input.includes("node_modules/@tensorflow/") || input.includes("src/runtime/"),
      );
      assert.deepEqual(tfjs, [], "the checker's bundle has no TensorFlow.js and no runtime");
    }
    if (file === "src/tfjs.ts")
      assert.ok(
        inputs.some((input) => input.endsWith("src/runtime/platform/browser.ts")),
        "the browser platform is in",
      );
  });
}

test("the browser bundle runs: a backend without WebGPU and WebGL, training, prediction; a bare path to save to is refused", async () => {
  const code = `
    export { input, nn, sequential } from "./src/index.ts";
    export { build, ready, tensor, fileSystem } from "./src/tfjs.ts";
  `;
  const { text } = await bundle({ code }, "external"); // tfjs from node_modules, as a page's import map would give it
  const dir = join(root, ".tmp/browser-bundle");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "bundle.mjs");
  writeFileSync(file, text);
  const sc = await import(pathToFileURL(file).href);
  // webgpu and webgl are not here (no navigator.gpu, no document): their reasons name them; cpu is asked for.
  await assert.rejects(sc.ready({ backend: "webgl" }), /The "webgl" backend is not available: webgl: no WebGL here/);
  await assert.rejects(
    sc.ready({ backend: "tensorflow" }),
    /unknown backend "tensorflow" in ready\(\{ backend \}\); expected one of "webgpu", "webgl", "wasm", "cpu"/,
  );
  assert.equal(await sc.ready({ backend: "cpu" }), "cpu");
  const net = sc.sequential(sc.input([4]), sc.nn.linear(4, 3), sc.nn.logSoftmax(1));
  const model = sc.build(net).compile({ loss: "nll" });
  const history = await model.fit(
    sc.tensor(new Float32Array(8).fill(0.5), [2, 4]),
    sc.tensor(new Int32Array([0, 2]), [2], "int32"),
    { epochs: 1, verbose: 0 },
  );
  assert.equal(history.history.loss.length, 1);
  assert.deepEqual(model.predict(sc.tensor(new Float32Array(4), [1, 4])).shape, [1, 3]);
  const message =
    "./m is a local path, which needs Node's file system; in a browser use a TensorFlow.js URL (indexeddb://my-model, localstorage://my-model, downloads://my-model, https://…/model.json) or an IOHandler";
  await assert.rejects(model.save("./m"), { name: "ModelFileError", message: `save: ${message}` });
  assert.throws(() => sc.fileSystem("./m"), { name: "ModelFileError", message: `fileSystem: ${message}` });
  // A URL goes to tfjs's IO: an IOHandler of the page's own saves it.
  let saved: unknown;
  await model.save({
    save: async (artifacts: unknown) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    },
  });
  assert.ok(saved, "saved through the IOHandler");
});
