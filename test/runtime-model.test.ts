// The typed model: predict, compile, fit, evaluate, and the checks at its boundary.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential, ShapeError } from "../src/index.ts";
import { build, ready, tensor } from "../src/tfjs.ts";

before(async () => {
  await ready();
});

const small = () =>
  sequential(
    input([1, 8, 8]),
    nn.conv2d(1, 4, 3),
    nn.relu(),
    nn.maxPool2d(2),
    nn.flatten(),
    nn.linear(36, 3),
    nn.logSoftmax(1),
  );

/** A learnable toy problem: the class is the row (top, middle, bottom) of the brightest pixel block. */
function toyData(n: number): { x: tf.Tensor; y: tf.Tensor } {
  const pixels = new Float32Array(n * 64);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 3;
    labels[i] = label;
    const row = label * 3;
    for (let r = row; r < row + 2; r++)
      for (let c = (i * 5) % 6; c < ((i * 5) % 6) + 2; c++) pixels[i * 64 + r * 8 + c] = 1;
  }
  return { x: tf.tensor(pixels, [n, 1, 8, 8]), y: tf.tensor(labels, [n], "int32") };
}

test("predict: [n, 1, 8, 8] in, [n, 3] out, log-probabilities", () => {
  const model = build(small());
  const out = model.predict(tensor(new Float32Array(5 * 64), [null, 1, 8, 8]));
  assert.deepEqual(out.shape, [5, 3]);
  const sums = tf.sum(tf.exp(out), 1).dataSync();
  for (const s of sums) assert.ok(Math.abs(s - 1) < 1e-5);
});

test("predict refuses untyped data of another shape with a ShapeError, before TensorFlow.js sees it", () => {
  const model = build(small());
  const numTensors = tf.memory().numTensors;
  assert.throws(
    () => model.predict(tf.zeros([2, 64]) as never),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message === "predict: expected a tensor of shape [number, 1, 8, 8], got [2, 64]",
  );
  assert.throws(() => model.predict([[1, 2, 3]] as never), {
    name: "ShapeError",
    message: "predict: expected a tensor of shape [number, 1, 8, 8], got [1, 3]",
  });
  assert.equal(tf.memory().numTensors, numTensors + 1, "only the zeros tensor of the test is left");
});

test("predict takes nested arrays and a flat array of whole examples", () => {
  const model = build(small());
  assert.deepEqual(model.predict(new Float32Array(2 * 64) as never).shape, [2, 3]);
  const nested = Array.from({ length: 1 }, () => [Array.from({ length: 8 }, () => new Array(8).fill(0))]);
  assert.deepEqual(model.predict(nested as never).shape, [1, 3]);
});

test("fit with class indices (loss nll) learns; history and evaluate use the metric names given", async () => {
  const { x, y } = toyData(96);
  const model = build(small()).compile({ optimizer: "adam", learningRate: 0.02, loss: "nll", metrics: ["accuracy"] });
  const history = await model.fit(x, y, { epochs: 8, batchSize: 16, verbose: 0, validationData: [x, y] });
  assert.deepEqual(Object.keys(history.history).sort(), ["accuracy", "loss", "val_accuracy", "val_loss"]);
  assert.equal(history.epoch.length, 8);
  assert.ok(history.history.loss.at(-1)! < history.history.loss[0]!, `loss ${history.history.loss}`);
  const result = await model.evaluate(x, y);
  assert.deepEqual(Object.keys(result).sort(), ["accuracy", "loss"]);
  assert.ok(result.accuracy > 0.9, `accuracy ${result.accuracy}`);
});

test("fit checks targets: shape, batch size, class range", async () => {
  const { x, y } = toyData(12);
  const model = build(small()).compile({ loss: "nll" });
  await assert.rejects(model.fit(x, tf.oneHot(y, 3) as never, { verbose: 0 }), {
    name: "ShapeError",
    message: "fit (y): expected a tensor of shape [number], got [12, 3]",
  });
  await assert.rejects(model.fit(x, tf.slice(y, 0, 10) as never, { verbose: 0 }), {
    name: "ShapeError",
    message: "fit: x has 12 examples and y has 10: the batch dimensions must be equal",
  });
  await assert.rejects(model.fit(x, tf.fill([12], 3, "int32") as never, { verbose: 0 }), {
    name: "RangeError",
    message: "fit (y): class indices must be integers from 0 to 2, got values from 3 to 3",
  });
  await assert.rejects(model.fit(tf.zeros([12, 64]) as never, y as never, { verbose: 0 }), {
    name: "ShapeError",
    message: "fit (x): expected a tensor of shape [number, 1, 8, 8], got [12, 64]",
  });
});

