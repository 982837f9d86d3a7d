// What the runtime guards (issue 21, test/runtime-safety.test.ts) holds for the kinds added since: a
// defineLayer custom layer, a model used as a layer twice (shared weights), a graph with layer.call
// (an LSTM's states handed to another LSTM), transformer modules (encoder layer, decoder layer called
// on (tgt, memory)), nn.bilinear called on two tensors, nn.upsample bilinear. For each: save + load is
// bit-identical (weights and predictions), concurrent saves leave one complete model, a corrupt or
// foreign file is a ModelFileError / ShapeError, NaN data is a DataError with the weights unchanged,
// and tf.memory().numTensors is flat over repeated fits, predicts, evaluates and failed loads.
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { graph, input, named, nn, sequential } from "../src/index.ts";
import { build, load, ModelFileError, ready } from "../src/tfjs.ts";
import { positionalEmbedding } from "../examples/positional-embedding.ts";

const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-safety-kinds-"));
before(async () => {
  await ready({ backend: "wasm" });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** What the tests need of a built model, whatever its input and output types. */
interface Built {
  readonly tfjs: tfl.LayersModel;
  save(where: string): Promise<unknown>;
  predict(x: unknown): unknown;
  stateDict(): Record<string, tf.Tensor>;
  dispose(): void;
}
interface Trainable extends Built {
  fit(x: unknown, y: unknown, options?: object): Promise<unknown>;
  evaluate(x: unknown, y: unknown): Promise<unknown>;
}
/** One kind's case: a fresh net (the same structure each call), its data, and its data with one NaN. */
interface Case {
  readonly name: string;
  readonly net: () => unknown;
  readonly x: () => tf.Tensor | tf.Tensor[];
  /** The same data with one NaN, and the message fit gives. */
  readonly nan: () => { x: tf.Tensor | tf.Tensor[]; message: string };
  /** Class labels for a 3-class logSoftmax output. */
  readonly y: () => tf.Tensor;
}

const seeded = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, "float32", seed);
const withNaN = (shape: number[], seed: number, at: number[]) => {
  const buffer = seeded(shape, seed).bufferSync();
  buffer.set(NaN, ...at);
  return buffer.toTensor();
};
const labels = () => tf.tensor([0, 1, 2, 1], [4], "int32");
const nanMessage = (which: string, at: number[]) =>
  `fit (${which}): the value at [${at.join(", ")}] is NaN; the data must be finite numbers`;

const cases: Case[] = [
  {
    name: "defineLayer (positionalEmbedding)",
    net: () => sequential(input([4, 8]), positionalEmbedding(4, 8), nn.flatten(), nn.linear(32, 3), nn.logSoftmax(1)),
    x: () => seeded([4, 4, 8], 1),
    nan: () => ({ x: withNaN([4, 4, 8], 1, [3, 2, 7]), message: nanMessage("x", [3, 2, 7]) }),
    y: labels,
  },
  {
    name: "a model used as a layer twice (shared weights)",
    net: () => {
      const block = named("block", sequential(input([6]), nn.linear(6, 6), nn.tanh()));
      return sequential(input([6]), block, block, nn.linear(6, 3), nn.logSoftmax(1));
    },
    x: () => seeded([4, 6], 2),
    nan: () => ({ x: withNaN([4, 6], 2, [1, 4]), message: nanMessage("x", [1, 4]) }),
    y: labels,
  },
  {
    name: "a graph with layer.call (an LSTM's states into another LSTM)",
    net: () => {
      const x = input([5, 3]);
      const [, [h, c]] = nn.lstm(3, 4).call(x);
      const [decoded] = nn.lstm(3, 4).call(x, [h, c]);
      return graph({ inputs: [x], outputs: [decoded.pipe(nn.flatten(), nn.linear(20, 3), nn.logSoftmax(1))] });
    },
    x: () => seeded([4, 5, 3], 3),
    nan: () => ({ x: withNaN([4, 5, 3], 3, [0, 4, 2]), message: nanMessage("x", [0, 4, 2]) }),
    y: labels,
  },
  {
    name: "transformer modules (encoder layer, decoder layer called on tgt and memory)",
    net: () => {
      const src = input([5, 8]);
      const tgt = input([3, 8]);
      const memory = src.pipe(nn.transformerEncoderLayer(8, 2, { dimFeedforward: 16, dropout: 0 }));
      const decoded = nn.transformerDecoderLayer(8, 2, { dimFeedforward: 16, dropout: 0 }).call(tgt, memory);
      return graph({
        inputs: [src, tgt],
        outputs: [decoded.pipe(nn.flatten(), nn.linear(24, 3), nn.logSoftmax(1))],
      });
    },
    x: () => [seeded([4, 5, 8], 4), seeded([4, 3, 8], 5)],
    nan: () => ({
      x: [seeded([4, 5, 8], 4), withNaN([4, 3, 8], 5, [2, 1, 0])],
      message: nanMessage("x 1", [2, 1, 0]),
    }),
    y: labels,
  },
  {
    name: "nn.bilinear called on two tensors",
    net: () => {
      const a = input([4]);
      const b = input([5]);
      return graph({ inputs: [a, b], outputs: [nn.bilinear(4, 5, 3).call(a, b).pipe(nn.logSoftmax(1))] });
    },
    x: () => [seeded([4, 4], 6), seeded([4, 5], 7)],
    nan: () => ({ x: [withNaN([4, 4], 6, [3, 0]), seeded([4, 5], 7)], message: nanMessage("x 0", [3, 0]) }),
    y: labels,
  },
  {
    name: "nn.upsample bilinear",
    net: () =>
      sequential(
        input([2, 3, 3]),
        nn.upsample({ scaleFactor: 2, mode: "bilinear", alignCorners: false }),
        nn.conv2d(2, 1, 3),
        nn.flatten(),
        nn.linear(16, 3),
        nn.logSoftmax(1),
      ),
    x: () => seeded([4, 2, 3, 3], 8),
    nan: () => ({ x: withNaN([4, 2, 3, 3], 8, [1, 1, 2, 0]), message: nanMessage("x", [1, 1, 2, 0]) }),
    y: labels,
  },
];

/** Every weight's raw bytes. */
const bytes = (model: tfl.LayersModel) =>
  model.weights.map((w) => Buffer.from(w.read().dataSync().buffer).toString("hex"));
const values = (out: unknown) => (Array.isArray(out) ? out : [out]).map((t: tf.Tensor) => [...t.dataSync()]);
const weightsFileOf = (where: string) =>
  path.join(where, JSON.parse(readFileSync(path.join(where, "model.json"), "utf8")).weightsManifest[0].paths[0]);
const builtOfNet = (net: () => unknown) => build(net() as never) as unknown as Built;
const builtOf = (c: Case) => builtOfNet(c.net);
const trainable = (c: Case) =>
  (build(c.net() as never) as unknown as { compile(o: object): Trainable }).compile({ loss: "nll", optimizer: "adam" });
const loadOf = (c: Case, where: string) => load(c.net() as never, where) as Promise<unknown> as Promise<Built>;
const dispose = (x: tf.Tensor | tf.Tensor[]) => tf.dispose(x);

for (const c of cases) {
  test(`${c.name}: trained, saved and loaded bit-identically (weights and predictions)`, async () => {
    const model = trainable(c);
    const [x, y] = [c.x(), c.y()];
    await model.fit(x, y, { verbose: 0, epochs: 2 });
    const where = path.join(dir, `${c.name.replace(/\W+/g, "-")}-saved`);
    await model.save(where);
    await model.save(where); // over the first: still one model, one weights file
    assert.deepEqual(readdirSync(where).sort(), ["model.json", path.basename(weightsFileOf(where))].sort());
    const loaded = await loadOf(c, where);
    assert.deepEqual(bytes(loaded.tfjs), bytes(model.tfjs));
    assert.deepEqual(values(loaded.predict(x)), values(model.predict(x)));
    // a loaded model saved again loads again (its topology as tfjs re-serializes it)
    await loaded.save(`${where}-again`);
    const again = await loadOf(c, `${where}-again`);
    assert.deepEqual(bytes(again.tfjs), bytes(model.tfjs));
    again.dispose();
    loaded.dispose();
    model.dispose();
    dispose(x);
  });

  test(`${c.name}: 5 saves to one directory at once leave one complete model`, async () => {
    const where = path.join(dir, `${c.name.replace(/\W+/g, "-")}-concurrent`);
    const models = Array.from({ length: 5 }, () => builtOf(c));
    models.forEach((m, i) => m.tfjs.setUserDefinedMetadata({ ...m.tfjs.getUserDefinedMetadata(), save: i }));
    await Promise.all(models.map((m) => m.save(where)));
    assert.equal(readdirSync(where).length, 2);
    const loaded = await loadOf(c, where);
    const which = (loaded.tfjs.getUserDefinedMetadata() as { save: number }).save;
    assert.deepEqual(bytes(loaded.tfjs), bytes(models[which]!.tfjs), `model.json of save ${which}, other weights`);
    models.forEach((m) => m.dispose());
    loaded.dispose();
  });

  test(`${c.name}: NaN data is a DataError naming it, and the weights stay as they were`, async () => {
    const model = trainable(c);
    const before = bytes(model.tfjs);
    const { x, message } = c.nan();
    const y = c.y();
    await assert.rejects(model.fit(x, y, { verbose: 0 }), { name: "DataError", message });
    await assert.rejects(model.evaluate(x, y), { name: "DataError", message: message.replace("fit", "evaluate") });
    assert.throws(() => model.predict(x), { name: "DataError" });
    assert.deepEqual(bytes(model.tfjs), before);
    model.dispose();
    dispose(x);
  });

  test(`${c.name}: a step whose loss or weights become non-finite is undone, and fit says so`, async () => {
    const model = (build(c.net() as never) as unknown as { compile(o: object): Trainable }).compile({
      loss: "nll",
      // adam moves every weight with a gradient by about the learning rate, whatever the gradient's size
      // (an LSTM's saturated gates give tiny ones): the bias of the last linear reaches Infinity by step 4
      optimizer: "adam",
      learningRate: 1e38,
    });
    const [x, y] = [c.x(), c.y()];
    let beforeLastBatch: string[] = [];
    const remember = { onBatchBegin: () => void (beforeLastBatch = bytes(model.tfjs)) };
    await assert.rejects(model.fit(x, y, { verbose: 0, epochs: 8, callbacks: remember }), {
      name: "DataError",
      message: /^fit: (a weight became non-finite|the loss became)/,
    });
    assert.deepEqual(bytes(model.tfjs), beforeLastBatch);
    assert.ok(model.tfjs.weights.every((w) => w.read().dataSync().every(Number.isFinite)));
    model.dispose();
    dispose(x);
  });

  test(`${c.name}: corrupt, foreign and missing files are refused; tensors flat over fits, predicts, evaluates, failed loads, builds and loads disposed`, async (t) => {
    const model = trainable(c);
    const [x, y] = [c.x(), c.y()];
    await model.fit(x, y, { verbose: 0 }); // the optimizer's state is made once
    const base = path.join(dir, `${c.name.replace(/\W+/g, "-")}-leaks`);
    const corrupt = `${base}-corrupt`;
    await model.save(corrupt);
    appendFileSync(weightsFileOf(corrupt), Buffer.alloc(8));
    await assert.rejects(loadOf(c, corrupt), ModelFileError);
    const renamed = `${base}-renamed`;
    await model.save(renamed);
    const json = JSON.parse(readFileSync(path.join(renamed, "model.json"), "utf8"));
    json.weightsManifest[0].weights.at(-1).name = "renamed";
    writeFileSync(path.join(renamed, "model.json"), JSON.stringify(json));
    await assert.rejects(loadOf(c, renamed), ModelFileError);
    const foreign = `${base}-foreign`; // another model's files
    await build(sequential(input([4]), nn.linear(4, 3), nn.logSoftmax(1))).save(foreign);
    await assert.rejects(loadOf(c, foreign), (error: unknown) => {
      assert.ok(error instanceof Error && ["ShapeError", "ModelFileError"].includes(error.name), String(error));
      return true;
    });
    const failedLoads = [() => loadOf(c, `${base}-nowhere`), () => loadOf(c, corrupt), () => loadOf(c, renamed)];
    if (c.name.startsWith("defineLayer")) {
      // model.json names a custom layer whose definition is not imported here
      const undefinedLayer = `${base}-undefined`;
      await model.save(undefinedLayer);
      const file = path.join(undefinedLayer, "model.json");
      writeFileSync(file, readFileSync(file, "utf8").replaceAll(">positionalEmbedding", ">relativeBias"));
      await assert.rejects(loadOf(c, undefinedLayer), {
        name: "ModelFileError",
        message: /"relativeBias".*not defined here/,
      });
      failedLoads.push(() => loadOf(c, undefinedLayer));
    }
    const round = async () => {
      await model.fit(x, y, { verbose: 0, batchSize: 2 });
      tf.dispose(model.predict(x) as tf.Tensor);
      await model.evaluate(x, y);
    };
    await round();
    const start = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await round();
    const afterRounds = tf.memory().numTensors;
    for (let i = 0; i < 15; i++) await assert.rejects(failedLoads[i % failedLoads.length]!());
    const afterLoads = tf.memory().numTensors;
    // A model built or loaded and disposed leaves nothing (tfjs kept a layer applied twice: 2 tensors per linear).
    const good = `${base}-good`;
    await model.save(good);
    for (let i = 0; i < 5; i++) builtOf(c).dispose();
    for (let i = 0; i < 5; i++) {
      const loaded = await loadOf(c, good);
      tf.dispose(Object.values(loaded.stateDict())); // a loaded model rebuilds its parameter map once
      loaded.dispose();
    }
    const afterDisposed = tf.memory().numTensors;
    t.diagnostic(
      `tensors: ${start} before, ${afterRounds} after 10 fit+predict+evaluate, ${afterLoads} after 15 failed loads, ${afterDisposed} after 5 builds and 5 loads disposed`,
    );
    assert.deepEqual([afterRounds, afterLoads, afterDisposed], [start, start, start]);
    model.dispose();
    dispose(x);
  });
}

test("a graph whose inputs include LSTM states (not batch-first): NaN in a state refused, predict leaks nothing", () => {
  const x = input([5, 3], { batch: 4 });
  const [h0, c0] = [input([4, 4], { batch: 1 }), input([4, 4], { batch: 1 })];
  const [out, [h, c]] = nn.lstm(3, 4).call(x, [h0, c0]);
  const model = build(graph({ inputs: [x, h0, c0], outputs: [out, h, c] }) as never) as unknown as Built;
  const data = [seeded([4, 5, 3], 9), tf.zeros([1, 4, 4]), tf.zeros([1, 4, 4])];
  const nan = [data[0]!, withNaN([1, 4, 4], 10, [0, 2, 1]), data[2]!];
  assert.throws(() => model.predict(nan), {
    name: "DataError",
    message: "predict (input 1): the value at [0, 2, 1] is NaN; the data must be finite numbers",
  });
  const shapes = (model.predict(data) as tf.Tensor[]).map((t) => t.shape);
  assert.deepEqual(shapes, [
    [4, 5, 4],
    [1, 4, 4],
    [1, 4, 4],
  ]);
  const start = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) {
    tf.dispose(model.predict(data) as tf.Tensor[]); // the whole graph in one batch (tfjs's execute): 6 tensors kept before
    assert.throws(() => model.predict(nan));
  }
  assert.equal(tf.memory().numTensors, start);
  model.dispose();
  tf.dispose([...data, nan[1]!]);
});

