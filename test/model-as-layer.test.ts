// Models as layers (src/model/model-as-layer.ts): a sequential(...) or a one-input graph(...) used as a
// layer of another model or in .pipe(...): its input checked (the compiler's message at run time), its
// output on the actual input, its weights shared when the same model object is used twice (one
// training step changes both uses alike; parameters and state_dict keys once), explained row by row.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, named, nn, ops, sequential, ShapeError } from "../src/index.ts";
import { build, load, ready, toTfjs } from "../src/tfjs.ts";
import { toPyTorch } from "../src/pytorch.ts";
import { explainSequential } from "../src/explain/explain.ts";
import { gan, generatorThroughD, netD, netG, nz } from "../examples/gan.ts";

before(async () => {
  await ready({ backend: "wasm" });
});

const python = process.env.SHAPECHECK_PYTHON ?? "/usr/bin/python3";
const small = () => named("small", sequential(input([4]), nn.linear(4, 8), nn.relu(), nn.linear(8, 2)));

test("a sequential used as a layer gives its output on the input it gets (batch and named dims kept)", () => {
  const inner = small();
  const outer = sequential(input([6]), nn.linear(6, 4), inner, nn.softmax(1));
  assert.deepEqual(outer.outputShape, [null, 2]);
  assert.deepEqual(outer.trace, [
    [null, 4],
    [null, 2],
    [null, 2],
  ]);
  const perToken = sequential(input(["seq", 4]), nn.linear(4, 2));
  assert.deepEqual(input(["seq", 4], { batch: "b" }).pipe(perToken).shape, ["b", "seq", 2]);
});

test("an input that does not fit the model's input shape: one ShapeError, the compiler's text", () => {
  assert.throws(
    // @ts-expect-error: the mistake this test makes (test-d/errors/model/model-as-layer.ts pins the message)
    () => sequential(input([3, 28, 28]), nn.relu(), netD),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message === "netD (sequential): expects input [number, 3, 32, 32] (input [number, 3, 28, 28])" &&
      error.layerIndex === 1,
  );
  const unnamed = sequential(input([4]), nn.linear(4, 2));
  assert.throws(
    // @ts-expect-error: the mistake this test makes (test-d/errors/model/model-as-layer.ts pins the message)
    () => input([5]).pipe(unnamed),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message === "sequential(1 layers): expects input [number, 4] (input [number, 5])",
  );
  const twoInputs = graph({ inputs: [input([4]), input([4])], outputs: [] });
  assert.throws(
    () => input([4]).pipe(twoInputs as never),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message ===
        "graph: a model used as a layer has one input and one output (this one has 2 and 0) (input [number, 4])",
  );
});

test("a model whose input sizes are unknown is checked on the sizes it gets (its layer's message, prefixed)", () => {
  const open = sequential(input([null]), nn.linear(4, 2));
  assert.deepEqual(input([4]).pipe(open).shape, [null, 2]);
  assert.throws(
    // @ts-expect-error: the mistake this test makes (test-d/errors/model/model-as-layer.ts pins the message)
    () => input([5]).pipe(open),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message.startsWith("sequential(1 layers), layer 0: linear(4, 2): ") &&
      error.message.endsWith("(input [number, 5])"),
  );
});

test("a graph with one input used as a layer: its output on the input it gets", () => {
  const x = input([8]);
  const block = named("block", graph({ inputs: [x], outputs: [x.pipe(nn.linear(8, 8)).pipe(nn.relu())] }));
  assert.deepEqual(input([8]).pipe(block, nn.linear(8, 3)).shape, [null, 3]);
  assert.throws(
    // @ts-expect-error: the mistake this test makes (test-d/errors/model/model-as-layer.ts pins the message)
    () => input([7]).pipe(block),
    (error: unknown) =>
      error instanceof ShapeError && error.message === "block (graph): expects input [number, 8] (input [number, 7])",
  );
});

