// toTfjs: the structure of the converted model (permutes only where the layout changes, standard
// tfjs layers), the layers that cannot be converted yet, and weights in PyTorch's layout.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, layers, nn, sequential, ShapeError } from "../src/index.ts";
import { build, NotConvertibleError, ready, toTfjs, type Net } from "../src/tfjs.ts";
import { mnist } from "../examples/mnist.ts";

before(async () => {
  await ready();
});

/** The SPEC network (PyTorch's MNIST example): the one in examples/mnist.ts. */
const spec = () => mnist;

test("the SPEC network: no transpose (one channel is a reshape; flatten's order is folded into the linear); relus fused", () => {
  const model = toTfjs(spec());
  assert.deepEqual(
    model.layers.map((layer) => `${layer.name}:${layer.getClassName()}`),
    [
      "input:InputLayer",
      "0.to_channels_last:Reshape",
      "0.conv2d:Conv2D",
      "2.conv2d:Conv2D",
      "4.maxPool2d:MaxPooling2D",
      "5.dropout:Dropout",
      "6.flatten:Flatten",
      "7.linear:Dense",
      "9.dropout:Dropout",
      "10.linear:Dense",
      "11.logSoftmax:Activation",
    ],
  );
  // conv + relu and linear + relu run as one fused kernel each
  assert.deepEqual(
    ["0.conv2d", "2.conv2d", "7.linear", "10.linear"].map((name) => model.getLayer(name).getConfig().activation),
    ["relu", "relu", "relu", "linear"],
  );
  assert.deepEqual(model.inputs[0]!.shape, [null, 1, 28, 28]);
  assert.deepEqual(model.outputs[0]!.shape, [null, 10]);
  assert.equal(model.countParams(), 1_199_882); // PyTorch's count for this network
});

test("a channels-first output is permuted back; a fully convolutional net keeps unknown sizes", () => {
  const model = toTfjs(sequential(input([3, null, null]), nn.conv2d(3, 8, 3, 1, 1), nn.relu(), nn.conv2d(8, 2, 1)));
  assert.deepEqual(model.outputs[0]!.shape, [null, 2, null, null]);
  assert.deepEqual(model.layers.at(-1)!.name, "output.to_channels_first");
  assert.deepEqual((model.predict(tf.zeros([1, 3, 5, 7])) as tf.Tensor).shape, [1, 2, 5, 7]);
});

test("initial weights follow PyTorch: U(−1/√fanIn, 1/√fanIn)", () => {
  const weights = build(spec()).stateDict();
  const bound = (key: string) => tf.max(tf.abs(weights[key]!)).dataSync()[0]!;
  const within = (value: number, limit: number) => value <= Math.fround(limit) * (1 + 1e-6); // float32 samples
  assert.ok(within(bound("0.weight"), 1 / 3) && bound("0.weight") > 0.3, `0.weight: ${bound("0.weight")}`);
  assert.ok(within(bound("7.weight"), 1 / 96) && bound("7.weight") > 0.0103, `7.weight: ${bound("7.weight")}`);
  assert.ok(within(bound("7.bias"), 1 / 96), `7.bias: ${bound("7.bias")}`);
});

test("state dict: PyTorch's keys and shapes; round trip", () => {
  const model = build(spec());
  const dict = model.stateDict();
  assert.deepEqual(Object.fromEntries(Object.entries(dict).map(([key, value]) => [key, value.shape])), {
    "0.weight": [32, 1, 3, 3],
    "0.bias": [32],
    "2.weight": [64, 32, 3, 3],
    "2.bias": [64],
    "7.weight": [128, 9216],
    "7.bias": [128],
    "10.weight": [10, 128],
    "10.bias": [10],
  });
  const other = build(spec());
  other.loadStateDict(dict);
  const x = tf.randomNormal([2, 1, 28, 28]);
  assert.deepEqual(other.predict(x).dataSync(), model.predict(x).dataSync());
});

