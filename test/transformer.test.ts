// Layers called on several symbolic tensors (src/model/call.ts) and the Transformer modules, against
// PyTorch 1.13 (test/fixtures/pytorch-transformer.json, scripts/transformer_fixtures.py): converted
// graphs compute PyTorch's outputs on PyTorch's weights (eval mode), state_dict keys as PyTorch's.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, nn, ops, ShapeError, type Symbolic, type Shape } from "../src/index.ts";
import { build, load, ready } from "../src/tfjs.ts";
import { explainGraph } from "../src/explain/explain.ts";
import { toPyTorch } from "../src/pytorch.ts";
import { transformerBlock } from "../examples/transformer-block.ts";

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

/** The shape of nested arrays. */
const nestedShape = (value: unknown): number[] =>
  Array.isArray(value) ? [value.length, ...nestedShape(value[0])] : [];
/** PyTorch's parameter count from a fixture's state_dict. */
const numel = (value: unknown): number => (Array.isArray(value) ? value.reduce((n: number, v) => n + numel(v), 0) : 1);

describe("explain counts PyTorch's parameters", () => {
  for (const [name, fixture] of Object.entries(fixtures.values)) {
    test(name, () => {
      const spec = { ...fixture.build, shapes: fixture.inputs.map(nestedShape) };
      const explained = explainGraph("net", graphOf(spec) as never);
      const pytorch = Object.values(fixture.state).reduce((n: number, value) => n + numel(value), 0);
      assert.deepEqual(explained.params, { total: pytorch, complete: true });
    });
  }
});

describe("issue 18: the hand-written block equals nn.transformerEncoderLayer on the same weights", () => {
  for (const backend of ["wasm", "cpu"] as const) {
    test(backend, async (t) => {
      assert.equal(await ready({ backend }), backend);
      const x = input(["seq", 64], { batch: "batch" });
      const layer = build(
        graph({ inputs: [x], outputs: [x.pipe(nn.transformerEncoderLayer(64, 4, { dimFeedforward: 256 }))] }),
      );
      const block = build(transformerBlock);
      const state = layer.stateDict() as Record<string, tf.Tensor>;
      const w = (key: string) => state[`0.0.${key}`]!;
      const rows = (key: string, i: number) => tf.slice(w(`self_attn.${key}`), i * 64, 64);
      // the block's pipes in the order they ran: q, k, v projections, out_proj, norm1, the MLP, norm2
      block.loadStateDict({
        "0.0.weight": rows("in_proj_weight", 0),
        "0.0.bias": rows("in_proj_bias", 0),
        "1.0.weight": rows("in_proj_weight", 1),
        "1.0.bias": rows("in_proj_bias", 1),
        "2.0.weight": rows("in_proj_weight", 2),
        "2.0.bias": rows("in_proj_bias", 2),
        "3.0.weight": w("self_attn.out_proj.weight"),
        "3.0.bias": w("self_attn.out_proj.bias"),
        "4.0.weight": tf.randomUniform([64], 0.5, 1.5), // norms with weights other than 1 and 0, on both models
        "4.0.bias": tf.randomUniform([64], -0.5, 0.5),
        "5.0.weight": w("linear1.weight"),
        "5.0.bias": w("linear1.bias"),
        "5.2.weight": w("linear2.weight"),
        "5.2.bias": w("linear2.bias"),
        "6.0.weight": tf.randomUniform([64], 0.5, 1.5),
        "6.0.bias": tf.randomUniform([64], -0.5, 0.5),
      } as never);
      const blockState = block.stateDict() as Record<string, tf.Tensor>;
      layer.loadStateDict({
        ...state,
        "0.0.norm1.weight": blockState["4.0.weight"],
        "0.0.norm1.bias": blockState["4.0.bias"],
        "0.0.norm2.weight": blockState["6.0.weight"],
        "0.0.norm2.bias": blockState["6.0.bias"],
      } as never);
      const data = tf.randomNormal([3, 9, 64]);
      const worst = maxDifference(
        block.predict(data as never) as tf.Tensor,
        layer.predict(data as never) as tf.Tensor,
        "block vs transformerEncoderLayer",
      );
      t.diagnostic(`max |Δ| ${worst.toExponential(2)}`);
    });
  }
});

