// Graph models run: the functional examples convert, predict their declared shapes, train a step on
// the wasm backend and round-trip through save/load; a graph with add, cat, a shared layer and matmul
// computes PyTorch's function (test/pytorch/graph_fixtures.py, PyTorch 1.13).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, layers, nn, ops, ShapeError } from "../src/index.ts";
import { build, load, ready, toTfjs, type Tensor } from "../src/tfjs.ts";
import { unet } from "../examples/unet.ts";

const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-graph-"));
after(() => rmSync(dir, { recursive: true, force: true }));
before(async () => {
  await ready({ backend: "wasm" });
});

/** A transformer encoder layer written with the functional API: self-attention by ops.matmul. */
function attentionEncoder() {
  const x = input([6, 16]);
  const queries = x.pipe(nn.linear(16, 16));
  const keysTransposed = x.pipe(nn.linear(16, 16), layers.permute({ dims: [2, 1] }));
  const values = x.pipe(nn.linear(16, 16));
  const weights = ops.matmul(queries, keysTransposed).pipe(nn.softmax(-1)); // [n, 6, 6]
  const attended = ops.matmul(weights, values).pipe(nn.linear(16, 16));
  const normed = ops.add(x, attended).pipe(nn.layerNorm(16));
  const fed = normed.pipe(nn.linear(16, 32), nn.relu(), nn.linear(32, 16));
  return graph({ inputs: [x], outputs: [ops.add(normed, fed).pipe(nn.layerNorm(16))] });
}

const weightsOf = (model: { tfjs: { getWeights(): tf.Tensor[] } }) =>
  model.tfjs.getWeights().map((w) => w.dataSync().slice());

const models = {
  "examples/unet.ts": { net: unet, input: [2, 1, 64, 64], output: [2, 2, 64, 64] },
  "a functional transformer encoder (matmul)": { net: attentionEncoder(), input: [3, 6, 16], output: [3, 6, 16] },
};

for (const [name, { net, input: inputShape, output }] of Object.entries(models)) {
  test(`${name}: converts, predicts the declared shape, trains a step, and round-trips through save/load`, async () => {
    const x = tf.randomNormal(inputShape);
    const model = build(net).compile({ optimizer: "adam", learningRate: 0.01, loss: "meanSquaredError" });
    const before = weightsOf(model);
    const y = model.predict(x as never) as tf.Tensor;
    assert.deepEqual(y.shape, output);
    assert.deepEqual(model.outputShape.slice(1), output.slice(1));

    const history = await model.fit(x as never, tf.randomNormal(output) as never, {
      epochs: 1,
      batchSize: inputShape[0],
      verbose: 0,
    });
    assert.ok(Number.isFinite(history.history.loss[0]), `loss ${history.history.loss[0]}`);
    const afterStep = weightsOf(model);
    assert.ok(
      afterStep.some((w, i) => w.some((v, j) => v !== before[i]![j])),
      "fit changed no weight",
    );

    const where = path.join(dir, name.replace(/\W+/g, "-"));
    await model.save(where);
    const loaded = await load(net, where);
    assert.deepEqual(weightsOf(loaded), afterStep);
    assert.deepEqual(
      Array.from((loaded.predict(x as never) as tf.Tensor).dataSync()),
      Array.from((model.predict(x as never) as tf.Tensor).dataSync()),
    );
    assert.deepEqual(Object.keys(loaded.stateDict()), Object.keys(model.stateDict()));
  });
}

test("a tensor used by two branches is converted once; state_dict keys number the pipe calls in the order they ran", () => {
  const model = build(unet);
  const names = model.tfjs.layers.map((layer) => layer.name);
  assert.equal(names.filter((n) => n.startsWith("0.0.conv2d")).length, 2); // its padding and the conv, once
  assert.deepEqual(Object.keys(model.stateDict()), [
    "0.0.weight",
    "0.0.bias",
    "0.2.weight",
    "0.2.bias",
    "1.1.weight",
    "1.1.bias",
    "1.3.weight",
    "1.3.bias",
    "2.1.weight",
    "2.1.bias",
    "2.3.weight",
    "2.3.bias",
    "3.0.weight",
    "3.0.bias",
    "4.0.weight",
    "4.0.bias",
    "5.0.weight",
    "5.0.bias",
    "6.0.weight",
    "6.0.bias",
    "7.0.weight",
    "7.0.bias",
  ]);
  assert.ok(names.includes("cat.0") && names.includes("cat.1"));
});

/** PyTorch's twin: see test/pytorch/graph_fixtures.py. */
function twin() {
  const x = input([2, 5, 5]);
  const a = x.pipe(nn.conv2d(2, 4, 3, 1, 1), nn.relu());
  const b = a.pipe(nn.conv2d(4, 4, 3, 1, 1));
  const s = ops.add(a, b);
  const c = ops.cat([s, x.pipe(nn.conv2d(2, 3, 1))], 1);
  const y = c.pipe(nn.flatten(), nn.linear(175, 6), nn.logSoftmax(1));
  const t = s.pipe(nn.flatten(2), nn.linear(25, 4));
  const shared = nn.linear(4, 4);
  const m = ops.matmul(t.pipe(shared), t.pipe(nn.linear(4, 4), shared));
  return graph({ inputs: [x], outputs: [y, s, m] });
}