test("loadStateDict checks keys, then shapes, before writing anything", () => {
  const model = build(spec());
  const dict: Record<string, tf.Tensor> = model.stateDict();
  const before = model.stateDict()["0.weight"]!.dataSync();
  assert.throws(() => model.loadStateDict({ ...dict, "7.weight": undefined!, "12.weight": tf.zeros([1]) }), {
    message: /^loadStateDict: missing keys "7.weight"; unexpected keys "12.weight" \(expected "0.weight", /,
  });
  assert.throws(
    () => model.loadStateDict({ ...dict, "0.weight": tf.zeros([32, 3, 3]), "2.weight": tf.zeros([64, 32, 3, 3]) }),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message === "loadStateDict (0.weight): expected a tensor of shape [32, 1, 3, 3], got [32, 3, 3]",
  );
  assert.deepEqual(model.stateDict()["0.weight"]!.dataSync(), before);
  assert.deepEqual(model.stateDict()["2.weight"]!.dataSync(), dict["2.weight"]!.dataSync(), "nothing written");
  model.loadStateDict({ "10.bias": new Float32Array(10).fill(1) }, { strict: false });
  assert.deepEqual([...model.stateDict()["10.bias"]!.dataSync()], new Array(10).fill(1));
});

test("layers with no TensorFlow.js equivalent yet throw a NotConvertibleError naming them", () => {
  const cases: Array<[() => Net, string]> = [
    // tfjs's conv2dTranspose needs the spatial size (with groups or a dilation, shapecheck's ConvTranspose takes any)
    [
      () => sequential(input([2, null, null]), nn.convTranspose2d(2, 3, 3, 2)),
      "toTfjs: convTranspose2d(2, 3, 3, 2) cannot be converted to TensorFlow.js yet: its input's spatial size must be known",
    ],
    [
      () => sequential(input([3]), nn.concat(0, [nn.linear(3, 2)], [nn.linear(3, 2)])),
      "toTfjs: concat(0, 2 branches) cannot be converted to TensorFlow.js yet: TensorFlow.js layers keep the batch dimension apart",
    ],
    [
      () => sequential(input([2, 3]), nn.flatten(0)),
      "toTfjs: flatten(0, -1) cannot be converted to TensorFlow.js yet: TensorFlow.js layers keep the batch dimension apart",
    ],
    [
      () => sequential(input([2, 3]), nn.softmax(0)),
      "toTfjs: softmax(0) cannot be converted to TensorFlow.js yet: TensorFlow.js layers keep the batch dimension apart",
    ],
  ];
  for (const [make, message] of cases)
    assert.throws(
      () => toTfjs(make()),
      (error: unknown) => error instanceof NotConvertibleError && error.message === message,
    );
});

test("a layer kind without a converter names itself", () => {
  const strange = { kind: "strange", written: "strange()", outputShape: (shape: unknown) => shape };
  const net = (sequential as (...args: unknown[]) => Net)(input([3]), strange);
  assert.throws(() => toTfjs(net), {
    name: "NotConvertibleError",
    message: 'toTfjs: strange() cannot be converted to TensorFlow.js yet (no converter for "strange" layers)',
  });
});

test("the layers vocabulary converts to tfjs's own layers, as written; weights keep tfjs's names and layouts", () => {
  const net = sequential(
    input([12, 12, 1]),
    layers.conv2d({ filters: 4, kernelSize: 3, activation: "relu" }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dropout({ rate: 0.5 }),
    layers.dense({ units: 3, activation: "softmax" }),
  );
  const model = build(net);
  assert.deepEqual(
    model.tfjs.layers.map((layer) => layer.getClassName()),
    ["InputLayer", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"],
  );
  const plain = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, activation: "relu" }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dropout({ rate: 0.5 }),
      tfl.layers.dense({ units: 3, activation: "softmax" }),
    ],
  });
  const [kernel, bias, dense, denseBias] = plain.getWeights();
  model.loadStateDict({ "0.kernel": kernel!, "0.bias": bias!, "4.kernel": dense!, "4.bias": denseBias! });
  const x = tf.randomNormal([2, 12, 12, 1]);
  assert.deepEqual(model.predict(x).dataSync(), (plain.predict(x) as tf.Tensor).dataSync());
});

test("layers.embedding keeps its inputDim (the vocabulary); layers.dense's inputDim only names the input", () => {
  const model = build(
    sequential(
      input([6]),
      layers.embedding({ inputDim: 20, outputDim: 4 }),
      layers.flatten(),
      layers.dense({ units: 2, inputDim: 24 }),
    ),
  );
  assert.deepEqual(Object.fromEntries(Object.entries(model.stateDict()).map(([key, value]) => [key, value.shape])), {
    "0.embeddings": [20, 4],
    "2.kernel": [24, 2],
    "2.bias": [2],
  });
  assert.deepEqual(model.predict(tf.zeros([3, 6])).shape, [3, 2]);
});

test("a linear after a flatten of any image size runs on data that fits, and says what does not with its own message", () => {
  const net = sequential(input([3, null, null]), nn.conv2d(3, 16, 3), nn.flatten(), nn.linear(1024, 10));
  const model = build(net);
  assert.deepEqual(model.predict(tf.zeros([2, 3, 10, 10])).shape, [2, 10]); // 16·8·8 = 1024
  // The same text the compiler gives when the size is known: input([3, 12, 12]) with this linear.
  assert.throws(
    () => model.predict(tf.zeros([2, 3, 12, 12])),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message ===
        "linear(1024, 10): inFeatures must equal the last input dimension 1600 (input [2, 16·10·10 = 1600])",
  );
  model.dispose();
});

test("a size that a layer needs to be built but the input leaves unknown is a ShapeError, not a tfjs crash", () => {
  const net = sequential(input([3, null, null]), nn.conv2d(3, 16, 3), nn.flatten(), nn.batchNorm1d(1024));
  assert.throws(
    () => toTfjs(net),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message ===
        "toTfjs: a layer needs a size that is unknown until data arrives (input [number, 3, number, number]); give input() that size (TensorFlow.js builds every layer before it sees data)",
  );
});
