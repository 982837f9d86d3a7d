// The states of torch.nn's recurrent layers (issue 17) against PyTorch 1.13 (test/fixtures/pytorch-nn-recurrent.json,
// scripts/nn_recurrent_fixtures.py): calls with and without initial states (`lstm.call(x, [hx, cx])`) give
// PyTorch's output shapes or refuse where PyTorch raises ("calls", ≥ 200 accepted per module); shapecheck's tfjs
// layers for them (RecurrentStack: `out, (h, c) = lstm(x, (h0, c0))`; RecurrentCell: `h, c = cell(x, (h, c))`)
// and whole converted graphs compute PyTorch's outputs and final states with PyTorch's weights ("stateValues"),
// from given initial states or zeros, on wasm and cpu.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { graph, input, nn, ShapeError, type Symbolic, type Shape } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { callOutcome, callText, type CallRecord } from "./pytorch/nn-recurrent-calls.ts";
import type { RecurrentConfig } from "../src/families/recurrent/recurrent.nn.ts";
import type { RecurrentCellConfig } from "../src/families/recurrent/rnn-cell.nn.ts";
import { RecurrentStack } from "../src/families/recurrent/recurrent-stack.tfjs-layer.ts";
import { RecurrentCellLayer } from "../src/families/recurrent/rnn-cell.tfjs-layer.ts";

interface StateValue {
  readonly layer: string;
  readonly state: Record<string, number[]>;
  readonly inputs: number[][];
  readonly outputs: number[][];
}
const fixtures = JSON.parse(readFileSync(new URL("fixtures/pytorch-nn-recurrent.json", import.meta.url), "utf8")) as {
  calls: Record<string, CallRecord[]>;
  stateValues: Record<string, StateValue>;
};