test("nn.sequential and a model used as a layer together", () => {
  const inner = small();
  const outer = sequential(input([4]), nn.sequential(inner, nn.relu(), nn.linear(2, 4)), inner);
  assert.deepEqual(outer.outputShape, [null, 2]);
  assert.throws(
    // @ts-expect-error: the mistake this test makes (test-d/errors/model/model-as-layer.ts pins the message)
    () => sequential(input([4]), nn.sequential(nn.linear(4, 3), inner)),
    (error: unknown) => {
      return (
        error instanceof ShapeError &&
        error.message ===
          "sequential(2 layers), layer 1: small (sequential): expects input [number, 4] (input [number, 3])"
      );
    },
  );
});

test("examples/gan.ts: the DCGAN's shapes", () => {
  assert.deepEqual(netG.outputShape, [null, 3, 32, 32]);
  assert.deepEqual(netD.outputShape, [null, 1]);
  assert.deepEqual(generatorThroughD.outputShape, [null, 1]);
  assert.deepEqual(gan.outputShapes, [
    [null, 1],
    [null, 1],
  ]);
});

const paramsOf = (model: { tfjs: { countParams(): number } }) => model.tfjs.countParams();

test("a model used as a layer converts with its parameters under its position (PyTorch's nested names)", () => {
  const d = build(netD);
  const composed = build(generatorThroughD);
  const dKeys = Object.keys(d.stateDict());
  const keys = Object.keys(composed.stateDict());
  const gKeys = Object.keys(build(netG).stateDict());
  assert.deepEqual(keys, [...gKeys.map((key) => `0.${key}`), ...dKeys.map((key) => `1.${key}`)]);
  assert.equal(paramsOf(composed), paramsOf(d) + paramsOf(build(netG)));
});

test("the same model used twice shares its weights: parameters once, one training step changes both uses alike", async () => {
  const model = build(gan).compile({ optimizer: "adam", learningRate: 0.01, loss: "binaryCrossentropy" });
  const d = build(netD);
  const g = build(netG);
  // parameters once, as PyTorch's parameters() of a module called twice
  assert.equal(paramsOf(model), paramsOf(d) + paramsOf(g));
  const keys = Object.keys(model.stateDict());
  assert.equal(keys.length, Object.keys(d.stateDict()).length + Object.keys(g.stateDict()).length);
  assert.equal(new Set(keys).size, keys.length);

  const zs = tf.randomNormal([4, nz, 1, 1]);
  const images = tf.randomUniform([4, 3, 32, 32], -1, 1);
  const before = model.stateDict();
  await model.fit([zs, images] as never, [tf.ones([4, 1]), tf.zeros([4, 1])] as never, {
    epochs: 1,
    batchSize: 4,
    verbose: 0,
  });
  const afterStep = model.stateDict();
  const changed = Object.keys(afterStep).filter(
    (key) => tf.max(tf.abs(tf.sub(afterStep[key]!, before[key]!))).dataSync()[0]! > 0,
  );
  assert.ok(
    changed.some((key) => key.startsWith("1.")),
    "the step changed no weight of the discriminator",
  );

  // both uses are the same weights: the discriminator on the same images gives the same output twice
  const shared = build(graph({ inputs: [realInput], outputs: [realInput.pipe(netD), realInput.pipe(netD)] }));
  const [first, second] = shared.predict(images as never) as tf.Tensor[];
  assert.deepEqual(first!.dataSync(), second!.dataSync());
  assert.equal(paramsOf(shared), paramsOf(d));
});
const realInput = input([3, 32, 32]);

test("toTfjs: the nested model is its layers in place, its weights shared by both uses", () => {
  const inner = small();
  const outer = sequential(input([4]), inner, nn.linear(2, 4), inner);
  assert.equal(toTfjs(outer).countParams(), 4 * 8 + 8 + 8 * 2 + 2 + 2 * 4 + 4);
});

test("shapecheck explain: a sequential used as a layer is a row with its layers under it, its parameters counted once", () => {
  const inner = small();
  const outer = sequential(input([4]), inner, nn.linear(2, 4), inner);
  const explained = explainSequential("outer", outer.inputShape, outer.layers);
  const row = explained.layers[0]!;
  assert.equal(row.layer, "small (sequential)");
  assert.equal(row.branches?.[0]?.layers.length, 3);
  assert.equal(row.params, 4 * 8 + 8 + 8 * 2 + 2);
  assert.equal(explained.params.total, 4 * 8 + 8 + 8 * 2 + 2 + 2 * 4 + 4);
});

