// The same network with the same weights computes the same function as its PyTorch twin: outputs,
// the NLL loss, and one SGD step. Numbers from PyTorch 1.13 (scripts/runtime_fixtures.py).
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential, type Sequential, type Shape } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { torchCases, type TorchCase } from "./pytorch/runtime-cases.ts";

const fixtures = torchCases("runtime-torch.json");

/** Each case's twin, layer for layer (`nn.Sequential` indices are the state_dict keys). */
/** A twin's type, loose: any sequential (its shapes are checked against the fixtures at run time). */
type Twin = Pick<Sequential<Shape, Shape>, "kind" | "~shapes">;
const twins: Record<string, () => Twin> = {
  conv2d_padding: () => sequential(input([2, 5, 5]), nn.conv2d(2, 3, 3, 1, 1)),
  conv2d_stride_asymmetric: () =>
    sequential(input([2, 7, 6]), nn.conv2d(2, 4, [3, 2], { stride: [2, 1], padding: [1, 2] })),
  conv2d_dilation: () => sequential(input([2, 7, 7]), nn.conv2d(2, 3, 3, { padding: 2, dilation: 2 })),
  conv2d_same_even: () => sequential(input([2, 6, 5]), nn.conv2d(2, 3, 4, { padding: "same" })),
  conv2d_depthwise: () => sequential(input([3, 5, 5]), nn.conv2d(3, 6, 3, { padding: 1, groups: 3 })),
  conv2d_no_bias: () => sequential(input([2, 4, 4]), nn.conv2d(2, 3, 2, { bias: false })),
  conv1d: () => sequential(input([3, 9]), nn.conv1d(3, 4, 3, 2, 1)),
  conv3d: () => sequential(input([2, 3, 4, 4]), nn.conv3d(2, 3, 2, 1, 1)),
  max_pool_padding: () => sequential(input([2, 6, 6]), nn.maxPool2d(3, 2, 1)),
  max_pool_ceil: () => sequential(input([2, 6, 6]), nn.maxPool2d(3, { stride: 2, ceilMode: true })),
  avg_pool_padding: () => sequential(input([2, 6, 5]), nn.avgPool2d(3, 2, 1)),
  max_pool1d: () => sequential(input([3, 7]), nn.maxPool1d(2)),
  avg_pool1d_padding: () => sequential(input([3, 5]), nn.avgPool1d(3, 1, 1)),
  flatten_order: () => sequential(input([1, 5, 5]), nn.conv2d(1, 2, 3), nn.flatten(), nn.linear(18, 4)),
  flatten_through_dropout: () =>
    sequential(input([3, 4, 4]), nn.conv2d(3, 2, 3), nn.flatten(), nn.dropout(0.5), nn.relu(), nn.linear(8, 3)),
  flatten_middle: () => sequential(input([2, 3, 4]), nn.conv2d(2, 3, 1), nn.flatten(2), nn.softmax(-1)),
  softmax_channels: () => sequential(input([2, 4]), nn.conv1d(2, 3, 1), nn.softmax(1)),
  log_softmax_channels: () => sequential(input([2, 3, 3]), nn.conv2d(2, 3, 1), nn.logSoftmax(1)),
  linear_on_length: () => sequential(input([2, 6]), nn.conv1d(2, 3, 3), nn.linear(4, 5)),
  activations: () =>
    sequential(
      input([4]),
      nn.linear(4, 6),
      nn.leakyRelu(0.2),
      nn.linear(6, 6),
      nn.gelu(),
      nn.linear(6, 6),
      nn.sigmoid(),
      nn.linear(6, 4),
      nn.tanh(),
    ),
  residual: () =>
    sequential(
      input([2, 4, 4]),
      nn.conv2d(2, 4, 1),
      nn.residual(nn.conv2d(4, 4, 3, 1, 1), nn.relu(), nn.conv2d(4, 4, 3, 1, 1)),
      nn.relu(),
    ),
  residual_projection: () =>
    sequential(input([2, 5, 5]), nn.residual({ projection: [nn.conv2d(2, 4, 1, 2)] }, nn.conv2d(2, 4, 3, 2, 1))),
  concat_channels: () =>
    sequential(
      input([2, 3, 3]),
      nn.concat(1, [nn.conv2d(2, 3, 1)], [nn.conv2d(2, 2, 3, 1, 1), nn.relu()]),
      nn.flatten(),
    ),
  spec_mnist: () =>
    sequential(
      input([1, 28, 28]),
      nn.conv2d(1, 32, 3, 1),
      nn.relu(),
      nn.conv2d(32, 64, 3, 1),
      nn.relu(),
      nn.maxPool2d(2),
      nn.dropout(0.25),
      nn.flatten(),
      nn.linear(9216, 128),
      nn.relu(),
      nn.dropout(0.5),
      nn.linear(128, 10),
      nn.logSoftmax(1),
    ),
  batch_norm2d: () => sequential(input([2, 3, 3]), nn.conv2d(2, 3, 1), nn.batchNorm2d(3), nn.relu()),
  batch_norm1d: () => sequential(input([4]), nn.linear(4, 3), nn.batchNorm1d(3)),
  batch_norm1d_sequence: () => sequential(input([2, 4]), nn.conv1d(2, 3, 1), nn.batchNorm1d(3, { affine: false })),
  layer_norm: () => sequential(input([3, 5]), nn.conv1d(3, 4, 1), nn.layerNorm([4, 5])),
  embedding: () => sequential(input([4]), nn.embedding(7, 3), nn.flatten()),
  lstm: () => sequential(input([5, 3]), nn.lstm(3, 4)),
  lstm_stacked_bidirectional: () => sequential(input([5, 3]), nn.lstm(3, 4, { numLayers: 2, bidirectional: true })),
  conv_transpose2d: () => sequential(input([2, 4, 4]), nn.convTranspose2d(2, 3, 3, 2, 1, 1)),
  conv_transpose2d_small_kernel: () => sequential(input([2, 3, 3]), nn.convTranspose2d(2, 3, 2, 3)),
  conv_transpose1d: () => sequential(input([2, 5]), nn.convTranspose1d(2, 3, 4, 2, 1)),
  adaptive_avg_pool2d: () => sequential(input([2, 4, 6]), nn.adaptiveAvgPool2d([2, 3])),
  adaptive_max_pool2d_global: () =>
    sequential(input([2, null, null]), nn.conv2d(2, 3, 1), nn.adaptiveMaxPool2d(1), nn.flatten()),
  adaptive_avg_pool1d: () => sequential(input([3, 6]), nn.adaptiveAvgPool1d(2)),
  unflatten: () => sequential(input([4]), nn.linear(4, 12), nn.unflatten(1, [3, 4]), nn.conv1d(3, 2, 2)),
  sgd_step: () =>
    sequential(
      input([1, 8, 8]),
      nn.conv2d(1, 4, 3),
      nn.relu(),
      nn.maxPool2d(2),
      nn.flatten(),
      nn.linear(36, 5),
      nn.logSoftmax(1),
    ),
};

