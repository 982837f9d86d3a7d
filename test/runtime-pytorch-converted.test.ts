// The layers toTfjs builds from tf ops (shapecheck>GRU, >MultiheadAttention, >Conv and >ConvTranspose
// for groups and dilations, >DilatedPool, >CeilAvgPool, >AdaptivePool, >BatchNorm, >Embedding, >LSTM)
// compute PyTorch's function with PyTorch's weights, train (one SGD step
// gives PyTorch's weights, on wasm and on cpu), and survive save/load. Numbers from PyTorch 1.13
// (test/pytorch/converted_fixtures.py).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { input, nn, sequential, type Sequential, type Shape } from "../src/index.ts";
import { build, load, ready } from "../src/tfjs.ts";
import { torchCases, type TorchCase } from "./pytorch/runtime-cases.ts";

const fixtures = torchCases("runtime-torch-converted.json");

/** A twin's type, loose: any sequential (its shapes are checked against the fixtures at run time). */
type Twin = Pick<Sequential<Shape, Shape>, "kind" | "~shapes">;

/** Each case's twin, layer for layer (`nn.Sequential` indices are the state_dict keys). */
const twins: Record<string, () => Twin> = {
  gru: () => sequential(input([5, 3]), nn.gru(3, 4)),
  gru_stacked_bidirectional: () => sequential(input([5, 3]), nn.gru(3, 4, { numLayers: 2, bidirectional: true })),
  gru_no_bias: () => sequential(input([4, 3]), nn.gru(3, 4, { bias: false })),
  multihead_attention: () => sequential(input([5, 8]), nn.multiheadAttention(8, 2)),
  multihead_attention_no_bias: () => sequential(input([3, 8]), nn.multiheadAttention(8, 4, { bias: false })),
  conv2d_grouped: () => sequential(input([4, 5, 5]), nn.conv2d(4, 6, 3, { padding: 1, groups: 2 })),
  conv1d_grouped: () => sequential(input([6, 9]), nn.conv1d(6, 9, 3, { stride: 2, groups: 3 })),
  conv3d_grouped: () => sequential(input([4, 3, 4, 4]), nn.conv3d(4, 4, 2, { padding: 1, groups: 2 })),
  conv2d_dilation_stride: () =>
    sequential(input([2, 9, 9]), nn.conv2d(2, 3, 3, { stride: 2, dilation: 2, padding: 1 })),
  conv2d_dilation_stride_coprime: () =>
    sequential(input([2, 11, 10]), nn.conv2d(2, 3, 3, { stride: [2, 3], dilation: [3, 2], padding: [2, 1] })),
  conv1d_dilation_stride: () => sequential(input([3, 12]), nn.conv1d(3, 4, 3, { stride: 3, dilation: 2 })),
  conv3d_dilation: () => sequential(input([2, 4, 5, 5]), nn.conv3d(2, 2, 2, { dilation: 2, stride: [1, 2, 1] })),
  conv2d_grouped_dilated_same: () =>
    sequential(input([4, 6, 7]), nn.conv2d(4, 4, 3, { padding: "same", dilation: 2, groups: 2 })),
  conv1d_depthwise_dilated: () => sequential(input([3, 8]), nn.conv1d(3, 6, 3, { dilation: 2, groups: 3, padding: 2 })),
  conv2d_depthwise_dilated_stride: () =>
    sequential(input([3, 10, 9]), nn.conv2d(3, 3, 3, { stride: 2, dilation: 3, groups: 3, padding: 1 })),
  conv_transpose2d_grouped: () => sequential(input([4, 4, 4]), nn.convTranspose2d(4, 6, 3, { groups: 2 })),
  conv_transpose2d_dilated: () => sequential(input([2, 5, 4]), nn.convTranspose2d(2, 3, 3, { dilation: 2 })),
  conv_transpose2d_grouped_dilated_stride: () =>
    sequential(
      input([4, 4, 3]),
      nn.convTranspose2d(4, 6, [3, 2], {
        stride: [2, 3],
        padding: [1, 2],
        outputPadding: [1, 1],
        dilation: [2, 3],
        groups: 2,
      }),
    ),
  conv_transpose2d_depthwise_stride: () =>
    sequential(input([3, 4, 5]), nn.convTranspose2d(3, 3, 3, { stride: 2, padding: 1, groups: 3, bias: false })),
  conv_transpose1d_grouped_dilated: () =>
    sequential(
      input([6, 7]),
      nn.convTranspose1d(6, 4, 3, { stride: 3, padding: 5, outputPadding: 1, dilation: 2, groups: 2 }),
    ),
  max_pool_dilation_padding: () =>
    sequential(input([2, 9, 9]), nn.maxPool2d(3, { stride: 2, padding: 1, dilation: 2 })),
  max_pool_dilation_ceil: () =>
    sequential(input([2, 7, 8]), nn.maxPool2d(2, { stride: 2, dilation: 2, ceilMode: true })),
  max_pool1d_dilation: () => sequential(input([3, 10]), nn.maxPool1d(3, { stride: 1, padding: 1, dilation: 3 })),
  avg_pool2d_ceil_overhang: () =>
    sequential(input([2, 6, 6]), nn.avgPool2d(3, { stride: 2, padding: 1, ceilMode: true })),
  avg_pool2d_ceil_no_padding: () => sequential(input([2, 6, 6]), nn.avgPool2d(3, { stride: 2, ceilMode: true })),
  avg_pool2d_ceil_rectangular: () =>
    sequential(input([2, 5, 6]), nn.avgPool2d([2, 3], { stride: [2, 2], padding: [1, 0], ceilMode: true })),
  avg_pool1d_ceil_overhang: () => sequential(input([3, 7]), nn.avgPool1d(2, { stride: 2, ceilMode: true })),
  adaptive_avg_pool2d_uneven: () => sequential(input([2, 7, 5]), nn.adaptiveAvgPool2d([3, 2])),
  adaptive_avg_pool1d_uneven: () => sequential(input([3, 7]), nn.adaptiveAvgPool1d(3)),
  adaptive_max_pool2d_uneven: () => sequential(input([2, 6, 5]), nn.adaptiveMaxPool2d([4, 3])),
  batch_norm2d_batch_stats: () => sequential(input([3, 4, 4]), nn.batchNorm2d(3, { trackRunningStats: false })),
  batch_norm1d_batch_stats_no_affine: () =>
    sequential(input([4]), nn.batchNorm1d(4, { trackRunningStats: false, affine: false })),
  batch_norm1d_cumulative: () => sequential(input([3, 5]), nn.batchNorm1d(3, { momentum: null })),
  embedding_padding_idx: () => sequential(input([5]), nn.embedding(10, 4, { paddingIdx: 2 })),
  embedding_max_norm: () => sequential(input([5]), nn.embedding(10, 4, { maxNorm: 1.5 })),
  lstm_proj: () => sequential(input([4, 3]), nn.lstm(3, 5, { projSize: 2 })),
  lstm_proj_stacked_bidirectional: () =>
    sequential(input([5, 3]), nn.lstm(3, 4, { projSize: 3, numLayers: 2, bidirectional: true })),
  lstm_proj_no_bias: () => sequential(input([3, 3]), nn.lstm(3, 4, { projSize: 2, bias: false })),
  sgd_step_pools: () =>
    sequential(
      input([2, 6, 6]),
      nn.conv2d(2, 3, 3, { padding: 1 }),
      nn.avgPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
      nn.adaptiveMaxPool2d(3),
      nn.flatten(),
      nn.linear(27, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_adaptive_avg: () =>
    sequential(
      input([2, 8]),
      nn.conv1d(2, 3, 2),
      nn.adaptiveAvgPool1d(3),
      nn.flatten(),
      nn.linear(9, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_batch_norm: () =>
    sequential(
      input([4]),
      nn.linear(4, 5),
      nn.batchNorm1d(5, { trackRunningStats: false }),
      nn.relu(),
      nn.linear(5, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_batch_norm_cumulative: () =>
    sequential(
      input([2, 5]),
      nn.conv1d(2, 3, 2),
      nn.batchNorm1d(3, { momentum: null }),
      nn.flatten(),
      nn.linear(12, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_embedding: () =>
    sequential(input([5]), nn.embedding(10, 4, { paddingIdx: 2 }), nn.flatten(), nn.linear(20, 3), nn.logSoftmax(1)),
  sgd_step_embedding_max_norm: () =>
    sequential(input([5]), nn.embedding(10, 4, { maxNorm: 1.5 }), nn.flatten(), nn.linear(20, 3), nn.logSoftmax(1)),
  sgd_step_conv_transpose: () =>
    sequential(
      input([4, 3, 3]),
      nn.convTranspose2d(4, 4, 3, { stride: 2, padding: 1, dilation: 2, groups: 2 }),
      nn.relu(),
      nn.flatten(),
      nn.linear(196, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_conv_transpose1d: () =>
    sequential(
      input([2, 4]),
      nn.convTranspose1d(2, 4, 2, { stride: 2, dilation: 3, groups: 2 }),
      nn.flatten(),
      nn.linear(40, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_lstm_proj: () =>
    sequential(
      input([3, 3]),
      nn.lstm(3, 4, { projSize: 2, bidirectional: true }),
      nn.flatten(),
      nn.linear(12, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_conv: () =>
    sequential(
      input([2, 8, 8]),
      nn.conv2d(2, 4, 3, { stride: 2, dilation: 2, padding: 2, groups: 2 }),
      nn.relu(),
      nn.maxPool2d(2, { stride: 1, dilation: 2 }),
      nn.flatten(),
      nn.linear(16, 3),
      nn.logSoftmax(1),
    ),
  sgd_step_gru: () =>
    sequential(input([3, 3]), nn.gru(3, 4, { bidirectional: true }), nn.flatten(), nn.linear(24, 3), nn.logSoftmax(1)),
  sgd_step_attention: () =>
    sequential(input([3, 4]), nn.multiheadAttention(4, 2), nn.flatten(), nn.linear(12, 3), nn.logSoftmax(1)),
  sgd_step_dilated: () =>
    sequential(
      input([1, 6, 6]),
      nn.conv2d(1, 2, 3, { padding: 2, dilation: 2 }),
      nn.relu(),
      nn.flatten(),
      nn.linear(72, 3),
      nn.logSoftmax(1),
    ),
};

const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-converted-"));
before(async () => {
  await ready();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const stateOf = (fixture: TorchCase) => fixture.state as Record<string, tf.TensorLike>;

/** Elementwise |a − b| ≤ 1e-4 + 1e-4·|b|, with the worst place in the message; returns the largest differences. */
function assertClose(actual: tf.Tensor, expected: tf.Tensor, what: string): { abs: number; rel: number } {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const a = actual.dataSync();
  const b = expected.dataSync();
  let [worst, at, abs, rel] = [0, -1, 0, 0];
  for (let i = 0; i < a.length; i++) {
    const difference = Math.abs(a[i]! - b[i]!);
    abs = Math.max(abs, difference);
    rel = Math.max(rel, difference / Math.max(Math.abs(b[i]!), 1e-6));
    const excess = difference - (1e-4 + 1e-4 * Math.abs(b[i]!));
    if (excess > worst) [worst, at] = [excess, i];
  }
  assert.ok(at === -1, `${what}: element ${at} is ${a[at]}, PyTorch's ${b[at]}`);
  return { abs, rel };
}

test("every fixture case has a twin", () => {
  assert.deepEqual(Object.keys(twins).sort(), Object.keys(fixtures).sort());
});

for (const [name, fixture] of Object.entries(fixtures)) {
  test(`${name}: the same output as PyTorch with the same weights`, (t) => {
    const model = build(twins[name]!());
    model.loadStateDict(stateOf(fixture));
    const { abs, rel } = assertClose(
      model.predict(fixture.input as never),
      tf.tensor(fixture.output as number[]),
      name,
    );
    t.diagnostic(`max |Δ| ${abs.toExponential(2)}, max relative ${rel.toExponential(2)}`);
  });
}

test("stateDict gives PyTorch's state_dict back: the same keys, in order, and values", () => {
  for (const [name, fixture] of Object.entries(fixtures)) {
    const model = build(twins[name]!());
    model.loadStateDict(stateOf(fixture));
    const state = model.stateDict();
    assert.deepEqual(Object.keys(state), Object.keys(fixture.state), name);
    for (const [key, value] of Object.entries(fixture.state)) {
      assert.deepEqual(
        [...state[key]!.dataSync()],
        tf.tensor(value as number[]).dataSync().length === 0 ? [] : [...tf.tensor(value as number[]).dataSync()],
        `${name} ${key}`,
      );
    }
  }
});

for (const backend of ["wasm", "cpu"] as const) {
  for (const name of Object.keys(fixtures).filter((key) => fixtures[key]!.stateAfterStep)) {
    test(`${name} on ${backend}: one SGD step on the NLL loss gives PyTorch's loss and weights`, async (t) => {
      assert.equal(await ready({ backend }), backend);
      try {
        const fixture = fixtures[name]!;
        const model = build(twins[name]!()).compile({ optimizer: tf.train.sgd(fixture.learningRate!), loss: "nll" });
        model.loadStateDict(stateOf(fixture));
        const history = await model.fit(fixture.input as never, fixture.target! as never, {
          epochs: 1,
          batchSize: fixture.target!.length,
          shuffle: false,
          verbose: 0,
        });
        const loss = history.history.loss[0]!;
        assert.ok(Math.abs(loss - fixture.nll!) < 1e-4, `loss ${loss}, PyTorch's ${fixture.nll}`);
        const after = model.stateDict();
        let [abs, rel] = [0, 0];
        for (const [key, value] of Object.entries(fixture.stateAfterStep!)) {
          const before = tf.tensor(fixture.state[key] as number[]);
          // (a bias before a batch norm gets no gradient: it changes in neither)
          const torchChanged = tf.any(tf.notEqual(tf.tensor(value as number[]), before)).dataSync()[0] === 1;
          if (torchChanged) assert.ok(tf.any(tf.notEqual(after[key]!, before)).dataSync()[0] === 1, `${key} changed`);
          const close = assertClose(after[key]!, tf.tensor(value as number[]), key);
          [abs, rel] = [Math.max(abs, close.abs), Math.max(rel, close.rel)];
        }
        t.diagnostic(
          `loss |Δ| ${Math.abs(loss - fixture.nll!).toExponential(2)}; weights after the step: max |Δ| ${abs.toExponential(2)}, max relative ${rel.toExponential(2)}`,
        );
      } finally {
        await ready();
      }
    });
  }
}

/** A net of every new layer, with dropout (in the attention and between GRU layers), for training and saving. */
const everything = () =>
  sequential(
    input([4, 6]),
    nn.conv1d(4, 6, 3, { padding: 2, dilation: 2, groups: 2 }),
    nn.relu(),
    nn.maxPool1d(2, { stride: 1, padding: 1, dilation: 2 }),
    nn.convTranspose1d(6, 6, 3, { padding: 2, dilation: 2, groups: 3 }),
    nn.conv1d(6, 4, 1),
    nn.gru(6, 4, { numLayers: 2, bidirectional: true, dropout: 0.2 }),
    nn.multiheadAttention(8, 2, { dropout: 0.1 }),
    nn.flatten(),
    nn.linear(32, 3),
    nn.logSoftmax(1),
  ) as unknown as Twin;

for (const backend of ["wasm", "cpu"] as const) {
  test(`every new layer trains on ${backend} (with dropout): finite losses, every weight changes`, async () => {
    assert.equal(await ready({ backend }), backend);
    try {
      const model = build(everything()).compile({ optimizer: tf.train.adam(0.01), loss: "nll" });
      const before = model.stateDict();
      const x = tf.randomNormal([6, 4, 6], 0, 1, "float32", 3);
      const history = await model.fit(x as never, tf.tensor([0, 1, 2, 0, 1, 2], [6], "int32") as never, {
        epochs: 2,
        batchSize: 3,
        verbose: 0,
      });
      assert.ok(history.history.loss.every(Number.isFinite), `losses ${history.history.loss}`);
      const after = model.stateDict();
      for (const [key, value] of Object.entries(before))
        assert.ok(tf.any(tf.notEqual(after[key]!, value)).dataSync()[0] === 1, `${key} changed`);
    } finally {
      await ready();
    }
  });
}

test("save/load round trip of the new layers: weights bit-identical, predictions equal", async () => {
  const model = build(everything()).compile({ loss: "nll" });
  const x = tf.randomNormal([3, 4, 6], 0, 1, "float32", 5);
  await model.fit(x as never, tf.tensor([0, 1, 2], [3], "int32") as never, { epochs: 1, verbose: 0 }); // not the initial weights
  const where = path.join(dir, "round-trip");
  await model.save(where);
  const json = readFileSync(path.join(where, "model.json"), "utf8");
  for (const custom of [
    "shapecheck>Conv",
    "shapecheck>ConvTranspose",
    "shapecheck>DilatedPool",
    "shapecheck>GRU",
    "shapecheck>MultiheadAttention",
  ])
    assert.ok(json.includes(`"class_name":"${custom}"`), custom);
  const loaded = await load(everything(), where);
  const bytes = (m: tfl.LayersModel) => m.weights.map((w) => Buffer.from(w.read().dataSync().buffer).toString("hex"));
  assert.deepEqual(bytes(loaded.tfjs), bytes(model.tfjs));
  assert.deepEqual(loaded.predict(x as never).dataSync(), model.predict(x as never).dataSync());
});

/** The layers of issue 5's second round: ceilMode average pooling past the input, uneven adaptive pooling, batch norm with batch statistics and with a cumulative average, a projected LSTM; an embedding with paddingIdx and maxNorm. */
const pooledNet = () =>
  sequential(
    input([2, 6, 6]),
    nn.conv2d(2, 3, 3, { padding: 1 }),
    nn.batchNorm2d(3, { trackRunningStats: false }),
    nn.avgPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
    nn.adaptiveMaxPool2d(3),
    nn.batchNorm2d(3, { momentum: null }),
    nn.flatten(2),
    nn.lstm(9, 4, { projSize: 2, bidirectional: true }),
    nn.flatten(),
    nn.linear(12, 3),
    nn.logSoftmax(1),
  ) as unknown as Twin;
const embeddingNet = () =>
  sequential(
    input([5]),
    nn.embedding(10, 4, { paddingIdx: 2, maxNorm: 1.5 }),
    nn.adaptiveAvgPool1d(3),
    nn.flatten(),
    nn.linear(15, 3),
    nn.logSoftmax(1),
  ) as unknown as Twin;

test("save/load round trip of issue 5's layers (CeilAvgPool, AdaptivePool, BatchNorm, LSTM, Embedding): weights bit-identical, predictions equal", async () => {
  const cases = [
    {
      net: pooledNet,
      x: tf.randomNormal([3, 2, 6, 6], 0, 1, "float32", 5),
      classes: ["CeilAvgPool", "AdaptivePool", "BatchNorm", "LSTM"],
    },
    {
      net: embeddingNet,
      x: tf.tensor2d(
        [
          [2, 1, 5, 9, 2],
          [0, 3, 3, 7, 8],
          [4, 6, 2, 1, 0],
        ],
        [3, 5],
        "int32",
      ),
      classes: ["Embedding", "AdaptivePool"],
    },
  ];
  for (const [index, { net, x, classes }] of cases.entries()) {
    const model = build(net()).compile({ loss: "nll" });
    await model.fit(x as never, tf.tensor([0, 1, 2], [3], "int32") as never, { epochs: 1, verbose: 0 }); // not the initial weights
    const where = path.join(dir, `round-trip-${index}`);
    await model.save(where);
    const json = readFileSync(path.join(where, "model.json"), "utf8");
    for (const custom of classes) assert.ok(json.includes(`"class_name":"shapecheck>${custom}"`), custom);
    const loaded = await load(net(), where);
    const bytes = (m: tfl.LayersModel) => m.weights.map((w) => Buffer.from(w.read().dataSync().buffer).toString("hex"));
    assert.deepEqual(bytes(loaded.tfjs), bytes(model.tfjs));
    assert.deepEqual(loaded.predict(x as never).dataSync(), model.predict(x as never).dataSync());
  }
});

test("an embedding's paddingIdx row stays as it is through training (zero from the start); maxNorm caps the rows used", async () => {
  const model = build(embeddingNet()).compile({ optimizer: tf.train.adam(0.1), loss: "nll" });
  const table = () => model.stateDict()["0.weight"]!;
  const paddingRow = () => [...tf.slice(table(), [2, 0], [1, 4]).dataSync()];
  assert.ok(
    paddingRow().every((v) => v === 0),
    `${paddingRow()}`,
  );
  const x = tf.tensor2d(
    [
      [2, 1, 5, 9, 2],
      [0, 3, 3, 7, 8],
    ],
    [2, 5],
    "int32",
  );
  await model.fit(x as never, tf.tensor([0, 1], [2], "int32") as never, { epochs: 3, verbose: 0 });
  assert.ok(
    paddingRow().every((v) => v === 0),
    `${paddingRow()}`,
  );
  model.predict(x as never);
  const norms = tf.norm(table(), 2, 1).dataSync();
  for (const row of [0, 1, 3, 5, 7, 8, 9]) assert.ok(norms[row]! <= 1.5 + 1e-5, `row ${row}: norm ${norms[row]}`);
});
