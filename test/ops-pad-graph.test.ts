// ops.pad in graph models, each mode: converted to TensorFlow.js it trains a step on the wasm and the cpu backends
// (the gradient reaches the convolution before the pad) with the same predictions on both; toPyTorch's module
// (F.pad with mode / value) computes what shapecheck does and trains back; toOnnx's Pad (+ Slice for crops; circular:
// Slice + Concat) runs in ONNX Runtime to the same values; explain shows the mode.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as ort from "onnxruntime-web";
import { graph, input, nn, ops } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { toPyTorch } from "../src/pytorch.ts";
import { toOnnx } from "../src/onnx.ts";
import { padCases, padOptions } from "./pytorch/pad-cases.ts";
import { decodeSafetensors, encodeSafetensors, saveSafetensors, loadSafetensors } from "../src/runtime/safetensors.ts";
import { explainGraph } from "../src/explain/explain.ts";

const python = process.env.SHAPECHECK_PYTHON ?? "/usr/bin/python3";
ort.env.logLevel = "error";

const modes = ["constant", "reflect", "replicate", "circular"] as const;
/** conv → pad (crops on the last dimension, pads on both) → flatten → linear: [2, 6, 6] → [4]. */
function net(mode: (typeof modes)[number]) {
  const x = input([2, 6, 6]);
  const h = x.pipe(nn.conv2d(2, 3, 3, 1, 1));
  const padded = mode === "constant" ? ops.pad(h, [2, -1, 1, 1], { value: 0.5 }) : ops.pad(h, [2, -1, 1, 1], { mode });
  return graph({ inputs: [x], outputs: [padded.pipe(nn.flatten(), nn.linear(3 * 8 * 7, 4))] });
}
const nets = Object.fromEntries(modes.map((mode) => [mode, net(mode)]));

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  assert.equal(a.length, b.length);
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
  return most;
};

const dir = mkdtempSync(join(tmpdir(), "shapecheck-pad-"));
after(() => rmSync(dir, { recursive: true, force: true }));
before(async () => {
  await import("@tensorflow/tfjs-backend-cpu");
  await ready({ backend: "wasm" });
});

for (const mode of modes) {
  test(`ops.pad "${mode}": trains a step on wasm and cpu, the gradient reaching the convolution`, async () => {
    const x = tf.randomNormal([3, 2, 6, 6], 0, 1, "float32", 7);
    const target = tf.randomNormal([3, 4], 0, 1, "float32", 8);
    const predictions: Float32Array[] = [];
    let weights: { data: Float32Array; shape: number[] }[] | undefined;
    for (const backend of ["wasm", "cpu"]) {
      await tf.setBackend(backend);
      const model = build(nets[mode]!).compile({ optimizer: "sgd", learningRate: 0.1, loss: "meanSquaredError" });
      // one set of weights on both backends
      if (weights) model.tfjs.setWeights(weights.map((w) => tf.tensor(w.data, w.shape)));
      else weights = model.tfjs.getWeights().map((w) => ({ data: w.dataSync() as Float32Array, shape: w.shape }));
      const xb = tf.tensor(x.dataSync(), x.shape),
        tb = tf.tensor(target.dataSync(), target.shape);
      const conv = () => model.tfjs.getWeights()[0]!.dataSync().slice();
      const before = conv();
      predictions.push((model.predict(xb as never) as tf.Tensor).dataSync() as Float32Array);
      const history = await model.fit(xb as never, tb as never, { epochs: 1, batchSize: 3, verbose: 0 });
      assert.ok(Number.isFinite(history.history.loss[0]), `${backend}: loss ${history.history.loss[0]}`);
      assert.ok(
        conv().some((v, i) => v !== before[i]),
        `${backend}: the convolution's kernel did not change (no gradient through the pad)`,
      );
      model.dispose();
    }
    assert.ok(maxDiff(predictions[0]!, predictions[1]!) <= 1e-4, "wasm and cpu predict alike");
  });
}

