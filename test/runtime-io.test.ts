// Save and load in the TensorFlow.js format on the local file system: nothing is lost, the files
// are what tf.loadLayersModel reads, and loading checks the declared shapes.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, nn, sequential, ShapeError } from "../src/index.ts";
import { build, fileSystem, load, ready } from "../src/tfjs.ts";

const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-io-"));
before(async () => {
  await ready();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const net = () =>
  sequential(
    input([1, 12, 12]),
    nn.conv2d(1, 4, 3, 1, 1),
    nn.relu(),
    nn.maxPool2d(3, 2, 1),
    nn.dropout(0.25),
    nn.flatten(),
    nn.linear(144, 5),
    nn.logSoftmax(1),
  );
const x = () => tf.randomNormal([4, 1, 12, 12], 0, 1, "float32", 7);

/** Every weight's raw bytes. */
const bytes = (model: tfl.LayersModel) =>
  model.weights.map((w) => Buffer.from(w.read().dataSync().buffer).toString("hex"));

test("round trip: weights bit-identical, predictions equal", async () => {
  const model = build(net()).compile({ loss: "nll" });
  await model.fit(x(), tf.tensor([0, 1, 2, 3], [4], "int32"), { epochs: 1, verbose: 0 }); // not the initial weights
  const where = path.join(dir, "round-trip");
  await model.save(where);
  const loaded = await load(net(), where);
  assert.deepEqual(bytes(loaded.tfjs), bytes(model.tfjs));
  assert.deepEqual(loaded.predict(x()).dataSync(), model.predict(x()).dataSync());
  assert.deepEqual(Object.keys(loaded.stateDict()), ["0.weight", "0.bias", "5.weight", "5.bias"]);
});

test("the files are model.json + weights.<id>.bin, in the format tf.loadLayersModel reads", async () => {
  const model = build(net());
  const where = path.join(dir, "format");
  const result = await model.save(`file://${where}`);
  assert.ok(result.modelArtifactsInfo.weightDataBytes! > 0);
  const json = JSON.parse(readFileSync(path.join(where, "model.json"), "utf8"));
  assert.equal(json.format, "layers-model");
  // The weights file is named anew by every save (saves are atomic: see runtime-safety.test.ts).
  const [weightsName] = json.weightsManifest[0].paths;
  assert.match(weightsName, /^weights\.[0-9a-z]+\.bin$/);
  assert.deepEqual(readdirSync(where).sort(), ["model.json", weightsName]);
  assert.equal(readFileSync(path.join(where, weightsName)).byteLength, result.modelArtifactsInfo.weightDataBytes);
  assert.deepEqual(
    json.userDefinedMetadata.shapecheck.layers,
    net().layers.map((layer) => layer.written),
  );
  // tfjs itself reads it back: through our file:// router, a file URL to model.json, and an IOHandler.
  for (const source of [`file://${where}`, pathToFileURL(path.join(where, "model.json")).href, fileSystem(where)]) {
    const plain = await tfl.loadLayersModel(source);
    assert.deepEqual((plain.predict(x()) as tf.Tensor).dataSync(), model.predict(x()).dataSync());
  }
});

test("loading checks the stored input and output shapes against the declared ones", async () => {
  const where = path.join(dir, "shapes");
  await build(net()).save(where);
  const otherInput = sequential(
    input([1, 14, 14]),
    nn.conv2d(1, 4, 3, 1, 1),
    nn.relu(),
    nn.maxPool2d(3, 2, 1),
    nn.dropout(0.25),
    nn.flatten(),
    nn.linear(196, 5),
    nn.logSoftmax(1),
  );
  await assert.rejects(
    load(otherInput, where),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message ===
        `load(${where}): the stored model's input shape [number, 1, 12, 12] differs from the declared [number, 1, 14, 14]`,
  );
  const otherOutput = sequential(
    input([1, 12, 12]),
    nn.conv2d(1, 4, 3, 1, 1),
    nn.relu(),
    nn.maxPool2d(3, 2, 1),
    nn.dropout(0.25),
    nn.flatten(),
    nn.linear(144, 7),
    nn.logSoftmax(1),
  );
  await assert.rejects(load(otherOutput, where), {
    name: "ShapeError",
    message: `load(${where}): the stored model's output shape [number, 5] differs from the declared [number, 7]`,
  });
  const otherLayers = sequential(
    input([1, 12, 12]),
    nn.conv2d(1, 4, 3, 1, 1),
    nn.relu(),
    nn.maxPool2d(3, 2, 1),
    nn.dropout(0.5),
    nn.flatten(),
    nn.linear(144, 5),
    nn.logSoftmax(1),
  );
  await assert.rejects(load(otherLayers, where), {
    name: "ShapeError",
    message: `load(${where}): the stored model differs from the declared one at layer 3: stored dropout(0.25), declared dropout(0.5)`,
  });
  const fewer = sequential(
    input([1, 12, 12]),
    nn.conv2d(1, 4, 3, 1, 1),
    nn.relu(),
    nn.maxPool2d(3, 2, 1),
    nn.dropout(0.25),
    nn.flatten(),
    nn.linear(144, 5),
  );
  await assert.rejects(load(fewer, where), {
    name: "ShapeError",
    message: `load(${where}): the stored model has 7 layers, the declared one 6`,
  });
});

test("a model saved by plain tfjs loads when its shapes fit", async () => {
  const plain = tfl.sequential({
    layers: [tfl.layers.flatten({ inputShape: [1, 12, 12] }), tfl.layers.dense({ units: 5, activation: "softmax" })],
  });
  const where = path.join(dir, "plain");
  await plain.save(fileSystem(where));
  const declared = sequential(input([1, 12, 12]), nn.flatten(), nn.linear(144, 5), nn.softmax(1));
  const loaded = await load(declared, where);
  assert.deepEqual(loaded.predict(x()).dataSync(), (plain.predict(x()) as tf.Tensor).dataSync());
});

test("a missing model says where it looked", async () => {
  await assert.rejects(
    load(net(), path.join(dir, "nowhere")),
    new RegExp(`load: cannot read ${path.join(dir, "nowhere", "model.json")} \\(ENOENT: no such file or directory\\)`),
  );
});
