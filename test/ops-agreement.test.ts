// ops agree with PyTorch 1.13 (test/fixtures/ops-torch.json, from scripts/ops_fixtures.py): the runtime
// rule gives PyTorch's shape or refuses (ShapeError) where PyTorch refuses, and the TensorFlow.js
// implementation gives PyTorch's values within 1e-4. The type-level half: test/ops-agreement-types.test.ts.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { ShapeError } from "../src/index.ts";
import { ready } from "../src/tfjs.ts";
import type { SymbolicTensor } from "../src/model/symbolic.ts";
import { opImplementations } from "../src/ops/ops.tfjs.ts";
import type { OpName } from "../src/ops/rules.ts";
import { callOp, opCases } from "./pytorch/ops-cases.ts";

before(async () => {
  await ready({ backend: "cpu" });
});

const cases = opCases();

function close(actual: ArrayLike<number>, expected: readonly (number | null)[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const [a, b] = [actual[i]!, expected[i] ?? NaN]; // null: PyTorch's NaN (the std of one value)
    assert.ok(
      Math.abs(a - b) <= 1e-4 + 1e-4 * Math.abs(b) ||
        (Number.isNaN(a) && Number.isNaN(b)) ||
        (Math.abs(b) >= 1e38 && !Number.isFinite(a)),
      `${what}: element ${i} is ${a}, PyTorch's ${b}`,
    );
  }
}

/** The tfjs implementation of the op behind a symbolic tensor, on the case's values. */
function run(t: SymbolicTensor, xs: tf.Tensor[], shape: readonly number[]): tf.Tensor {
  const node = t.node;
  if (node.op === "cat") return tf.concat(xs, node.dim);
  assert.equal(node.op, "fn");
  if (node.op !== "fn") throw new Error("not an op");
  return opImplementations[node.fn as OpName](xs, [...node.args], [...shape]);
}

for (const op of [...new Set(cases.map((c) => c.op))]) {
  test(`ops.${op}: PyTorch's shapes, refusals and values (${cases.filter((c) => c.op === op).length} cases)`, () => {
    for (const c of cases.filter((one) => one.op === op)) {
      const what = `${op}(${JSON.stringify(c.inputs)}, ${JSON.stringify(c.args)})`;
      if (c.error !== undefined) {
        assert.throws(() => callOp(c), ShapeError, `${what}: PyTorch refuses (${c.error})`);
        continue;
      }
      const result = callOp(c);
      const outputs = (Array.isArray(result) ? result : [result]) as SymbolicTensor[];
      const expected = c.outputs ?? [c.output!];
      assert.deepEqual(
        outputs.map((t) => t.shape),
        expected,
        `${what}: shape`,
      );
      const xs = c.x!.map((values, i) => tf.tensor(values, c.inputs[i]));
      outputs.forEach((t, i) => {
        const y = run(t, xs, expected[i]!);
        assert.deepEqual(y.shape, expected[i], `${what}: tfjs shape`);
        close(y.dataSync() as Float32Array, (c.ys ?? [c.y!])[i]!, what);
      });
    }
  });
}