/** The fixture's `patterned` weights: ((i·7919 + seed) mod 129 − 64) / 64 · scale, in PyTorch's layout. */
function patterned({ seed, scale, shape }: { seed: number; scale: number; shape: number[] }): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = ((((i * 7919 + seed) % 129) - 64) / 64) * scale;
  return tf.tensor(data, shape);
}

function stateOf(fixture: TorchCase): Record<string, tf.TensorLike | tf.Tensor> {
  const state = { ...fixture.state } as Record<string, tf.TensorLike | tf.Tensor>;
  for (const [key, spec] of Object.entries(fixture.patterned ?? {})) state[key] = patterned(spec);
  return state;
}

/** Elementwise |a − b| ≤ 1e-4 + 1e-4·|b|, with the worst place in the message. */
function assertClose(actual: tf.Tensor, expected: tf.Tensor, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const a = actual.dataSync();
  const b = expected.dataSync();
  let worst = 0;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    const excess = Math.abs(a[i]! - b[i]!) - (1e-4 + 1e-4 * Math.abs(b[i]!));
    if (excess > worst) [worst, at] = [excess, i];
  }
  assert.ok(at === -1, `${what}: element ${at} is ${a[at]}, PyTorch's ${b[at]}`);
}

before(async () => {
  await ready();
});