test("toPyTorch: F.pad with its mode / value computes what shapecheck does, and trains back", async () => {
  await tf.setBackend("cpu");
  const x = tf.randomNormal([2, 2, 6, 6], 0, 1, "float32", 3);
  const predicted: Record<string, tf.Tensor> = {};
  for (const mode of modes) {
    const code = toPyTorch(nets[mode]!, { name: `pad_${mode}` });
    assert.match(
      code,
      mode === "constant"
        ? /nn\.functional\.pad\(\w+, \(2, -1, 1, 1\), value=0\.5\)/
        : new RegExp(`nn\\.functional\\.pad\\(\\w+, \\(2, -1, 1, 1\\), mode=['"]${mode}['"]\\)`),
    );
    const caseDir = join(dir, mode);
    mkdirSync(caseDir);
    writeFileSync(join(caseDir, "model.py"), code);
    const model = build(nets[mode]!);
    await saveSafetensors(model, join(caseDir, "weights.safetensors"));
    writeFileSync(
      join(caseDir, "input.safetensors"),
      encodeSafetensors({ x: { dtype: "F32", shape: x.shape, data: x.dataSync() as Float32Array } }),
    );
    predicted[mode] = model.predict(x as never) as tf.Tensor;
  }
  execFileSync(
    python,
    [new URL("./pytorch/run_exported.py", import.meta.url).pathname, ...modes.map((mode) => join(dir, mode))],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (const mode of modes) {
    const failed = join(dir, mode, "error.txt");
    if (existsSync(failed))
      assert.fail(`${mode}: PyTorch failed on the emitted module:\n${readFileSync(failed, "utf8")}`);
    const torchOut = decodeSafetensors(readFileSync(join(dir, mode, "output.safetensors")))["y0"]!;
    assert.ok(maxDiff(predicted[mode]!.dataSync(), torchOut.data as Float32Array) <= 1e-4, `${mode}: PyTorch's output`);
    const fresh = build(nets[mode]!);
    await loadSafetensors(fresh, join(dir, mode, "trained.safetensors"));
    const trained = decodeSafetensors(readFileSync(join(dir, mode, "trained_output.safetensors")))["y0"]!;
    const y = fresh.predict(x as never) as tf.Tensor;
    assert.ok(maxDiff(y.dataSync(), trained.data as Float32Array) <= 1e-4, `${mode}: PyTorch's trained weights`);
  }
});

test("toOnnx: Pad (constant, reflect, edge) + Slice for the crops, circular by Slice + Concat, in ONNX Runtime", async () => {
  await tf.setBackend("cpu");
  const x = tf.randomNormal([2, 2, 6, 6], 0, 1, "float32", 4);
  for (const mode of modes) {
    const model = build(nets[mode]!);
    const bytes = toOnnx(nets[mode]!, { weights: model.stateDict(), name: `pad_${mode}` });
    const session = await ort.InferenceSession.create(bytes);
    const results = await session.run({ input: new ort.Tensor("float32", x.dataSync() as Float32Array, x.shape) });
    const y = model.predict(x as never) as tf.Tensor;
    assert.ok(maxDiff(y.dataSync(), results["output"]!.data as Float32Array) <= 1e-4, `${mode}: ONNX Runtime's output`);
    await session.release();
    model.dispose();
  }
});

test("toOnnx: ONNX Runtime gives PyTorch's values on the fixture's calls (every mode, crops, ranks 2 to 5)", async () => {
  const sampled = padCases().filter((c) => c.y !== undefined);
  let most = 0;
  for (const [i, c] of sampled.entries()) {
    const shape = c.inputs[0]!;
    const x = input(shape.slice(1), { batch: shape[0]! });
    const pad = ops.pad as unknown as <T>(x: T, pad: readonly number[], options?: unknown) => T;
    const bytes = toOnnx(graph({ inputs: [x], outputs: [pad(x, c.pad, padOptions(c, i))] }), { weights: {} });
    const session = await ort.InferenceSession.create(bytes);
    const results = await session.run({ input: new ort.Tensor("float32", Float32Array.from(c.x!), shape) });
    const got = results["output"]!;
    assert.deepEqual([...got.dims], c.output, `${JSON.stringify([shape, c.pad, c.mode])}: shape`);
    most = Math.max(most, maxDiff(got.data as Float32Array, c.y!));
    await session.release();
  }
  assert.ok(most <= 1e-4, `max |difference| ${most}`);
  console.log(`toOnnx: ${sampled.length} calls, max |difference| from PyTorch ${most}`);
});

test("explain: ops.pad's row shows the call with its mode and each padded dimension's arithmetic", () => {
  const rows = explainGraph("net", nets["reflect"]!).layers;
  const row = rows.find((r) => r.layer.startsWith("ops.pad"));
  assert.ok(row, JSON.stringify(rows.map((r) => r.layer)));
  assert.equal(row.layer, 'ops.pad(…, [2, -1, 1, 1], { mode: "reflect" })');
  assert.deepEqual(row.arithmetic?.slice(1), [
    "dimension 3: 6 + 2 − 1 = 7",
    "dimension 2: 6 + 1 + 1 = 8",
    "padding mirrored at the edges (reflect)",
    "negative pads crop",
  ]);
});

test("a padded named dimension is `number` and checked on the data's size, with the compile-time message", async () => {
  await tf.setBackend("cpu");
  const x = input([2, "len"]);
  const model = build(graph({ inputs: [x], outputs: [ops.pad(x, [3, 3], { mode: "reflect" })] }));
  assert.deepEqual((model.predict(tf.ones([1, 2, 5]) as never) as tf.Tensor).shape, [1, 2, 11]);
  assert.throws(() => model.predict(tf.ones([1, 2, 3]) as never), {
    name: "ShapeError",
    message:
      'pad(…, [3, 3], { mode: "reflect" }): padding 3 of dimension 2 must be less than its size 3 (mode "reflect")',
  });
});