test("load refuses a declared model that differs inside a model used as a layer, or in an option its text omits", async () => {
  const withBlock = (activation: () => ReturnType<typeof nn.tanh> | ReturnType<typeof nn.relu>) => () => {
    const block = named("block", sequential(input([6]), nn.linear(6, 6), activation()));
    return sequential(input([6]), block, block, nn.linear(6, 3));
  };
  const where = path.join(dir, "inner-differs");
  await builtOfNet(withBlock(() => nn.tanh())).save(where);
  // before: loaded, with the stored tanh, although the declared block ends in relu
  await assert.rejects(load(withBlock(() => nn.relu())() as never, where), {
    name: "ShapeError",
    message: `load(${where}): the stored model differs from the declared one at layer 2: stored block (sequential) / 1 tanh(), declared block (sequential) / 1 relu()`,
  });
  const lstmNet = (bias: boolean) => () => {
    const x = input([5, 3]);
    const [out] = nn.lstm(3, 4, { bias }).call(x);
    return graph({ inputs: [x], outputs: [out] });
  };
  const lstmWhere = path.join(dir, "bias-differs");
  await builtOfNet(lstmNet(true)).save(lstmWhere);
  // before: loaded with the stored biases (the layer's text is lstm(3, 4) either way)
  await assert.rejects(load(lstmNet(false)() as never, lstmWhere), {
    name: "ShapeError",
    message: `load(${lstmWhere}): the stored model's weights differ from the declared one's: stored 0.0.lstm/bias_ih_l0 [16], declared nothing more`,
  });
  const same = await load(lstmNet(true)() as never, lstmWhere);
  (same as unknown as Built).dispose();
});

