// The `nn` modules of issue 16 (nested nn.sequential; relu6 … softmin) against PyTorch 1.13
// (test/fixtures/pytorch-nn-extra.json, scripts/nn_extra_fixtures.py): the runtime twins give PyTorch's
// output shape or refuse where PyTorch raises; the converted models compute PyTorch's outputs with
// PyTorch's weights (stateDict/loadStateDict keys as PyTorch's state_dict) on wasm and cpu, and train.
// Families: nested sequential, activations (relu6 … softmin), shuffle (pixelShuffle, pixelUnshuffle,
// channelShuffle), padding (zero/constant/reflection/replication 1d–3d), dropouts (dropout1d, dropout3d,
// alphaDropout, featureAlphaDropout; values in eval mode, where they are the identity), groupNorm,
// localResponseNorm.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential, ShapeError, type Sequential, type Shape } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { evaluate, extraModelCall, loadExtra, outcome } from "./pytorch/nn-extra-records.ts";

const fixtures = loadExtra();

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
      input([3, 6, 6]),
      nn.sequential(nn.conv2d(3, 4, 3), nn.prelu(4), nn.hardswish()),
      nn.groupNorm(2, 4),
      nn.localResponseNorm(2),
      nn.glu(1),
      nn.pixelUnshuffle(2),
      nn.channelShuffle(2),
      nn.pixelShuffle(2),
      nn.reflectionPad2d(1),
      nn.conv2d(2, 2, 3),
      nn.replicationPad2d([1, 1, 0, 2]),
      nn.constantPad2d([0, 0, 1, 0], 0.5),
      nn.conv2d(2, 2, 3),
      nn.elu(0.5),
      nn.softplus(2, 5),
      nn.flatten(),
      nn.linear(40, 6),
      nn.silu(),
      nn.alphaDropout(0.1),
      nn.featureAlphaDropout(0.1),
      nn.dropout1d(0.1),
      nn.celu(1.5),
      nn.hardtanh(-2, 2),
      nn.linear(6, 3),
      nn.logSoftmax(1),
    );
    const model = build(net).compile({ optimizer: tf.train.sgd(0.1), loss: "nll" });
    const before = model.stateDict();
    const x = tf.randomNormal([8, 3, 6, 6]);
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], "int32");
    const history = await model.fit(x as never, y as never, { epochs: 2, batchSize: 8, verbose: 0 });
    const losses = history.history.loss as number[];
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    const after = model.stateDict();
    assert.ok(
      tf.any(tf.notEqual(after["0.1.weight"]!, before["0.1.weight"]!)).dataSync()[0] === 1,
      "prelu's weight trains",
    );
    assert.deepEqual(Object.keys(after), Object.keys(before));
    assert.ok(Object.keys(after).includes("0.0.weight"), "nested keys as PyTorch's: 0.0.weight");
  });
}

test("nested sequential: messages name the block and the layer", () => {
  assert.throws(
    () => sequential(input([4]), nn.linear(4, 8), nn.sequential(nn.relu(), nn.linear(7, 2)) as never),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message.startsWith(
        "sequential(2 layers), layer 1: linear(7, 2): inFeatures must equal the last input dimension 8",
      ),
  );
  assert.deepEqual(sequential(input([4]), nn.sequential()).outputShape, [null, 4]);
  assert.deepEqual(
    sequential(input([3, null, null]), nn.sequential(nn.conv2d(3, 8, 3, 1, 1), nn.relu6())).outputShape,
    [null, 8, null, null],
  );
});
