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
/** A shape record: the TypeScript call, and PyTorch's output shapes or its refusal. */
export interface ShapeRecord {
  readonly call: string;
  readonly outputs?: (number[] | null)[];
  readonly error?: string;
}
const fixtures = JSON.parse(readFileSync(new URL("./fixtures/pytorch-transformer.json", import.meta.url), "utf8")) as {
  values: Record<string, ValueCase>;
  shapes: Record<string, ShapeRecord[]>;
};

/** Runs a record's call: its output shapes (null where PyTorch gives None), or the ShapeError. */
function outcome(call: string): (readonly unknown[] | null)[] | ShapeError {
  try {
    const result = new Function("nn", "input", `return ${call};`)(nn, input) as unknown;
    const outputs = Array.isArray(result) ? result : [result];
    return outputs.map((t) => (t === null ? null : (t as AnySymbolic).shape));
  } catch (error) {
    if (error instanceof ShapeError) return error;
    throw error;
  }
}

describe("runtime twins agree with PyTorch 1.13 on random configurations", () => {
  for (const [family, records] of Object.entries(fixtures.shapes)) {
    test(family, (t) => {
      const failures: string[] = [];
      let [valid, invalid] = [0, 0];
      for (const record of records) {
        const result = outcome(record.call);
        if (record.outputs) {
          valid += 1;
          if (result instanceof ShapeError)
            failures.push(
              `${record.call}: PyTorch gives ${JSON.stringify(record.outputs)}, the runtime throws "${result.message}"`,
            );
          else if (JSON.stringify(result) !== JSON.stringify(record.outputs))
            failures.push(
              `${record.call}: PyTorch gives ${JSON.stringify(record.outputs)}, the runtime ${JSON.stringify(result)}`,
            );
        } else {
          invalid += 1;
          if (!(result instanceof ShapeError))
            failures.push(
              `${record.call}: PyTorch raises "${record.error}", the runtime gives ${JSON.stringify(result)}`,
            );
        }
      }
      assert.deepEqual(failures, [], `${failures.length} disagreements:\n${failures.slice(0, 15).join("\n")}`);
      assert.ok(valid + invalid >= 200, `${family}: ${valid + invalid} records`);
      t.diagnostic(`${family}: ${valid} accepted and ${invalid} refused configurations agree`);
    });
  }
});

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
  // a Transformer module: its inputs (src / tgt / memory, then masks) by name, as the fixture lists them
  const names = spec["names"] as string[];
  const settings = {
    dimFeedforward: n("dimFeedforward"),
    activation: spec["activation"] as "relu",
    normFirst: spec["normFirst"] as boolean,
    dropout: 0,
  };
  const inputs = (spec["shapes"] as number[][]).map(
    (shape) => input(shape.slice(1), { batch: shape[0]! }) as AnySymbolic,
  );
  const byName = Object.fromEntries(names.map((name, i) => [name, inputs[i]]));
  const masks = Object.fromEntries(names.filter((name) => name.endsWith("Mask")).map((name) => [name, byName[name]]));
  const callable = (layer: unknown) => layer as { call(...args: unknown[]): AnySymbolic };
  let output: AnySymbolic;
  if (spec["kind"] === "transformerEncoderLayer")
    output = callable(nn.transformerEncoderLayer(n("dModel"), n("nhead"), settings)).call(byName["src"], masks);
  else if (spec["kind"] === "transformerEncoder")
    output = callable(
      nn.transformerEncoder(nn.transformerEncoderLayer(n("dModel"), n("nhead"), settings), n("numLayers"), {
        norm: nn.layerNorm(n("dModel"), { eps: n("normEps") }),
      }),
    ).call(byName["src"], masks);
  else if (spec["kind"] === "transformerDecoderLayer")
    output = callable(nn.transformerDecoderLayer(n("dModel"), n("nhead"), settings)).call(
      byName["tgt"],
      byName["memory"],
      masks,
    );
  else if (spec["kind"] === "transformerDecoder")
    output = callable(
      nn.transformerDecoder(nn.transformerDecoderLayer(n("dModel"), n("nhead"), settings), n("numLayers"), {
        norm: nn.layerNorm(n("dModel"), { eps: n("normEps") }),
      }),
    ).call(byName["tgt"], byName["memory"], masks);
  else if (spec["kind"] === "transformer")
    output = callable(
      nn.transformer({
        dModel: n("dModel"),
        nhead: n("nhead"),
        numEncoderLayers: n("numEncoderLayers"),
        numDecoderLayers: n("numDecoderLayers"),
        ...settings,
      }),
    ).call(byName["src"], byName["tgt"], masks);
  else throw new Error(`unknown case kind ${String(spec["kind"])}`);
  return graph({ inputs, outputs: [output] });
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
        const spec = { ...fixture.build, shapes: fixture.inputs.map((x) => tf.tensor(x as number[]).shape) };
        const model = build(graphOf(spec) as never) as unknown as {
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