test("load refuses a declared model whose layers compute otherwise in a setting their text does not show", async () => {
  const cases: [string, () => unknown, () => unknown, string][] = [
    [
      "alignCorners",
      () => sequential(input([2, 4, 4]), nn.upsample({ scaleFactor: 2, mode: "bilinear", alignCorners: true })),
      () => sequential(input([2, 4, 4]), nn.upsample({ scaleFactor: 2, mode: "bilinear", alignCorners: false })),
      "shapecheck>Upsample 0.upsample: stored align_corners true, declared align_corners false",
    ],
    [
      "activation",
      () => sequential(input([5, 8]), nn.transformerEncoderLayer(8, 2, { dimFeedforward: 16 })),
      () => sequential(input([5, 8]), nn.transformerEncoderLayer(8, 2, { dimFeedforward: 16, activation: "gelu" })),
      'shapecheck>Transformer 0.transformerEncoderLayer: stored activation "relu", declared activation "gelu"',
    ],
    [
      "eps",
      () => sequential(input([4, 3, 3]), nn.groupNorm(2, 4)),
      () => sequential(input([4, 3, 3]), nn.groupNorm(2, 4, { eps: 1e-3 })),
      "shapecheck>GroupNorm 0.groupNorm: stored eps 0.00001, declared eps 0.001",
    ],
  ];
  for (const [name, saved, declared, message] of cases) {
    const where = path.join(dir, `settings-${name}`);
    await builtOfNet(saved).save(where);
    // before: each loaded, computing as the stored model (the layers' texts are equal)
    await assert.rejects(load(declared() as never, where), {
      name: "ShapeError",
      message: `load(${where}): the stored model computes otherwise than the declared one in its layer ${message}`,
    });
    ((await load(saved() as never, where)) as unknown as Built).dispose();
  }
});
