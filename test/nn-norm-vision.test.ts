// The normalization, vision and misc `nn` modules of issue 16 (batchNorm3d, syncBatchNorm, lazyBatchNorm1d/2d/3d,
// instanceNorm1d/2d/3d, lazyInstanceNorm1d/2d/3d, upsample, upsamplingNearest2d, upsamplingBilinear2d, rrelu,
// embeddingBag) against PyTorch 1.13 (test/fixtures/pytorch-nn-norm-vision.json, scripts/nn_norm_vision_fixtures.py):
// the runtime twins give PyTorch's output shape or refuse where PyTorch raises; the converted models compute
// PyTorch's outputs in eval mode with PyTorch's weights (stateDict/loadStateDict keys as PyTorch's state_dict) on
// wasm and cpu, and train.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {
  graph,
  input,
  nn,
  ops,
  sequential,
  ShapeError,
  type RuntimeShape,
  type Sequential,
  type Shape,
} from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { explainSequential } from "../src/explain/index.ts";
import { evaluate, extraModelCall, outcome, type ExtraFixtures } from "./pytorch/nn-extra-records.ts";

const fixtures = JSON.parse(
  readFileSync(new URL("./fixtures/pytorch-nn-norm-vision.json", import.meta.url), "utf8"),
) as ExtraFixtures & {
  interpolate: Record<string, { input: number[][]; options: Record<string, unknown>; output: number[][] }>;
  training: Record<string, ExtraFixtures["values"][string] & { after: Record<string, unknown> }>;
};

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

test("explain counts PyTorch's parameters (module.parameters(), buffers apart)", () => {
  for (const [name, fixture] of Object.entries(fixtures.values)) {
    const net = evaluate(fixture.model) as unknown as { inputShape: RuntimeShape; layers: readonly unknown[] };
    const explained = explainSequential(name, net.inputShape, net.layers);
    assert.equal(explained.params.total, (fixture as { params?: number }).params, `${name}: ${fixture.model}`);
  }
});

for (const backend of ["wasm", "cpu"] as const) {
  describe(`converted models compute PyTorch's outputs (${backend})`, () => {
    let overall = 0;
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
        overall = Math.max(overall, worst);
        t.diagnostic(`max |Δ| ${worst.toExponential(2)} (all so far ${overall.toExponential(2)})`);
      });
    }
  });

  describe(`ops.interpolate computes F.interpolate's outputs (${backend})`, () => {
    for (const [name, fixture] of Object.entries(fixtures.interpolate)) {
      test(name, async (t) => {
        assert.equal(await ready({ backend }), backend);
        const shape = tf.tensor(fixture.input).shape;
        const x = input(shape.slice(1) as never, { batch: shape[0]! });
        const model = build(graph({ inputs: [x], outputs: [ops.interpolate(x as never, fixture.options as never)] }));
        const out = model.predict(fixture.input as never) as unknown as tf.Tensor | tf.Tensor[];
        const y = Array.isArray(out) ? out[0]! : out;
        t.diagnostic(`max |Δ| ${maxDifference(y, tf.tensor(fixture.output), name).toExponential(2)}`);
      });
    }
  });

  describe(`a training step's output and running statistics are PyTorch's (${backend})`, () => {
    for (const [name, fixture] of Object.entries(fixtures.training)) {
      test(name, async (t) => {
        assert.equal(await ready({ backend }), backend);
        const model = build(evaluate(fixture.model) as unknown as Sequential<Shape, Shape>);
        model.loadStateDict(fixture.state as never);
        const y = model.tfjs.apply(tf.tensor(fixture.input as number[]), { training: true }) as tf.Tensor;
        let worst = maxDifference(y, tf.tensor(fixture.output as number[]), `${name}: output`);
        const after = model.stateDict();
        for (const [key, value] of Object.entries(fixture.after)) {
          worst = Math.max(worst, maxDifference(after[key]!, tf.tensor(value as number[]), `${name}: ${key}`));
        }
        t.diagnostic(`max |Δ| ${worst.toExponential(2)}`);
      });
    }
  });

  test(`a model with the new layers trains on ${backend}`, async () => {
    assert.equal(await ready({ backend }), backend);
    const net = sequential(
      input([3, 6, 6]),
      nn.lazyInstanceNorm2d(),
      nn.conv2d(3, 4, 3),
      nn.instanceNorm2d(4, { affine: true, trackRunningStats: true }),
      nn.rrelu(),
      nn.upsample({ scaleFactor: 2, mode: "bilinear" }),
      nn.syncBatchNorm(4),
      nn.upsamplingNearest2d({ size: [5, 5] }),
      nn.lazyBatchNorm2d(),
      nn.upsamplingBilinear2d({ scaleFactor: 1.5 }),
      nn.upsample({ size: [6, 6], mode: "bicubic" }),
      nn.conv2d(4, 2, 3),
      nn.flatten(),
      nn.linear(32, 6),
      nn.batchNorm1d(6),
      nn.linear(6, 3),
      nn.logSoftmax(1),
    );
    const model = build(net).compile({ optimizer: tf.train.sgd(0.05), loss: "nll" });
    const before = model.stateDict();
    const x = tf.randomNormal([8, 3, 6, 6]);
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], "int32");
    const history = await model.fit(x as never, y as never, { epochs: 2, batchSize: 8, verbose: 0 });
    const losses = history.history.loss as number[];
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    const after = model.stateDict();
    assert.deepEqual(Object.keys(after), Object.keys(before));
    for (const key of ["0.weight", "2.weight", "2.running_mean", "5.running_var"])
      assert.ok(tf.any(tf.notEqual(after[key]!, before[key]!)).dataSync()[0] === 1, `${key} changes in training`);
  });

  test(`embeddingBag and a 3-d batch norm train on ${backend}`, async () => {
    assert.equal(await ready({ backend }), backend);
    const bags = sequential(input([5]), nn.embeddingBag(10, 4, { mode: "max" }), nn.linear(4, 2), nn.logSoftmax(1));
    const model = build(bags).compile({ optimizer: tf.train.sgd(0.1), loss: "nll" });
    const before = model.stateDict()["0.weight"]!;
    const history = await model.fit(
      tf.tensor2d([
        [1, 2, 3, 4, 5],
        [5, 6, 7, 8, 9],
      ]) as never,
      tf.tensor1d([0, 1], "int32") as never,
      {
        epochs: 2,
        batchSize: 2,
        verbose: 0,
      },
    );
    assert.ok((history.history.loss as number[]).every(Number.isFinite));
    assert.ok(tf.any(tf.notEqual(model.stateDict()["0.weight"]!, before)).dataSync()[0] === 1, "the table trains");
    const volumes = sequential(
      input([2, 3, 4, 4]),
      nn.batchNorm3d(2),
      nn.upsample({ scaleFactor: [1, 2, 2], mode: "trilinear" }),
      nn.instanceNorm3d(2),
      nn.flatten(),
      nn.linear(384, 2),
      nn.logSoftmax(1),
    );
    const model3d = build(volumes).compile({ optimizer: tf.train.sgd(0.1), loss: "nll" });
    const fit = await model3d.fit(
      tf.randomNormal([4, 2, 3, 4, 4]) as never,
      tf.tensor1d([0, 1, 0, 1], "int32") as never,
      {
        epochs: 1,
        batchSize: 4,
        verbose: 0,
      },
    );
    assert.ok((fit.history.loss as number[]).every(Number.isFinite));
    assert.notEqual(model3d.stateDict()["0.num_batches_tracked"]!.dataSync()[0], 0, "num_batches_tracked counts");
  });
}