test("a seq2seq encoder-decoder with cross-attention trains a step on wasm", async () => {
  assert.equal(await ready({ backend: "wasm" }), "wasm");
  const src = input([6, 16]);
  const tgt = input([4, 16]);
  const padding = input([6]);
  const memory = nn
    .transformerEncoder(nn.transformerEncoderLayer(16, 2, { dimFeedforward: 32 }), 2)
    .call(src, { srcKeyPaddingMask: padding });
  const decoded = nn
    .transformerDecoder(nn.transformerDecoderLayer(16, 2, { dimFeedforward: 32 }), 1)
    .call(tgt, memory, { memoryKeyPaddingMask: padding });
  const [attended] = nn.multiheadAttention(16, 4).call(decoded, memory, memory, { keyPaddingMask: padding });
  const logits = attended.pipe(nn.linear(16, 5));
  const model = build(graph({ inputs: [src, tgt, padding], outputs: [logits] })).compile({
    optimizer: "adam",
    learningRate: 0.01,
    loss: "meanSquaredError",
  });
  const before = (model.stateDict() as Record<string, tf.Tensor>)["0.0.layers.0.linear1.weight"]!.dataSync().slice();
  const history = await model.fit(
    [tf.randomNormal([8, 6, 16]), tf.randomNormal([8, 4, 16]), tf.zeros([8, 6])] as never,
    tf.randomNormal([8, 4, 5]) as never,
    { epochs: 2, batchSize: 4, verbose: 0 },
  );
  const losses = (history as { history: { loss: number[] } }).history.loss;
  assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
  const after = (model.stateDict() as Record<string, tf.Tensor>)["0.0.layers.0.linear1.weight"]!.dataSync();
  assert.ok(
    after.some((v, i) => v !== before[i]),
    "the encoder's weights changed",
  );
});

test("toPyTorch writes the calls: PyTorch 1.13 loads the state_dict strictly and computes the same outputs", async () => {
  assert.equal(await ready({ backend: "cpu" }), "cpu");
  const srcMask = input([6], { batch: 6 });
  const src = input([6, 16]);
  const tgt = input([4, 16]);
  const padding = input([6]);
  const tgtMask = input([4], { batch: 4 });
  const memory = nn
    .transformerEncoder(nn.transformerEncoderLayer(16, 2, { dimFeedforward: 32, activation: "gelu" }), 2, {
      norm: nn.layerNorm(16),
    })
    .call(src, { srcKeyPaddingMask: padding, srcMask });
  const decoded = nn
    .transformerDecoder(nn.transformerDecoderLayer(16, 2, { dimFeedforward: 32 }), 1)
    .call(tgt, memory, { memoryKeyPaddingMask: padding, tgtMask });
  const [attended, weights] = nn
    .multiheadAttention(16, 4, { kdim: 8 })
    .call(decoded, src.pipe(nn.linear(16, 8)), memory, { keyPaddingMask: padding });
  const whole = nn
    .transformer({ dModel: 16, nhead: 2, numEncoderLayers: 1, numDecoderLayers: 1, dimFeedforward: 8 })
    .call(src, attended, { memoryKeyPaddingMask: padding, srcKeyPaddingMask: padding });
  const piped = src.pipe(nn.transformerEncoderLayer(16, 4, { normFirst: true }));
  const net = graph({ inputs: [src, tgt, padding, tgtMask, srcMask], outputs: [whole, piped, weights] });
  const model = build(net) as unknown as {
    stateDict(): Record<string, tf.Tensor>;
    tfjs: { execute(x: tf.Tensor[], outputs: string[]): tf.Tensor[]; outputs: { name: string }[] };
  };
  const causal = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => (j > i ? 1 : 0)));
  const xs = [
    tf.randomNormal([2, 6, 16]),
    tf.randomNormal([2, 4, 16]),
    tf.tensor([
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0],
    ]),
    tf.tensor(causal),
    tf.zeros([6, 6]),
  ];
  const outputs = model.tfjs.execute(
    xs,
    model.tfjs.outputs.map((o) => o.name),
  );
  const dir = join(import.meta.dirname, "../.tmp/transformer-export");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "exported.py"), toPyTorch(net));
  const state = Object.fromEntries(Object.entries(model.stateDict()).map(([k, v]) => [k, v.arraySync()]));
  writeFileSync(join(dir, "data.json"), JSON.stringify({ state, inputs: xs.map((x) => x.arraySync()) }));
  const script = `
import json, importlib.util, torch
spec = importlib.util.spec_from_file_location("exported", "${join(dir, "exported.py")}")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
data = json.load(open("${join(dir, "data.json")}"))
net = m.MODEL()
net.load_state_dict({k: torch.tensor(v) for k, v in data["state"].items()}, strict=True)
net.eval()
with torch.no_grad():
    outs = net(*[torch.tensor(x) for x in data["inputs"]])
print(json.dumps([o.tolist() for o in outs]))
`;
  const printed = execFileSync("/usr/bin/python3", ["-W", "ignore", "-c", script], { encoding: "utf8" });
  const expected = JSON.parse(printed.trim().split("\n").at(-1)!) as number[][];
  outputs.forEach((output, i) => maxDifference(output, tf.tensor(expected[i]!), `output ${i}`));
});

