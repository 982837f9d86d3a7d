// nn.repeat (issue 17): the runtime twin's shapes and messages, copies with weights of their own, converted and trained.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential } from "../src/index.ts";
import { build, ready, toTfjs } from "../src/tfjs.ts";
import { resnet50 } from "../examples/resnet50.ts";

test("shapes: a block that keeps the shape, one that halves it", () => {
  assert.deepEqual(sequential(input([8, 6, 6]), nn.repeat(3, nn.conv2d(8, 8, 3, 1, 1), nn.relu())).outputShape, [
    null,
    8,
    6,
    6,
  ]);
  assert.deepEqual(sequential(input([8, 16, 16]), nn.repeat(2, nn.conv2d(8, 8, 3, 2, 1))).outputShape, [null, 8, 4, 4]);
  assert.deepEqual(resnet50.outputShape, [null, 1000]);
});

test("messages: the copy and the layer, as the types write them", () => {
  const repeat = nn.repeat as (n: unknown, ...layers: unknown[]) => never;
  assert.throws(() => sequential(input([64, 56, 56]), repeat(2, nn.conv2d(64, 128, 3, 1, 1))), {
    name: "ShapeError",
    message:
      "repeat(2, 1 layers), copy 2, layer 0: conv2d(64, 128, 3, 1, 1): inChannels must equal the input's channel dimension 128 (input [number, 128, 56, 56])",
  });
  assert.throws(() => repeat(0, nn.relu()), {
    name: "ShapeError",
    message: "repeat(0, 1 layers): n must be a positive integer, not 0",
  });
});

test("each copy has weights of its own (nested blocks too), converted and trained as one model", async () => {
  await ready();
  const net = sequential(
    input([4, 6, 6]),
    nn.repeat(2, nn.conv2d(4, 4, 3, 1, 1), nn.relu()),
    nn.repeat(3, nn.residual(nn.conv2d(4, 4, 3, 1, 1), nn.batchNorm2d(4))),
    nn.flatten(),
    nn.linear(144, 2),
  );
  const conv = 4 * 4 * 9 + 4;
  const batchNorm = 4 * 2;
  assert.equal(
    toTfjs(net).countParams() - 3 * 4 * 2 /* batch norms' moving statistics */,
    2 * conv + 3 * (conv + batchNorm) + 144 * 2 + 2,
  );
  const model = build(net).compile({ optimizer: "sgd", loss: "meanSquaredError" });
  const xs = tf.randomNormal([8, 4, 6, 6]);
  const ys = tf.randomNormal([8, 2]);
  const history = await model.fit(xs as never, ys as never, { epochs: 2, batchSize: 8, verbose: 0 });
  assert.equal(history.history.loss!.length, 2);
});
