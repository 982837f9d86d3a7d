// ops.pad agrees with PyTorch 1.13's F.pad (test/fixtures/ops-pad-torch.json, from scripts/pad_fixtures.py):
// the runtime rule gives PyTorch's shape or refuses (ShapeError) where PyTorch refuses — and where PyTorch's
// values come from memory it never wrote ("undefined"); the TensorFlow.js implementation gives PyTorch's values
// and gradients (d sum(y·w) / dx) within 1e-4. The type-level half: test/ops-pad-types.test.ts.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { ShapeError, input, ops } from "../src/index.ts";
import { ready } from "../src/tfjs.ts";
import type { SymbolicTensor } from "../src/model/symbolic.ts";
import { padTensor } from "../src/ops/pad.tfjs.ts";
import { padCases, padOptions, type PadCase } from "./pytorch/pad-cases.ts";

const call = (c: PadCase, i: number): SymbolicTensor => {
  const shape = c.inputs[0]!;
  const x = input(shape.slice(1), { batch: shape[0]! });
  const pad = ops.pad as unknown as (x: unknown, pad: readonly number[], options?: unknown) => SymbolicTensor;
  return pad(x, c.pad, padOptions(c, i));
};

function close(actual: ArrayLike<number>, expected: readonly number[], what: string): number {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i]! - expected[i]!);
    worst = Math.max(worst, diff);
    assert.ok(diff <= 1e-4, `${what}: element ${i} is ${actual[i]}, PyTorch's ${expected[i]}`);
  }
  return worst;
}

const cases = padCases();

before(async () => {
  await ready({ backend: "cpu" });
});

test(`ops.pad: PyTorch 1.13's shapes and refusals (${cases.length} cases, ${cases.filter((c) => c.error).length} refused)`, () => {
  const counts = { accepted: 0, refused: 0, undefinedRefused: 0 };
  cases.forEach((c, i) => {
    const what = `pad(${JSON.stringify(c.inputs[0])}, ${JSON.stringify(c.pad)}, ${c.mode}, ${c.value})`;
    if (c.error !== undefined || c.undefined) {
      assert.throws(
        () => call(c, i),
        ShapeError,
        `${what}: PyTorch ${c.error ? `refuses (${c.error})` : "reads memory it never wrote"}`,
      );
      counts[c.error ? "refused" : "undefinedRefused"]++;
      return;
    }
    assert.deepEqual(call(c, i).shape, c.output, `${what}: shape`);
    counts.accepted++;
  });
  assert.ok(counts.accepted >= 200 && counts.refused >= 100, JSON.stringify(counts));
});

test("ops.pad: TensorFlow.js values and gradients within 1e-4 of PyTorch's, each mode", () => {
  const sampled = cases.filter((c) => c.y !== undefined);
  const worst = { value: 0, gradient: 0 };
  for (const mode of ["constant", "reflect", "replicate", "circular"] as const)
    assert.ok(sampled.filter((c) => c.mode === mode).length >= 30, `${mode}: at least 30 cases with values`);
  for (const c of sampled) {
    const what = `pad(${JSON.stringify(c.inputs[0])}, ${JSON.stringify(c.pad)}, ${c.mode}, ${c.value})`;
    const x = tf.tensor(c.x!, c.inputs[0]);
    const w = tf.tensor(c.w!, c.output);
    const f = (t: tf.Tensor) => tf.sum(tf.mul(padTensor(t, c.pad, c.mode, c.value ?? 0), w));
    const y = padTensor(x, c.pad, c.mode, c.value ?? 0);
    assert.deepEqual(y.shape, c.output, `${what}: tfjs shape`);
    worst.value = Math.max(worst.value, close(y.dataSync(), c.y!, `${what}: value`));
    worst.gradient = Math.max(worst.gradient, close(tf.grad(f)(x).dataSync(), c.grad!, `${what}: gradient`));
    tf.dispose([x, w, y]);
  }
  assert.ok(sampled.length >= 120, `${sampled.length} cases with values`);
  console.log(`ops.pad: ${sampled.length} cases, max |Δ| value ${worst.value}, gradient ${worst.gradient}`);
});