test("a graph with calls saves and loads (the custom layers' configs, their weights)", async () => {
  assert.equal(await ready({ backend: "cpu" }), "cpu");
  const netOf = () => {
    const src = input([5, 8]);
    const tgt = input([3, 8]);
    const memory = src.pipe(nn.transformerEncoderLayer(8, 2, { dimFeedforward: 16 }));
    const decoded = nn.transformerDecoderLayer(8, 2, { dimFeedforward: 16 }).call(tgt, memory);
    const [out, weights] = nn.multiheadAttention(8, 2, { vdim: 4 }).call(decoded, memory, src.pipe(nn.linear(8, 4)));
    return graph({ inputs: [src, tgt], outputs: [out, weights] });
  };
  const model = build(netOf());
  const dir = join(import.meta.dirname, "../.tmp/transformer-save");
  await model.save(dir);
  const loaded = await load(netOf(), dir);
  const xs = [tf.randomNormal([2, 5, 8]), tf.randomNormal([2, 3, 8])];
  const a = model.predict(xs as never) as unknown as tf.Tensor[];
  const b = loaded.predict(xs as never) as unknown as tf.Tensor[];
  a.forEach((t, i) => maxDifference(b[i]!, t, `output ${i}`));
});

test("a tensor given twice to one layer and used elsewhere is not released early (mha.call(q, m, m), ops.add(h, h))", async () => {
  assert.equal(await ready({ backend: "cpu" }), "cpu");
  const x = input([5, 8]);
  const h = x.pipe(nn.linear(8, 8));
  const memory = h.pipe(nn.relu());
  const [attended] = nn.multiheadAttention(8, 2).call(h, memory, memory);
  const doubled = ops.add(h, h);
  const decoded = nn.transformerDecoderLayer(8, 2, { dimFeedforward: 8 }).call(attended, memory);
  const model = build(graph({ inputs: [x], outputs: [decoded, ops.mul(doubled, memory), h.pipe(nn.linear(8, 2))] }));
  const outputs = model.predict(tf.randomNormal([2, 5, 8]) as never) as unknown as tf.Tensor[];
  assert.deepEqual(
    outputs.map((t) => t.shape),
    [
      [2, 5, 8],
      [2, 5, 8],
      [2, 5, 2],
    ],
  );
});