describe("calls with states: the runtime twins agree with PyTorch 1.13", () => {
  for (const [family, records] of Object.entries(fixtures.calls)) {
    test(family, (t) => {
      const failures: string[] = [];
      let [valid, invalid] = [0, 0];
      for (const record of records) {
        const text = callText(record);
        const result = callOutcome(text);
        if (record.outputs) {
          valid += 1;
          if (result instanceof ShapeError)
            failures.push(
              `${text}: PyTorch gives ${JSON.stringify(record.outputs)}, the runtime throws "${result.message}"`,
            );
          else if (JSON.stringify(result) !== JSON.stringify(record.outputs))
            failures.push(
              `${text}: PyTorch gives ${JSON.stringify(record.outputs)}, the runtime ${JSON.stringify(result)}`,
            );
        } else {
          invalid += 1;
          if (!(result instanceof ShapeError))
            failures.push(`${text}: PyTorch raises "${record.error}", the runtime gives ${JSON.stringify(result)}`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} disagreements:\n${failures.slice(0, 20).join("\n")}`);
      assert.ok(valid >= 200, `${family}: ${valid} valid records`);
      t.diagnostic(`${family}: ${valid} accepted and ${invalid} refused calls agree`);
    });
  }
});

/** A tensor of this shape as a graph input (its first dimension given as the batch). */
const inputOf = (shape: readonly number[]) => input(shape.slice(1) as never, { batch: shape[0]! }) as Symbolic<Shape>;

/** The graph of a state value case: its inputs x (and the states), its outputs flattened as PyTorch's. */
function graphOf(fixture: StateValue) {
  const layer = new Function("nn", `return ${fixture.layer};`)(nn) as {
    call(input: unknown, state?: unknown): unknown;
  };
  const inputs = fixture.inputs.map((value) => inputOf(tf.tensor(value).shape));
  const state = inputs.length === 1 ? undefined : inputs.length === 2 ? inputs[1] : inputs.slice(1);
  const outputs = [layer.call(inputs[0], state)].flat(2) as Symbolic<Shape>[];
  return graph({ inputs, outputs });
}

let count = 0;
/** The tfjs layer of a layer called on symbolic tensors with `given` inputs. */
function tfjsLayer(config: RecurrentConfig | RecurrentCellConfig, given: number): tfl.layers.Layer {
  if (config.kind === "rnnCell" || config.kind === "lstmCell" || config.kind === "gruCell")
    return new RecurrentCellLayer({
      kind: config.kind,
      inputSize: config.inputSize,
      hiddenSize: config.hiddenSize,
      useBias: config.bias,
      nonlinearity: config.nonlinearity ?? "tanh",
      inputs: ["input", "hx", "cx"].slice(0, given),
      returnCell: config.kind === "lstmCell",
      name: `cell${(count += 1)}`,
    });
  const stack = config as RecurrentConfig;
  return new RecurrentStack({
    kind: stack.kind,
    inputSize: stack.inputSize,
    hiddenSize: stack.hiddenSize,
    numLayers: stack.numLayers,
    bidirectional: stack.bidirectional,
    useBias: stack.bias,
    projSize: stack.projSize ?? 0,
    nonlinearity: stack.nonlinearity ?? "tanh",
    dropout: stack.dropout,
    inputs: ["input", "hx", "cx"].slice(0, given),
    name: `stack${(count += 1)}`,
  });
}

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
  describe(`the layers with states compute PyTorch's outputs and states (${backend})`, () => {
    for (const [name, fixture] of Object.entries(fixtures.stateValues)) {
      test(name, async (t) => {
        assert.equal(await ready({ backend }), backend);
        const config = new Function("nn", `return ${fixture.layer};`)(nn) as RecurrentConfig | RecurrentCellConfig;
        const layer = tfjsLayer(config, fixture.inputs.length);
        const inputs = fixture.inputs.map((value) => tf.tensor(value));
        layer.apply(inputs.length === 1 ? inputs[0]! : inputs); // builds the weights
        const names = layer.weights.map((w) => w.originalName.split("/").at(-1)!);
        assert.deepEqual(names, Object.keys(fixture.state), "weights in PyTorch's state_dict order and names");
        layer.weights.forEach((w, i) => w.write(tf.tensor(fixture.state[names[i]!]!)));
        const outputs = [layer.apply(inputs.length === 1 ? inputs[0]! : inputs)].flat() as tf.Tensor[];
        assert.equal(outputs.length, fixture.outputs.length, "outputs");
        const worst = Math.max(
          ...outputs.map((y, i) => maxDifference(y, tf.tensor(fixture.outputs[i]!), `${name} output ${i}`)),
        );
        t.diagnostic(`max |Δ| ${worst.toExponential(2)} over ${outputs.length} outputs`);
      });
    }
  });

  describe(`converted graphs with states compute PyTorch's outputs and states (${backend})`, () => {
    for (const [name, fixture] of Object.entries(fixtures.stateValues)) {
      test(name, async (t) => {
        assert.equal(await ready({ backend }), backend);
        const model = build(graphOf(fixture) as never) as unknown as {
          loadStateDict(state: unknown): void;
          stateDict(): Record<string, unknown>;
          tfjs: { execute(x: tf.Tensor[], outputs: string[]): tf.Tensor | tf.Tensor[]; outputs: { name: string }[] };
        };
        const state = Object.fromEntries(Object.entries(fixture.state).map(([key, value]) => [`0.0.${key}`, value]));
        model.loadStateDict(state);
        assert.deepEqual(Object.keys(model.stateDict()), Object.keys(state), "state_dict keys as PyTorch's");
        // execute: a state's first dimension is not the batch (predict would slice it as one)
        const got = model.tfjs.execute(
          fixture.inputs.map((value) => tf.tensor(value)),
          model.tfjs.outputs.map((o) => o.name),
        );
        const outputs = [got].flat();
        assert.equal(outputs.length, fixture.outputs.length, "outputs");
        const worst = Math.max(
          ...outputs.map((y, i) => maxDifference(y, tf.tensor(fixture.outputs[i]!), `${name} output ${i}`)),
        );
        t.diagnostic(`max |Δ| ${worst.toExponential(2)} over ${outputs.length} outputs`);
      });
    }
  });
}

for (const backend of ["wasm", "cpu"] as const) {
  test(`a seq2seq graph (encoder's final state into the decoder) trains on ${backend}`, async () => {
    assert.equal(await ready({ backend }), backend);
    const src = input([6, 5]);
    const tgt = input([4, 3]);
    const [, [h, c]] = nn.lstm(5, 8, 2, { dropout: 0.1 }).call(src);
    const [decoded] = nn.lstm(3, 8, 2).call(tgt, [h, c]);
    const logits = decoded.pipe(nn.linear(8, 2));
    const net = graph({ inputs: [src, tgt], outputs: [logits] });
    const model = build(net).compile({ optimizer: "adam", learningRate: 0.01, loss: "meanSquaredError" });
    const before = model.stateDict() as Record<string, tf.Tensor>;
    const history = await model.fit(
      [tf.randomNormal([8, 6, 5]), tf.randomNormal([8, 4, 3])] as never,
      tf.randomNormal([8, 4, 2]) as never,
      {
        epochs: 2,
        batchSize: 4,
        verbose: 0,
      },
    );
    const losses = (history as { history: { loss: number[] } }).history.loss;
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    const after = model.stateDict() as Record<string, tf.Tensor>;
    for (const key of ["0.0.weight_ih_l0", "0.0.weight_hh_l1", "1.0.bias_hh_l1", "2.0.weight"])
      assert.ok(tf.any(tf.notEqual(after[key]!, before[key]!)).dataSync()[0] === 1, `${key} trains`);
  });
}

for (const backend of ["wasm", "cpu"] as const) {
  test(`gru, rnn and the cells with states train on ${backend}`, async () => {
    assert.equal(await ready({ backend }), backend);
    const x = input([5, 3]);
    const [, hGru] = nn.gru(3, 4, { bidirectional: true }).call(x);
    const [out] = nn.rnn(3, 4, 2, { nonlinearity: "relu" }).call(x, hGru);
    const last = out.pipe(nn.flatten(), nn.linear(20, 4));
    const [h, c] = nn.lstmCell(4, 4).call(last, [last, last]);
    const step = nn.gruCell(4, 4).call(h, c);
    const y = nn.rnnCell(4, 2).call(step);
    const model = build(graph({ inputs: [x], outputs: [y] })).compile({
      optimizer: "adam",
      learningRate: 0.01,
      loss: "meanSquaredError",
    });
    const before = model.stateDict() as Record<string, tf.Tensor>;
    const history = await model.fit(tf.randomNormal([8, 5, 3]) as never, tf.randomNormal([8, 2]) as never, {
      epochs: 2,
      batchSize: 4,
      verbose: 0,
    });
    assert.ok((history as { history: { loss: number[] } }).history.loss.every(Number.isFinite));
    const after = model.stateDict() as Record<string, tf.Tensor>;
    const changed = Object.keys(before).filter(
      (key) => tf.any(tf.notEqual(after[key]!, before[key]!)).dataSync()[0] === 1,
    );
    // rnnCell(4, 2) is called without a state: from zeros, its weight_hh gets no gradient (as in PyTorch)
    const trainable = Object.keys(before).filter((key) => key !== "5.0.weight_hh");
    assert.deepEqual(changed, trainable, "every other parameter trains");
  });
}
