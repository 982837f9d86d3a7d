// The ops examples build, predict the declared shapes and train a step in TensorFlow.js.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { transformerBlock } from "../examples/transformer-block.ts";
import { squeezeExcitation } from "../examples/squeeze-excitation.ts";
import { lstmClassifier } from "../examples/lstm-classifier.ts";
import { vitPatches } from "../examples/vit-patches.ts";
import { build, ready } from "../src/tfjs.ts";

before(async () => {
  await ready({ backend: "cpu" });
});

const examples = {
  "examples/transformer-block.ts": {
    net: transformerBlock,
    x: () => tf.randomNormal([2, 5, 64]),
    outputs: [[2, 5, 64]],
  },
  "examples/squeeze-excitation.ts": {
    net: squeezeExcitation,
    x: () => tf.randomNormal([2, 64, 6, 6]),
    outputs: [[2, 64, 6, 6]],
  },
  "examples/lstm-classifier.ts": {
    net: lstmClassifier,
    x: () => tf.randomUniform([2, 7], 0, 1000, "int32"),
    outputs: [[2, 5]],
  },
  "examples/vit-patches.ts": {
    net: vitPatches,
    x: () => tf.randomNormal([2, 3, 32, 32]),
    outputs: [
      [2, 17, 64],
      [2, 64],
    ],
  },
};

for (const [name, { net, x, outputs }] of Object.entries(examples)) {
  test(`${name}: builds, predicts the declared shapes and trains a step`, async () => {
    const model = build(net as any).compile({ optimizer: "adam", learningRate: 0.01, loss: "meanSquaredError" }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const xs = x();
    const ys = model.predict(xs);
    const shapes = (Array.isArray(ys) ? ys : [ys]).map((y: tf.Tensor) => y.shape);
    assert.deepEqual(shapes, outputs);
    const targets = outputs.map((shape) => tf.randomNormal(shape));
    const history = await model.fit(xs, targets.length === 1 ? targets[0] : targets, { epochs: 1, verbose: 0 });
    assert.ok(Number.isFinite(history.history.loss[0]), `loss ${history.history.loss[0]}`);
  });
}
