// defineLayer: users' own layers run like the built-ins. The runtime twin gives the shapes the compiler
// gives (test-d/define-layer.test-d.ts) and the same messages (every line of test-d/errors/define-layer.ts
// throws a ShapeError with its pinned text); PixelShuffle written as a custom layer computes what
// nn.pixelShuffle does; a learned positional embedding trains, saves and loads bit-identically; a
// model.json whose definition is not imported is a ModelFileError naming it; explain counts parameters.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { defineLayer, graph, input, nn, sequential, ShapeError } from "../src/index.ts";
import { build, load, ModelFileError, ready, toTfjs } from "../src/tfjs.ts";
import { explainFile, explainSequential, render } from "../src/explain/index.ts";
import { espcn, myPixelShuffle } from "../examples/custom-pixel-shuffle.ts";
import { positionalEmbedding, tagger } from "../examples/positional-embedding.ts";

const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-define-layer-"));
before(async () => {
  await ready();
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A small deterministic generator (seeded), for random configurations. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test("custom pixelShuffle: the runtime twin gives nn.pixelShuffle's shapes and refusals on 300 random inputs", () => {
  const next = random(17);
  const pick = (values: readonly number[]) => values[Math.floor(next() * values.length)]!;
  let refused = 0;
  for (let i = 0; i < 300; i++) {
    const r = pick([1, 2, 3, 4]);
    const shape = [null, pick([1, 2, 3, 4, 8, 9, 12, 16, 18, 27, 32]), pick([1, 5, 8]), pick([1, 7, 8])];
    const builtIn = nn.pixelShuffle(r);
    const custom = myPixelShuffle(r);
    let expected: readonly unknown[] | Error;
    try {
      expected = builtIn.outputShape(shape);
    } catch (error) {
      expected = error as Error;
    }
    if (expected instanceof Error) {
      refused++;
      assert.throws(() => custom.outputShape(shape), ShapeError, `r ${r}, ${JSON.stringify(shape)}`);
    } else assert.deepEqual(custom.outputShape(shape), expected, `r ${r}, ${JSON.stringify(shape)}`);
  }
  assert.ok(refused > 30 && refused < 270, `${refused} refusals`);
});

test("the runtime message of every line of test-d/errors/define-layer.ts is its compile-time message", () => {
  const lines = readFileSync(new URL("../test-d/errors/define-layer.ts", import.meta.url), "utf8").split("\n");
  let checked = 0;
  for (const line of lines) {
    const match = line.match(/^(.*);\s*\/\/ error: "(.*)"$/);
    if (!match) continue;
    const [, expression, message] = match as unknown as [string, string, string];
    checked++;
    const run = () =>
      new Function("input", "sequential", "positionalEmbedding", "myPixelShuffle", `return ${expression};`)(
        input,
        sequential,
        positionalEmbedding,
        myPixelShuffle,
      );
    assert.throws(run, (error: unknown) => {
      assert.ok(error instanceof ShapeError, `${expression} threw ${String(error)}`);
      assert.equal(error.message, message);
      return true;
    });
  }
  assert.equal(checked, 5);
});

test("models: shapes and written forms", () => {
  assert.deepEqual(espcn.outputShape, [null, 1, null, null]);
  assert.deepEqual(tagger.outputShape, [null, 16, 5]);
  assert.equal(tagger.layers[1].written, "positionalEmbedding(16, 64)");
  assert.equal(myPixelShuffle(3).written, "myPixelShuffle(3)");
  for (const name of ["not a name", "pos_embed", "2d", ""])
    assert.throws(() => defineLayer({ name, outputShape: () => [], forward: (x) => x }), /must be letters and digits/);
});

test("custom pixelShuffle converted: the same values as nn.pixelShuffle (rank 4, 2 and 3)", () => {
  for (const r of [2, 3]) {
    const x = tf.randomNormal([2, 4 * r * r, 5, 6], 0, 1, "float32", r);
    const custom = toTfjs(sequential(input([4 * r * r, 5, 6]), myPixelShuffle(r)));
    const builtIn = toTfjs(sequential(input([4 * r * r, 5, 6]), nn.pixelShuffle(r)));
    const a = custom.predict(x) as tf.Tensor;
    const b = builtIn.predict(x) as tf.Tensor;
    assert.deepEqual(a.shape, [2, 4, 5 * r, 6 * r]);
    assert.deepEqual(a.dataSync(), b.dataSync());
    tf.dispose([x, a, b]);
    custom.dispose();
    builtIn.dispose();
  }
  // After convolutions (channels-last inside the model): still the same as the built-in.
  const net = (shuffle: ReturnType<typeof myPixelShuffle<2>> | ReturnType<typeof nn.pixelShuffle<2>>) =>
    sequential(input([3, 6, 6]), nn.conv2d(3, 8, 3, 1, 1), nn.relu(), shuffle, nn.conv2d(2, 2, 1));
  const a = build(net(myPixelShuffle(2)));
  const b = build(net(nn.pixelShuffle(2)));
  b.loadStateDict(a.stateDict());
  const x = tf.randomNormal([2, 3, 6, 6], 0, 1, "float32", 5);
  const diff = tf.max(tf.abs(tf.sub(a.predict(x), b.predict(x)))).dataSync()[0]!;
  assert.ok(diff < 1e-6, `max difference ${diff}`);
});

const embedded = () => sequential(input([4, 8]), positionalEmbedding(4, 8), nn.flatten(), nn.linear(32, 3));
const tokens = () => tf.randomNormal([6, 4, 8], 0, 1, "float32", 11);
const labels = () => tf.tensor([0, 1, 2, 0, 1, 2], [6], "int32");
const bytes = (model: tfl.LayersModel) =>
  model.weights.map((w) => Buffer.from(w.read().dataSync().buffer).toString("hex"));

test("positional embedding: its parameter is in state_dict, adds to the input, and trains", async () => {
  const model = build(embedded()).compile({ loss: "crossEntropy", optimizer: "adam" });
  const before = model.stateDict();
  assert.deepEqual(Object.keys(before), ["0.weight", "2.weight", "2.bias"]);
  assert.deepEqual(before["0.weight"]!.shape, [4, 8]);
  // The forward adds the parameter: with zero weights after it, the layer's output is x + weight.
  const inner = tf.tidy(() => {
    const pe = build(sequential(input([4, 8]), positionalEmbedding(4, 8)));
    const x = tokens();
    const diff = tf.max(tf.abs(tf.sub(pe.predict(x), tf.add(x, pe.stateDict()["0.weight"]!))));
    return diff.dataSync()[0]!;
  });
  assert.ok(inner < 1e-6);
  await model.fit(tokens(), labels(), { epochs: 1, verbose: 0 });
  const trained = model.stateDict()["0.weight"]!;
  const changed = tf.max(tf.abs(tf.sub(trained, before["0.weight"]!))).dataSync()[0]!;
  assert.ok(changed > 0, "the positional parameter changed in one step");
});

test("positional embedding: save and load round trip, bit-identical; tf.loadLayersModel reads it too", async () => {
  const model = build(embedded()).compile({ loss: "crossEntropy" });
  await model.fit(tokens(), labels(), { epochs: 1, verbose: 0 });
  const where = path.join(dir, "positional");
  await model.save(where);
  const json = JSON.parse(readFileSync(path.join(where, "model.json"), "utf8"));
  assert.match(JSON.stringify(json.modelTopology), /"class_name":"shapecheck>custom>positionalEmbedding"/);
  const loaded = await load(embedded(), where);
  assert.deepEqual(bytes(loaded.tfjs), bytes(model.tfjs));
  assert.deepEqual(loaded.predict(tokens()).dataSync(), model.predict(tokens()).dataSync());
  assert.deepEqual(Object.keys(loaded.stateDict()), ["0.weight", "2.weight", "2.bias"]);
  const plain = await tfl.loadLayersModel(`file://${where}`);
  assert.deepEqual((plain.predict(tokens()) as tf.Tensor).dataSync(), model.predict(tokens()).dataSync());
});

test("settings and parameter names of any spelling survive model.json (camelCase, snake_case)", async () => {
  const Scaled = defineLayer({
    name: "scaledShift",
    outputShape: (_settings: { scaleFactor: number; shift_by: number }, input) => input,
    params: () => ({ bias_vec: { shape: [3], init: "ones" as const }, gainVec: [3] }),
    forward: (x, { bias_vec, gainVec }, tf, { scaleFactor, shift_by }) =>
      tf.add(tf.mul(tf.add(x, bias_vec), tf.add(gainVec, scaleFactor)), shift_by),
  });
  const net = () => sequential(input([3]), Scaled.layer({ scaleFactor: 2, shift_by: 0.5 }));
  const model = build(net());
  assert.deepEqual(Object.keys(model.stateDict()), ["0.bias_vec", "0.gainVec"]);
  const where = path.join(dir, "spelling");
  await model.save(where);
  const loaded = await load(net(), where);
  const x = tf.tensor([[1, 2, 3]]);
  assert.deepEqual(loaded.predict(x).dataSync(), model.predict(x).dataSync());
  assert.deepEqual(Array.from(model.predict(x).dataSync()), [4.5, 6.5, 8.5]); // (x + 1) · (0 + 2) + 0.5
  assert.deepEqual(Object.keys(loaded.stateDict()), ["0.bias_vec", "0.gainVec"]);
});

test("in a graph and shared: converted like a built-in layer (one tfjs weight for a layer used twice)", () => {
  const x = input([4, 8]);
  const pe = positionalEmbedding(4, 8);
  const piped = build(graph({ inputs: [x], outputs: [x.pipe(pe, nn.relu())] }));
  assert.deepEqual(Object.keys(piped.stateDict()), ["0.0.weight"]);
  assert.deepEqual(piped.predict(tokens()).shape, [6, 4, 8]);
  const shared = build(sequential(input([4, 8]), pe, nn.relu(), pe));
  assert.deepEqual(Object.keys(shared.stateDict()), ["0.weight", "2.weight"]); // as PyTorch lists a shared module
  assert.equal(shared.tfjs.weights.length, 1);
  const tidy = tf.tidy(() => {
    const w = shared.stateDict()["0.weight"]!;
    const expected = tf.add(tf.relu(tf.add(tokens(), w)), w);
    return tf.max(tf.abs(tf.sub(shared.predict(tokens()), expected))).dataSync()[0]!;
  });
  assert.ok(tidy < 1e-6);
});

test("a forward that does not compute the rule's shape is a ShapeError, not a silent wrong shape", () => {
  const Wrong = defineLayer({
    name: "wrongForward",
    outputShape: (_settings: {}, input) => input,
    forward: (x, _params, tf) => tf.concat([x, x], -1),
  });
  const model = build(sequential(input([3]), Wrong.layer({})));
  assert.throws(() => model.predict(tf.ones([2, 3])), {
    name: "ShapeError",
    message:
      "wrongForward: the forward computation gave a tensor of shape [2, 6], the shape rule says [2, 3] (input [2, 3])",
  });
});

// PyTorch 1.13 (Debian's python3-torch) runs the same models with the same weights: torch's
// nn.PixelShuffle for the custom one, and the positional embedding as a one-line module.
const python = process.env["SHAPECHECK_PYTHON"] ?? "/usr/bin/python3";
const torchScript = `
import json, sys, torch, torch.nn as nn
class PositionalEmbedding(nn.Module):
    def __init__(self, seq, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(seq, dim))
    def forward(self, x):
        return x + self.weight
models = {
    "espcn": lambda: nn.Sequential(nn.Conv2d(1, 64, 5, 1, 2), nn.Tanh(), nn.Conv2d(64, 32, 3, 1, 1), nn.Tanh(),
                                   nn.Conv2d(32, 9, 3, 1, 1), nn.PixelShuffle(3)),
    "tagger": lambda: nn.Sequential(nn.Embedding(1000, 64), PositionalEmbedding(16, 64), nn.LayerNorm(64),
                                    nn.Linear(64, 5)),
}
out = {}
for name, case in json.load(sys.stdin).items():
    model = models[name]().eval()
    model.load_state_dict({k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in case["state"].items()})
    x = torch.tensor(case["x"]["data"]).reshape(case["x"]["shape"])
    with torch.no_grad():
        y = model(x if name != "tagger" else x.long())
    out[name] = {"shape": list(y.shape), "data": y.flatten().tolist()}
print(json.dumps(out))
`;

test("PyTorch computes the same: ESPCN (custom pixelShuffle) and the tagger (positional embedding), within 1e-4", (t) => {
  const asJson = (t: tf.Tensor) => ({ shape: t.shape, data: Array.from(t.dataSync()) });
  const state = (model: { stateDict(): Record<string, tf.Tensor> }) =>
    Object.fromEntries(Object.entries(model.stateDict()).map(([key, value]) => [key, asJson(value)]));
  const sr = build(espcn);
  const tg = build(tagger);
  // Trained-looking weights, not the initial zeros of the positional parameter.
  tg.loadStateDict({ ...tg.stateDict(), "1.weight": tf.randomNormal([16, 64], 0, 1, "float32", 3) });
  const images = tf.randomNormal([2, 1, 6, 7], 0, 1, "float32", 4);
  const ids = tf.tensor2d(
    Array.from({ length: 32 }, (_, i) => (i * 37) % 1000),
    [2, 16],
    "int32",
  );
  const cases = {
    espcn: { state: state(sr), x: asJson(images) },
    tagger: { state: state(tg), x: asJson(ids) },
  };
  const torch = JSON.parse(
    execFileSync(python, ["-c", torchScript], { input: JSON.stringify(cases), encoding: "utf8", maxBuffer: 1 << 26 }),
  ) as Record<string, { shape: number[]; data: number[] }>;
  for (const [name, ours] of [
    ["espcn", sr.predict(images)],
    ["tagger", tg.predict(ids)],
  ] as const) {
    assert.deepEqual(ours.shape, torch[name]!.shape, name);
    const got = ours.dataSync();
    const diff = torch[name]!.data.reduce((max, value, i) => Math.max(max, Math.abs(value - got[i]!)), 0);
    assert.ok(diff < 1e-4, `${name}: max difference ${diff}`);
    t.diagnostic(`${name}: max difference from PyTorch ${diff.toExponential(2)}`);
  }
});

test("a model.json that uses a custom layer not defined here: a ModelFileError naming the definition", async () => {
  const where = path.join(dir, "missing");
  await build(embedded()).save(where);
  const file = path.join(where, "model.json");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replaceAll("shapecheck>custom>positionalEmbedding", "shapecheck>custom>relativeBias"),
  );
  await assert.rejects(load(embedded(), where), (error: unknown) => {
    assert.ok(error instanceof ModelFileError, String(error));
    assert.equal(
      error.message,
      `load(${where}): the model uses the custom layer "relativeBias" (shapecheck>custom>relativeBias), which is not defined here: import the file that calls defineLayer({ name: "relativeBias", … }) before loading`,
    );
    return true;
  });
});

test("explain: the custom layer's name, shapes and parameter count", async () => {
  const model = explainSequential("tagger", [null, 16], tagger.layers);
  const row = model.layers[1]!;
  assert.equal(row.layer, "positionalEmbedding(16, 64)");
  assert.equal(row.kind, "custom");
  assert.deepEqual(row.input, [null, 16, 64]);
  assert.deepEqual(row.output, [null, 16, 64]);
  assert.equal(row.params, 16 * 64);
  assert.deepEqual(row.arithmetic, ["weight: 16 × 64 = 1024"]);
  assert.equal(model.params.total, 1000 * 64 + 16 * 64 + 2 * 64 + 64 * 5 + 5);
  const shuffle = explainSequential("espcn", [null, 1, "h", "w"], espcn.layers).layers.at(-1)!;
  assert.deepEqual([shuffle.layer, shuffle.params, shuffle.arithmetic], ["myPixelShuffle(3)", 0, []]);
  // From the file, as `shapecheck explain examples/positional-embedding.ts` does.
  const file = await explainFile("examples/positional-embedding.ts", { cwd: path.resolve(import.meta.dirname, "..") });
  const text = render(file, "text");
  assert.match(text, /positionalEmbedding\(16, 64\)/);
  assert.match(text, /1,024|1024/);
});
