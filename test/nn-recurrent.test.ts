// torch.nn's recurrent section (rnn, rnnCell, lstmCell, gruCell; issue 16) against PyTorch 1.13
// (test/fixtures/pytorch-nn-recurrent.json, scripts/nn_recurrent_fixtures.py): the runtime twins give PyTorch's
// output shape or refuse where PyTorch raises; the converted models compute PyTorch's outputs with PyTorch's
// weights (state_dict keys as PyTorch's: weight_ih_l0 …, a cell's weight_ih …) on wasm and cpu, and train.
// Not in the fixtures (refused here by design, PyTorch accepts them): unbatched inputs, sizes of 0.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential, ShapeError, type Sequential, type Shape } from "../src/index.ts";
import { explainSequential } from "../src/explain/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { evaluate, extraModelCall, outcome, type ExtraFixtures } from "./pytorch/nn-extra-records.ts";

const fixtures = JSON.parse(
  readFileSync(new URL("fixtures/pytorch-nn-recurrent.json", import.meta.url), "utf8"),
) as ExtraFixtures;

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

  test(`a model with rnn and the cells trains on ${backend}`, async () => {
    assert.equal(await ready({ backend }), backend);
    const net = sequential(
      input([5, 4]),
      nn.rnn(4, 6, { numLayers: 2, bidirectional: true, nonlinearity: "relu", dropout: 0.1 }),
      nn.flatten(),
      nn.lstmCell(60, 8),
      nn.gruCell(8, 6),
      nn.rnnCell(6, 5),
      nn.linear(5, 3),
      nn.logSoftmax(1),
    );
    const model = build(net).compile({ optimizer: tf.train.sgd(0.1), loss: "nll" });
    const before = model.stateDict();
    const x = tf.randomNormal([8, 5, 4]);
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], "int32");
    const history = await model.fit(x as never, y as never, { epochs: 2, batchSize: 8, verbose: 0 });
    const losses = history.history.loss as number[];
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    const after = model.stateDict();
    // a cell without a state starts from zeros: its weight_hh gets no gradient (as in PyTorch), its biases do
    for (const key of ["0.weight_ih_l0", "0.weight_hh_l1_reverse", "2.weight_ih", "3.bias_hh", "4.weight_ih"])
      assert.ok(tf.any(tf.notEqual(after[key]!, before[key]!)).dataSync()[0] === 1, `${key} trains`);
  });
}

test("explain: PyTorch's parameter counts", () => {
  const counts = (net: { inputShape: readonly unknown[]; layers: readonly unknown[] }) =>
    explainSequential("net", net.inputShape as never, net.layers).layers.map((row) => row.params);
  // PyTorch: sum(p.numel() for p in m.parameters())
  assert.deepEqual(
    counts(
      sequential(
        input([5, 10]),
        nn.rnn(10, 20, { numLayers: 2, bidirectional: true }),
        nn.flatten(),
        nn.lstmCell(200, 16),
        nn.gruCell(16, 8, false),
        nn.rnnCell(8, 4, true, "relu"),
      ),
    ),
    [3760, 0, 13952, 576, 56],
  );
});