/** Elementwise |a − b| ≤ 1e-4 + 1e-4·|b|. */
function assertClose(actual: tf.Tensor, expected: tf.Tensor, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const [a, b] = [actual.dataSync(), expected.dataSync()];
  const at = a.findIndex((v, i) => Math.abs(v - b[i]!) > 1e-4 + 1e-4 * Math.abs(b[i]!));
  assert.equal(at, -1, `${what}: element ${at} is ${a[at]}, PyTorch's ${b[at]}`);
}

test("add, cat, matmul and a shared layer: PyTorch's outputs with PyTorch's weights (within 1e-4)", () => {
  const fixture = JSON.parse(readFileSync(new URL("./fixtures/runtime-torch-graph.json", import.meta.url), "utf8")) as {
    state: Record<string, number[]>;
    input: number[];
    outputs: number[][];
  };
  const model = build(twin());
  assert.deepEqual(Object.keys(model.stateDict()), Object.keys(fixture.state));
  model.loadStateDict(fixture.state);
  const outputs = model.predict(fixture.input as never);
  outputs.forEach((output, i) => assertClose(output, tf.tensor(fixture.outputs[i]!), `output ${i}`));
  // The shared layer is one tfjs layer: its weights once, under both PyTorch names.
  assert.equal(
    model.tfjs.layers.filter((layer) => layer.name.endsWith(".linear") && layer.name.startsWith("5.")).length,
    1,
  );
  assert.ok(!model.tfjs.layers.some((layer) => layer.name === "6.1.linear"));
  const state = model.stateDict();
  assert.deepEqual(state["5.0.weight"]!.arraySync(), state["6.1.weight"]!.arraySync());
});

test("several inputs and outputs: arrays in tfjs's order, each checked with its own message", async () => {
  const image = input([1, 8, 8]);
  const tokens = input([5, 4]);
  const mask = image.pipe(nn.conv2d(1, 2, 3, 1, 1));
  const summed = ops.add(tokens.pipe(nn.linear(4, 4)), tokens);
  const net = graph({ inputs: [image, tokens], outputs: [mask, summed] });
  const model = build(net).compile({ loss: "meanSquaredError" });
  assert.deepEqual(model.inputShapes, [
    [null, 1, 8, 8],
    [null, 5, 4],
  ]);
  const images = tf.randomNormal([3, 1, 8, 8]) as Tensor<[number, 1, 8, 8]>;
  const sequences = tf.randomNormal([3, 5, 4]) as Tensor<[number, 5, 4]>;
  const [masks, sums] = model.predict([images, sequences]);
  assert.deepEqual(
    [masks.shape, sums.shape],
    [
      [3, 2, 8, 8],
      [3, 5, 4],
    ],
  );
  const history = await model.fit([images, sequences], [tf.zeros([3, 2, 8, 8]), tf.zeros([3, 5, 4])], { verbose: 0 });
  assert.ok(Number.isFinite(history.history.loss[0]));
  const evaluation = await model.evaluate([images, sequences], [tf.zeros([3, 2, 8, 8]), tf.zeros([3, 5, 4])]);
  assert.ok(Number.isFinite(evaluation.loss));
  assert.throws(() => model.predict([sequences, images] as never), {
    name: "ShapeError",
    message: "predict (input 0): expected a tensor of shape [number, 1, 8, 8], got [3, 5, 4]",
  });
  assert.throws(() => model.predict([images] as never), {
    name: "ShapeError",
    message: "predict: expected an array of 2 tensors, one per input",
  });
  await assert.rejects(
    model.fit([images, sequences], [tf.zeros([3, 2, 8, 8]), tf.zeros([2, 5, 4])], { verbose: 0 }),
    /the batch dimensions must be equal/,
  );

  const where = path.join(dir, "two-inputs");
  await model.save(where);
  const loaded = await load(net, where);
  const [again] = loaded.predict([images, sequences]);
  assert.deepEqual(Array.from(again.dataSync()), Array.from(model.predict([images, sequences])[0].dataSync()));
  const other = graph({ inputs: [image], outputs: [mask] });
  await assert.rejects(load(other, where), /the stored model has 2 inputs and 2 outputs, the declared one 1 and 1/);
});

test("a shared layer applied to tensors of different ranks cannot be converted, and says why", () => {
  const shared = nn.linear(4, 4);
  const x = input([4]);
  const y = input([3, 4]);
  const net = graph({ inputs: [x, y], outputs: [x.pipe(shared), y.pipe(shared)] });
  assert.throws(() => toTfjs(net), {
    name: "NotConvertibleError",
    message: /linear\(4, 4\) is applied to a tensor of 2 dimensions and again to one of 3/,
  });
});

test("a graph whose input leaves sizes unknown runs on data that fits; data that does not gets the layer's own message", () => {
  const x = input([3, null, null]);
  const sum = ops.add(x.pipe(nn.conv2d(3, 4, 3, 1, 1)), x.pipe(nn.conv2d(3, 4, 1)));
  const y = sum.pipe(nn.flatten(), nn.linear(64, 2));
  const model = build(graph({ inputs: [x], outputs: [y] }));
  assert.deepEqual(model.predict(tf.zeros([1, 3, 4, 4])).shape, [1, 2]); // 4·4·4 = 64
  assert.throws(
    () => model.predict(tf.zeros([1, 3, 5, 5])),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message === "linear(64, 2): inFeatures must equal the last input dimension 100 (input [1, 4·5·5 = 100])",
  );
  model.dispose();
});