test("test-d/errors/model/model-as-layer.ts: each pinned compile-time message is the ShapeError's at run time", () => {
  const pinned = readFileSync(new URL("../test-d/errors/model/model-as-layer.ts", import.meta.url), "utf8")
    .split("\n")
    .flatMap((line) => {
      const found = /\/\/ error: "(.*)"$/.exec(line);
      return found ? [found[1]!] : [];
    });
  const d = named("netD", sequential(input([3, 32, 32]), nn.conv2d(3, 8, 4, 2, 1), nn.flatten(), nn.linear(2048, 1)));
  const x = input([8]);
  const block = named("block", graph({ inputs: [x], outputs: [x.pipe(nn.linear(8, 3))] }));
  const a = input([8]);
  const cases: (() => unknown)[] = [
    () => sequential(input([3, 28, 28]), nn.relu(), d as never),
    () => input([2, 4]).pipe(sequential(input([4]), nn.linear(4, 2)) as never),
    () => input([5]).pipe(sequential(input([null]), nn.linear(4, 2)) as never),
    () => input([7]).pipe(block as never),
    () => input([8]).pipe(graph({ inputs: [a, input([8])], outputs: [a] }) as never),
    () => sequential(input([4]), nn.sequential(nn.linear(4, 3), d as never)),
    () => sequential(input([3, 32, 32], { batch: "b" }), d, d as never),
    () =>
      sequential(input([4, 16, 16]), nn.residual(sequential(input([8, 16, 16]), nn.conv2d(8, 8, 3, 1, 1)) as never)),
  ];
  assert.equal(cases.length, pinned.length);
  cases.forEach((run, i) =>
    assert.throws(run, (error: unknown) => error instanceof ShapeError && error.message === pinned[i], pinned[i]),
  );
});

test("a graph used as a layer converts in place: its keys under its position, used twice its weights shared, values as composed", () => {
  const x = input([8]);
  const block = named("block", graph({ inputs: [x], outputs: [ops.add(x, x.pipe(nn.linear(8, 8), nn.tanh()))] }));
  const outer = build(sequential(input([8]), block, nn.relu(), block));
  assert.deepEqual(Object.keys(outer.stateDict()), ["0.0.0.weight", "0.0.0.bias"]);
  assert.equal(paramsOf(outer), 8 * 8 + 8);

  const alone = build(block);
  const dict = outer.stateDict();
  alone.loadStateDict({ "0.0.weight": dict["0.0.0.weight"]!, "0.0.bias": dict["0.0.0.bias"]! });
  const data = tf.randomNormal([5, 8]);
  const expected = alone.predict(tf.relu(alone.predict(data as never) as tf.Tensor) as never) as tf.Tensor;
  const actual = outer.predict(data as never) as tf.Tensor;
  assert.ok(tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]! < 1e-5);
});

test("shapecheck explain: a graph used as a layer is a row with the graph's rows under it", () => {
  const x = input([8]);
  const block = named("block", graph({ inputs: [x], outputs: [ops.add(x, x.pipe(nn.linear(8, 8), nn.tanh()))] }));
  const outer = sequential(input([8]), block, nn.relu());
  const explained = explainSequential("outer", outer.inputShape, outer.layers);
  const row = explained.layers[0]!;
  assert.equal(row.layer, "block (graph)");
  assert.deepEqual(
    row.branches?.[0]?.layers.map((inner) => [inner.id, inner.index, inner.layer, inner.from]),
    [
      ["L0_L0", "0.0", "linear(8, 8)", ["in"]],
      ["L0_L1", "0.1", "tanh()", ["L0_L0"]],
      ["L0_L2", "0.2", "ops.add(…)", ["in", "L0_L1"]],
    ],
  );
  assert.equal(row.params, 8 * 8 + 8);
  assert.equal(explained.params.total, 8 * 8 + 8);
});

