// node --import tsx examples/custom-layers/demo.ts: the custom layers of examples/ at work.
// PixelShuffle written with defineLayer (custom-pixel-shuffle.ts) computes what the built-in
// nn.pixelShuffle does; the learned positional embedding (positional-embedding.ts) trains, and its
// model saves and loads with the same weights, bit for bit. (In a folder of its own: the tests that
// open every examples/*.ts on its own would not find the files it imports.)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential } from "shapecheck";
import { build, load, ready } from "shapecheck/tfjs";
import { myPixelShuffle } from "../custom-pixel-shuffle.ts";
import { positionalEmbedding } from "../positional-embedding.ts";

await ready();

// 1. The custom PixelShuffle against the built-in one, on the same input.
const images = tf.randomNormal([2, 36, 5, 6], 0, 1, "float32", 1);
const mine = build(sequential(input([36, 5, 6]), myPixelShuffle(3))).predict(images);
const builtIn = build(sequential(input([36, 5, 6]), nn.pixelShuffle(3))).predict(images);
const shuffleDiff = tf.max(tf.abs(tf.sub(mine, builtIn))).dataSync()[0];
console.log(
  `myPixelShuffle(3) and nn.pixelShuffle(3): output [${mine.shape.join(", ")}], max difference ${shuffleDiff}`,
);

// 2. The positional embedding: one training step changes its parameter; save and load keep it.
const net = () => sequential(input([4, 8]), positionalEmbedding(4, 8), nn.flatten(), nn.linear(32, 3));
const model = build(net()).compile({ loss: "crossEntropy", optimizer: "adam" });
const tokens = tf.randomNormal([6, 4, 8], 0, 1, "float32", 2);
const labels = tf.tensor([0, 1, 2, 0, 1, 2], [6], "int32");
const before = model.stateDict()["0.weight"]!;
await model.fit(tokens, labels, { epochs: 1, verbose: 0 });
const after = model.stateDict()["0.weight"]!;
console.log(
  `one step: the positional parameter [4, 8] moved by ${tf.max(tf.abs(tf.sub(after, before))).dataSync()[0]}`,
);

const dir = mkdtempSync(join(tmpdir(), "shapecheck-custom-layers-"));
try {
  await model.save(dir);
  const loaded = await load(net(), dir);
  const same = tf.all(tf.equal(loaded.stateDict()["0.weight"]!, after)).dataSync()[0] === 1;
  console.log(`saved and loaded: the parameter is ${same ? "bit-identical" : "DIFFERENT"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
