// The convolution and pooling modules of issue 16 (convTranspose3d, maxPool3d/avgPool3d with countIncludePad and
// divisorOverride, lpPool1d/2d, adaptiveMaxPool1d, adaptiveAvg/MaxPool3d) against PyTorch 1.13
// (test/fixtures/pytorch-nn-conv-pool.json, scripts/nn_conv_pool_fixtures.py): the runtime twins give PyTorch's
// output shape or refuse where PyTorch raises; the converted models compute PyTorch's outputs with PyTorch's weights
// (stateDict keys as PyTorch's state_dict) on wasm and cpu, and train.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential, ShapeError, type Sequential, type Shape } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { evaluate, extraModelCall, outcome, type ExtraFixtures } from "./pytorch/nn-extra-records.ts";
import { explainers } from "../src/explain/kinds/index.ts";
import type { Explainer } from "../src/explain/kinds/support.ts";
import type { LayerConfig } from "../src/families/layer-config.ts";
import type { RuntimeShape } from "../src/shape/dims.ts";

export const loadConvPool = (): ExtraFixtures =>
  JSON.parse(readFileSync(new URL("./fixtures/pytorch-nn-conv-pool.json", import.meta.url), "utf8")) as ExtraFixtures;
const fixtures = loadConvPool();