test("one-hot targets with categoricalCrossentropy after softmax", async () => {
  const { x, y } = toyData(24);
  const net = sequential(input([1, 8, 8]), nn.flatten(), nn.linear(64, 3), nn.softmax(1));
  const model = build(net).compile({ optimizer: "sgd", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const history = await model.fit(x, tf.oneHot(y, 3), { epochs: 1, verbose: 0 });
  assert.equal(history.history.accuracy.length, 1);
  const sparse = build(net).compile({ loss: "sparseCategoricalCrossentropy", metrics: ["accuracy"] });
  const result = await sparse.evaluate(x, y);
  assert.ok(Number.isFinite(result.loss) && result.accuracy >= 0 && result.accuracy <= 1);
});

test("crossEntropy on logits equals nll on logSoftmax", async () => {
  const { x, y } = toyData(9);
  const logits = build(sequential(input([1, 8, 8]), nn.flatten(), nn.linear(64, 3))).compile({ loss: "crossEntropy" });
  const logProbabilities = build(
    sequential(input([1, 8, 8]), nn.flatten(), nn.linear(64, 3), nn.logSoftmax(1)),
  ).compile({ loss: "nll" });
  logProbabilities.loadStateDict(logits.stateDict());
  const [a, b] = [await logits.evaluate(x, y), await logProbabilities.evaluate(x, y)];
  assert.ok(Math.abs(a.loss - b.loss) < 1e-5, `${a.loss} vs ${b.loss}`);
});

test("compile says which loss fits the model's last layer", () => {
  assert.throws(() => build(small()).compile({ loss: "categoricalCrossentropy" }), {
    message:
      'compile: the model ends in logSoftmax(1), whose outputs are log-probabilities: use loss "nll" (PyTorch\'s NLLLoss)',
  });
  const softmax = sequential(input([4]), nn.linear(4, 3), nn.softmax(1));
  assert.throws(
    () => build(softmax).compile({ loss: "nll" }),
    /ends in softmax\(1\), whose outputs are probabilities: use loss "categoricalCrossentropy"/,
  );
  const logits = sequential(input([4]), nn.linear(4, 3));
  assert.throws(
    () => build(logits).compile({ loss: "sparseCategoricalCrossentropy" }),
    /ends in linear\(4, 3\), whose outputs are logits: use loss "crossEntropy"/,
  );
});

test("fit is quiet with verbose 0, and with verbose 1 when stdout is not a terminal", async () => {
  const { x, y } = toyData(8);
  const model = build(small()).compile({ loss: "nll" });
  const written: string[] = [];
  const write = process.stdout.write;
  const isTTY = process.stdout.isTTY;
  process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    process.stdout.isTTY = false;
    await model.fit(x, y, { epochs: 1, verbose: 1 });
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    assert.deepEqual(written, []);
    await model.fit(x, y, { epochs: 2, verbose: 2 });
  } finally {
    process.stdout.write = write;
    process.stdout.isTTY = isTTY;
  }
  assert.equal(written.length, 2);
  assert.match(written[0]!, /^Epoch 1\/2 - \d+s - loss \d\.\d{4}\n$/);
});

test("fit and evaluate on an uncompiled model (from JavaScript) say to compile first", async () => {
  const model = build(small()) as unknown as { fit(x: unknown, y: unknown): Promise<unknown> };
  await assert.rejects(model.fit(tf.zeros([1, 1, 8, 8]), tf.zeros([1])), /fit: compile the model first/);
});

test("user callbacks run alongside", async () => {
  const { x, y } = toyData(8);
  const epochs: number[] = [];
  await build(small())
    .compile({ loss: "nll" })
    .fit(x, y, {
      epochs: 2,
      verbose: 0,
      callbacks: {
        onEpochEnd: async (epoch) => {
          epochs.push(epoch);
        },
      },
    });
  assert.deepEqual(epochs, [0, 1]);
});
