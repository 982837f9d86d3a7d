// fit's progress bar in a terminal: epoch, batch, running loss and metrics, time left.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, nn, sequential } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { formatLogs, progressCallback } from "../src/runtime/progress.ts";

before(async () => {
  await ready();
});

/** A stream that says it is a terminal and keeps what is written. */
function terminal(isTTY: boolean): NodeJS.WriteStream & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text(): string };
  Object.assign(stream, {
    isTTY,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    text: () => chunks.join(""),
  });
  return stream;
}

test("the bar shows epoch, batch, running loss and metrics under the user's names, and time left", async () => {
  const model = build(sequential(input([4]), nn.linear(4, 3), nn.logSoftmax(1))).compile({
    loss: "nll",
    metrics: ["accuracy"],
  });
  const names = (key: string) => (key === "acc" || key === "torchAccuracy" ? "accuracy" : key);
  const stream = terminal(true);
  const callback = progressCallback({ verbose: 1, names, stream, fps: 1000 })!;
  assert.ok(callback);
  await model.tfjs.fit(
    tf.randomNormal([40, 4]),
    tf.oneHot(
      tf.tensor(
        [0, 1, 2, 0, 1, 2, 0, 1, 2, 0].flatMap((v) => [v, v, v, v]),
        [40],
        "int32",
      ),
      3,
    ),
    {
      epochs: 2,
      batchSize: 8,
      verbose: 0,
      callbacks: [
        callback,
        new tfl.CustomCallback({ onBatchEnd: () => new Promise((resolve) => setTimeout(resolve, 5)) }),
      ],
    },
  );
  const text = stream.text();
  assert.match(text, /Epoch 1\/2 .* 1\/5 \| loss \d\.\d{4} · accuracy \d\.\d{4} \| \d+s left/);
  assert.match(text, /Epoch 2\/2 .* 5\/5 \| loss \d\.\d{4} · accuracy \d\.\d{4} \| \d+s/);
});

test("no bar when the stream is not a terminal, or with verbose 0", () => {
  assert.equal(progressCallback({ verbose: 1, names: String, stream: terminal(false) }), null);
  assert.equal(progressCallback({ verbose: 0, names: String, stream: terminal(true) }), null);
  assert.ok(progressCallback({ verbose: 2, names: String, stream: terminal(false) }));
});

test("logs: training values first, then validation, under the user's names", () => {
  assert.equal(
    formatLogs({ val_loss: 0.5, val_acc: 0.75, loss: 0.25, acc: 0.875 }, (key) => key.replace("acc", "accuracy")),
    "loss 0.2500 · accuracy 0.8750 · val_loss 0.5000 · val_accuracy 0.7500",
  );
});