describe("runtime twins agree with PyTorch 1.13", () => {
  for (const [family, records] of Object.entries(fixtures.shapes)) {
    test(family, (t) => {
      const failures: string[] = [];
      let [valid, invalid] = [0, 0];
      for (const record of records) {
        const call = extraModelCall(record);
        const result = outcome(call);
        if (record.output) {
          valid += 1;
          if (result instanceof ShapeError)
            failures.push(`${call}: PyTorch gives [${record.output}], the runtime throws "${result.message}"`);
          else if (JSON.stringify(result) !== JSON.stringify(record.output))
            failures.push(`${call}: PyTorch gives [${record.output}], the runtime [${result.join(", ")}]`);
        } else {
          invalid += 1;
          if (!(result instanceof ShapeError))
            failures.push(`${call}: PyTorch raises "${record.error}", the runtime gives [${result.join(", ")}]`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} disagreements:\n${failures.slice(0, 20).join("\n")}`);
      assert.ok(valid >= 200, `${family}: ${valid} valid records`);
      t.diagnostic(`${family}: ${valid} accepted and ${invalid} refused configurations agree`);
    });
  }
});

/** The largest |a − b|; fails past 1e-4 + 1e-4·|b|. */
function maxDifference(actual: tf.Tensor, expected: tf.Tensor, what: string): number {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const a = actual.dataSync();
  const b = expected.dataSync();
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = Math.abs(a[i]! - b[i]!);
    worst = Math.max(worst, difference);
    assert.ok(difference <= 1e-4 + 1e-4 * Math.abs(b[i]!), `${what}: element ${i} is ${a[i]}, PyTorch's ${b[i]}`);
  }
  return worst;
}

for (const backend of ["wasm", "cpu"] as const) {
  describe(`converted models compute PyTorch's outputs (${backend})`, () => {
    for (const [name, fixture] of Object.entries(fixtures.values)) {
      test(name, async (t) => {
        assert.equal(await ready({ backend }), backend);
        const model = build(evaluate(fixture.model) as unknown as Sequential<Shape, Shape>);
        model.loadStateDict(fixture.state as never);
        assert.deepEqual(Object.keys(model.stateDict()), Object.keys(fixture.state), "state_dict keys");
        const worst = maxDifference(
          model.predict(fixture.input as never) as tf.Tensor,
          tf.tensor(fixture.output as number[]),
          name,
        );
        t.diagnostic(`max |Δ| ${worst.toExponential(2)}`);
      });
    }
  });

  test(`a model with the new layers trains on ${backend}`, async () => {
    assert.equal(await ready({ backend }), backend);
    const net = sequential(
      input([2, 6, 6, 6]),
      nn.convTranspose3d(2, 3, 2, { stride: 1, groups: 1 }),
      nn.maxPool3d(2, { ceilMode: true }),
      nn.convTranspose3d(3, 2, [2, 1, 2], 2, 1),
      nn.avgPool3d(2, { padding: 1, countIncludePad: false }),
      nn.adaptiveMaxPool3d([2, null, 2]),
      nn.adaptiveAvgPool3d(2),
      nn.flatten(1, 2),
      nn.lpPool2d(2, 2, { ceilMode: true }),
      nn.flatten(),
      nn.linear(4, 3),
      nn.logSoftmax(1),
    );
    const model = build(net).compile({ optimizer: tf.train.sgd(0.1), loss: "nll" });
    const before = model.stateDict();
    const x = tf.randomNormal([4, 2, 6, 6, 6]);
    const y = tf.tensor1d([0, 1, 2, 0], "int32");
    const history = await model.fit(x as never, y as never, { epochs: 2, batchSize: 4, verbose: 0 });
    const losses = history.history.loss as number[];
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    const after = model.stateDict();
    assert.ok(tf.any(tf.notEqual(after["0.weight"]!, before["0.weight"]!)).dataSync()[0] === 1, "weights train");
    assert.deepEqual(Object.keys(after), ["0.weight", "0.bias", "2.weight", "2.bias", "9.weight", "9.bias"]);
  });
}

test("returnIndices is refused with a message (shapecheck returns the output alone)", () => {
  assert.throws(
    () => nn.maxPool3d(2, { returnIndices: true as never }),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message ===
        "maxPool3d(2): returnIndices must be false: shapecheck returns the output alone, not PyTorch's (output, indices)",
  );
});

test("explain counts PyTorch's parameters (the state_dict's sizes) for every one-layer value case", () => {
  let checked = 0;
  for (const [name, fixture] of Object.entries(fixtures.values)) {
    const net = evaluate(fixture.model) as unknown as {
      layers: readonly LayerConfig[];
      inputShape: RuntimeShape;
      outputShape: RuntimeShape;
    };
    if (net.layers.length !== 1) continue;
    const layer = net.layers[0]!;
    const explainer = explainers[layer.kind as keyof typeof explainers] as Explainer<LayerConfig>;
    const { params } = explainer(layer, net.inputShape, net.outputShape);
    const size = (value: unknown): number => (Array.isArray(value) ? value.reduce((n, v) => n + size(v), 0) : 1);
    const expected = Object.values(fixture.state).reduce<number>((n, value) => n + size(value), 0);
    assert.equal(params, expected, `${name}: ${layer.written}`);
    checked += 1;
  }
  assert.ok(checked >= 20, `${checked} cases`);
});

for (const backend of ["wasm", "cpu"] as const) {
  test(`a model with nn.unfold and nn.fold trains on ${backend} (the gradient reaches the convolution before it)`, async () => {
    assert.equal(await ready({ backend }), backend);
    const net = sequential(
      input([2, 7, 7]),
      nn.conv2d(2, 3, 3),
      nn.unfold(2, { stride: 2, padding: 1, dilation: [1, 2] }),
      nn.fold(5, 2, { stride: 2, padding: 1, dilation: [1, 2] }),
      nn.flatten(),
      nn.lazyLinear(3),
      nn.logSoftmax(1),
    );
    const model = build(net).compile({ optimizer: tf.train.sgd(0.1), loss: "nll" });
    const before = model.stateDict()["0.weight"]!.clone();
    const history = await model.fit(
      tf.randomNormal([4, 2, 7, 7]) as never,
      tf.tensor1d([0, 1, 2, 0], "int32") as never,
      {
        epochs: 2,
        batchSize: 4,
        verbose: 0,
      },
    );
    assert.ok((history.history.loss as number[]).every(Number.isFinite));
    assert.ok(tf.any(tf.notEqual(model.stateDict()["0.weight"]!, before)).dataSync()[0] === 1, "the conv trains");
  });
}

test("an argument after a convolution's options object is refused with the compiler's words, not dropped", () => {
  const call =
    (builder: unknown, ...args: unknown[]) =>
    () =>
      (builder as (...a: unknown[]) => unknown)(...args);
  for (const [run, layer] of [
    [call(nn.conv2d, 3, 8, 3, 1, 1, {}, 1), "conv2d(3, 8, 3, 1, 1)"],
    [call(nn.lazyConv1d, 8, 3, {}, 1), "lazyConv1d(8, 3)"],
    [call(nn.convTranspose2d, 8, 4, 3, 2, 1, 1, {}, 1), "convTranspose2d(8, 4, 3, 2, 1, 1)"],
  ] as const)
    assert.throws(run, (error: unknown) => {
      assert.ok(error instanceof ShapeError);
      assert.equal(error.message, `${layer}: the options object must be the last argument`);
      return true;
    });
});