test("a model with models as layers saves and loads (the same state_dict keys), and toPyTorch writes each model as a class", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-model-as-layer-"));
  try {
    const model = build(gan);
    await model.save(`file://${dir}`);
    const loaded = await load(gan, `file://${dir}`);
    assert.deepEqual(Object.keys(loaded.stateDict()), Object.keys(model.stateDict()));
    const inputs = [tf.randomNormal([2, nz, 1, 1]), tf.randomUniform([2, 3, 32, 32], -1, 1)];
    const [a, b] = [model, loaded].map((m) => (m.predict(inputs as never) as tf.Tensor[]).map((t) => t.dataSync()));
    assert.deepEqual(a, b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // values against PyTorch: test/export-models-calls-ops.test.ts
  assert.match(toPyTorch(generatorThroughD as never), /class NetG\(nn\.Sequential\):[^]*class NetD\(nn\.Sequential\):/);
});

test("values: the generator through the discriminator is PyTorch's nn.Sequential(netG, netD) with the same state_dict (within 1e-4)", (t) => {
  const model = build(generatorThroughD);
  const dict = model.stateDict();
  const z = tf.randomNormal([3, nz, 1, 1]);
  const ours = (model.predict(z as never) as tf.Tensor).arraySync() as number[][];
  const payload = JSON.stringify({
    state: Object.fromEntries(Object.entries(dict).map(([key, value]) => [key, value.arraySync()])),
    z: z.arraySync(),
  });
  const script = `
import json, sys, torch
from torch import nn
data = json.load(sys.stdin)
G = nn.Sequential(
    nn.ConvTranspose2d(${nz}, 32, 4, 1, 0), nn.BatchNorm2d(32), nn.ReLU(),
    nn.ConvTranspose2d(32, 16, 4, 2, 1), nn.BatchNorm2d(16), nn.ReLU(),
    nn.ConvTranspose2d(16, 8, 4, 2, 1), nn.BatchNorm2d(8), nn.ReLU(),
    nn.ConvTranspose2d(8, 3, 4, 2, 1), nn.Tanh())
D = nn.Sequential(
    nn.Conv2d(3, 8, 4, 2, 1), nn.LeakyReLU(0.2),
    nn.Conv2d(8, 16, 4, 2, 1), nn.BatchNorm2d(16), nn.LeakyReLU(0.2),
    nn.Conv2d(16, 32, 4, 2, 1), nn.BatchNorm2d(32), nn.LeakyReLU(0.2),
    nn.Conv2d(32, 1, 4, 1, 0), nn.Flatten(), nn.Sigmoid())
net = nn.Sequential(G, D).eval()
net.load_state_dict({k: torch.tensor(v) for k, v in data["state"].items()})
with torch.no_grad():
    print(json.dumps(net(torch.tensor(data["z"])).tolist()))
`;
  const theirs = JSON.parse(execFileSync(python, ["-c", script], { input: payload, encoding: "utf8" })) as number[][];
  const diff = Math.max(...ours.flatMap((row, i) => row.map((v, j) => Math.abs(v - theirs[i]![j]!))));
  assert.ok(diff < 1e-4, `max difference ${diff}`);
  t.diagnostic(`max difference ${diff.toExponential(2)}`);
});

test("a model inside nn.residual and nn.concat: checked, converted, its weights shared between the two", () => {
  const convBlock = sequential(input([8, 16, 16]), nn.conv2d(8, 8, 3, 1, 1), nn.relu());
  const net = sequential(input([8, 16, 16]), nn.residual(convBlock), nn.concat(1, [convBlock], [nn.identity()]));
  assert.deepEqual(net.outputShape, [null, 16, 16, 16]);
  const model = build(net);
  assert.deepEqual(Object.keys(model.stateDict()), ["0.layers.0.0.weight", "0.layers.0.0.bias"]);
  assert.equal(paramsOf(model), 8 * 8 * 9 + 8);
  const data = tf.randomNormal([2, 8, 16, 16]);
  const y = model.predict(data as never) as tf.Tensor;
  // concat's first branch is the block on the residual's output: the same weights as the residual's
  const alone = build(convBlock);
  const dict = model.stateDict();
  alone.loadStateDict({ "0.weight": dict["0.layers.0.0.weight"]!, "0.bias": dict["0.layers.0.0.bias"]! });
  const r = tf.add(data, alone.predict(data as never) as tf.Tensor);
  const expected = tf.concat([alone.predict(r as never) as tf.Tensor, r], 1);
  assert.ok(tf.max(tf.abs(tf.sub(y, expected))).dataSync()[0]! < 1e-4);
});
