// Layers called on several symbolic tensors (src/model/call.ts) and the Transformer modules, against
// PyTorch 1.13 (test/fixtures/pytorch-transformer.json, scripts/transformer_fixtures.py): converted
// graphs compute PyTorch's outputs on PyTorch's weights (eval mode), state_dict keys as PyTorch's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, nn, ShapeError, type Symbolic, type Shape } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";

interface ValueCase {
  readonly build: Record<string, unknown>;
  readonly state: Record<string, unknown>;
  readonly inputs: unknown[];
  readonly outputs: unknown[];
}
const fixtures = JSON.parse(readFileSync(new URL("./fixtures/pytorch-transformer.json", import.meta.url), "utf8")) as {
  values: Record<string, ValueCase>;
};

type AnySymbolic = Symbolic<Shape>;
const sym = (t: unknown) => t as AnySymbolic;

/** The graph of a value case, its inputs in the order of the fixture's. */
function graphOf(spec: Record<string, unknown>) {
  const n = (key: string) => spec[key] as number;
  if (spec["kind"] === "mha") {
    const e = n("e");
    const mha = nn.multiheadAttention(e, n("h"), {
      bias: spec["bias"] as boolean,
      ...(spec["kdim"] ? { kdim: n("kdim") } : {}),
      ...(spec["vdim"] ? { vdim: n("vdim") } : {}),
    }) as unknown as { call(...args: unknown[]): unknown[] };
    const q = input([n("l"), e]);
    const k = input([n("s"), n("kdim") || e]);
    const v = input([n("s"), n("vdim") || e]);
    const inputs: AnySymbolic[] = [q, k, v];
    const options: Record<string, unknown> = { averageAttnWeights: spec["average"] };
    if (spec["padding"]) inputs.push((options["keyPaddingMask"] = input([n("s")])) as AnySymbolic);
    if (spec["attn"] === "2d") inputs.push((options["attnMask"] = input([n("s")], { batch: n("l") })) as AnySymbolic);
    if (spec["attn"] === "3d")
      inputs.push((options["attnMask"] = input([n("l"), n("s")], { batch: 2 * n("h") })) as AnySymbolic);
    const outputs = mha.call(q, k, v, options).map(sym);
    return graph({ inputs, outputs });
  }
  throw new Error(`unknown case kind ${String(spec["kind"])}`);
}

/** The largest |a − b|; fails past 1e-4 + 1e-4·|b|. */
function maxDifference(actual: tf.Tensor, expected: tf.Tensor, what: string): number {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const a = actual.dataSync();
  const b = expected.dataSync();
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = Math.abs(a[i]! - b[i]!);
    if (Number.isNaN(a[i]!) && Number.isNaN(b[i]!)) continue;
    worst = Math.max(worst, difference);
    assert.ok(difference <= 1e-4 + 1e-4 * Math.abs(b[i]!), `${what}: element ${i} is ${a[i]}, PyTorch's ${b[i]}`);
  }
  return worst;
}

for (const backend of ["wasm", "cpu"] as const) {
  describe(`converted graphs compute PyTorch's outputs (${backend})`, () => {
    for (const [name, fixture] of Object.entries(fixtures.values)) {
      test(name, async (t) => {
        assert.equal(await ready({ backend }), backend);
        const model = build(graphOf(fixture.build) as never) as unknown as {
          loadStateDict(state: unknown): void;
          stateDict(): Record<string, unknown>;
          tfjs: {
            execute(x: tf.Tensor | tf.Tensor[], outputs: string[]): tf.Tensor | tf.Tensor[];
            outputs: { name: string }[];
          };
        };
        model.loadStateDict(fixture.state);
        assert.deepEqual(Object.keys(model.stateDict()).sort(), Object.keys(fixture.state).sort(), "state_dict keys");
        // execute: an attnMask input's first dimension is not the batch (predict would slice it as one)
        const xs = fixture.inputs.map((x) => tf.tensor(x as number[]));
        const got = model.tfjs.execute(
          xs.length === 1 ? xs[0]! : xs,
          model.tfjs.outputs.map((o) => o.name),
        );
        const outputs = Array.isArray(got) ? got : [got];
        let worst = 0;
        fixture.outputs.forEach((expected, i) => {
          worst = Math.max(worst, maxDifference(outputs[i]!, tf.tensor(expected as number[]), `${name}, output ${i}`));
        });
        t.diagnostic(`max |Δ| ${worst.toExponential(2)}`);
      });
    }
  });
}

describe("calls on several symbolic tensors", () => {
  test("one error on the offending argument, then unknown shapes", () => {
    const mha = nn.multiheadAttention(8, 2) as unknown as { call(...args: unknown[]): AnySymbolic[] };
    const q = input([3, 8]);
    assert.throws(
      () => mha.call(q, input([5, 4]), input([5, 8])),
      new ShapeError("multiheadAttention(8, 2): key [number, 5, 4]: its last dimension 4 must equal kdim 8"),
    );
    assert.throws(
      () => mha.call(q, input([5, 8]), input([6, 8])),
      new ShapeError("multiheadAttention(8, 2): value [number, 6, 8]: its S 6 must equal key's S 5"),
    );
    assert.throws(
      () => mha.call(q, input([5, 8]), input([5, 8]), { keyPaddingMask: input([4]) }),
      new ShapeError("multiheadAttention(8, 2): keyPaddingMask [number, 4]: its S 4 must equal key's S 5"),
    );
    assert.throws(
      () => mha.call(q, input([5, 8]), input([5, 8]), { attnMask: input([5], { batch: 4 }) }),
      new ShapeError("multiheadAttention(8, 2): attnMask [4, 5]: its L 4 must equal query's L 3"),
    );
  });
});