test("every fixture case has a twin", () => {
  assert.deepEqual(Object.keys(twins).sort(), Object.keys(fixtures).sort());
});

for (const [name, fixture] of Object.entries(fixtures)) {
  test(`${name}: the same output as PyTorch with the same weights`, () => {
    const model = build(twins[name]!());
    model.loadStateDict(stateOf(fixture));
    const output = model.predict(fixture.input as never);
    assertClose(output, tf.tensor(fixture.output as number[]), name);
  });
}

test("stateDict gives PyTorch's state_dict back (an LSTM's two biases as their sum and zeros)", () => {
  for (const [name, fixture] of Object.entries(fixtures)) {
    if (Object.keys(fixture.patterned ?? {}).length > 0) continue;
    const model = build(twins[name]!());
    model.loadStateDict(stateOf(fixture));
    const state = model.stateDict();
    assert.deepEqual(Object.keys(state).sort(), Object.keys(fixture.state).sort(), name);
    for (const [key, value] of Object.entries(fixture.state)) {
      if (key.endsWith("num_batches_tracked")) continue;
      const expected = key.includes(".bias_hh_")
        ? tf.zerosLike(tf.tensor(value as number[]))
        : key.includes(".bias_ih_")
          ? tf.add(
              tf.tensor(value as number[]),
              tf.tensor(fixture.state[key.replace(".bias_ih_", ".bias_hh_")] as number[]),
            )
          : tf.tensor(value as number[]);
      assertClose(state[key]!, expected, `${name} ${key}`);
    }
  }
});

test("spec_mnist: evaluate's nll is PyTorch's F.nll_loss", async () => {
  const fixture = fixtures.spec_mnist!;
  const net = sequential(
    input([1, 28, 28]),
    nn.conv2d(1, 32, 3, 1),
    nn.relu(),
    nn.conv2d(32, 64, 3, 1),
    nn.relu(),
    nn.maxPool2d(2),
    nn.dropout(0.25),
    nn.flatten(),
    nn.linear(9216, 128),
    nn.relu(),
    nn.dropout(0.5),
    nn.linear(128, 10),
    nn.logSoftmax(1),
  );
  const model = build(net).compile({ loss: "nll", metrics: ["accuracy"] });
  model.loadStateDict(stateOf(fixture));
  const result = await model.evaluate(fixture.input as number[], fixture.target!);
  assert.ok(Math.abs(result.loss - fixture.nll!) < 1e-4, `loss ${result.loss}, PyTorch's ${fixture.nll}`);
});

test("sgd_step: one SGD step on the NLL loss gives PyTorch's weights", async () => {
  const fixture = fixtures.sgd_step!;
  const net = sequential(
    input([1, 8, 8]),
    nn.conv2d(1, 4, 3),
    nn.relu(),
    nn.maxPool2d(2),
    nn.flatten(),
    nn.linear(36, 5),
    nn.logSoftmax(1),
  );
  const model = build(net).compile({ optimizer: tf.train.sgd(fixture.learningRate!), loss: "nll" });
  model.loadStateDict(stateOf(fixture));
  const history = await model.fit(fixture.input as number[], fixture.target!, {
    epochs: 1,
    batchSize: fixture.target!.length,
    shuffle: false,
    verbose: 0,
  });
  assert.ok(
    Math.abs(history.history.loss[0]! - fixture.nll!) < 1e-4,
    `loss ${history.history.loss[0]}, PyTorch's ${fixture.nll}`,
  );
  const after = model.stateDict();
  for (const [key, value] of Object.entries(fixture.stateAfterStep!))
    assertClose(after[key]!, tf.tensor(value as number[]), key);
});
