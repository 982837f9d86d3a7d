// Generic helpers in the tf.layers vocabulary (issue 17): the models of test-d/model/helpers-layers.test-d.ts,
// converted to TensorFlow.js, have the shapes the type tests pin (tfjs's own layers compute them), and a wrong
// helper call throws the message test-d/errors/model/helpers.ts pins at compile time.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { input, layers, sequential, ShapeError } from "../src/index.ts";
import { ready, toTfjs } from "../src/tfjs.ts";

function block<F extends number, K extends number, S extends number>(f: F, k: K, s: S) {
  return [
    layers.conv2d({ filters: f, kernelSize: k, strides: s, padding: "same" }),
    layers.dense({ units: f }),
  ] as const;
}
const pool = <P extends number>(p: P) => layers.maxPooling2d({ poolSize: p });
const conv1 = <F extends number, K extends number, S extends number>(f: F, k: K, s: S) =>
  layers.conv1d({ filters: f, kernelSize: k, strides: s });
const conv3 = <F extends number, K extends number>(f: F, k: K) =>
  layers.conv3d({ filters: f, kernelSize: k, padding: "same" });
const transposed = <F extends number, K extends number, S extends number>(f: F, k: K, s: S) =>
  layers.conv2dTranspose({ filters: f, kernelSize: k, strides: s });
const depthwise = <K extends number, M extends number>(k: K, m: M) =>
  layers.depthwiseConv2d({ kernelSize: k, depthMultiplier: m });
const separable = <F extends number, K extends number>(f: F, k: K) =>
  layers.separableConv2d({ filters: f, kernelSize: k });
const maxPool1 = <P extends number>(p: P) => layers.maxPooling1d({ poolSize: p });
const avgPool2 = <P extends number, S extends number>(p: P, s: S) =>
  layers.averagePooling2d({ poolSize: p, strides: s });
const repeat = <N extends number>(n: N) => layers.repeatVector({ n });
const reshape = <A extends number, B extends number>(a: A, b: B) => layers.reshape({ targetShape: [a, b] });
const embedding = <V extends number, D extends number>(v: V, d: D) => layers.embedding({ inputDim: v, outputDim: d });
const padding = <P extends number>(p: P) => layers.zeroPadding2d({ padding: p });
const upsampling = <S extends number>(s: S) => layers.upSampling2d({ size: [s, s] });
const lstm = <U extends number>(u: U) => layers.lstm({ units: u, returnSequences: true });
const gru = <U extends number>(u: U) => layers.gru({ units: u });
const rnn = <U extends number>(u: U) => layers.simpleRNN({ units: u });
const crop = <C extends number>(c: C) => layers.cropping2D({ cropping: c });
const dense = <U extends number, I extends number>(u: U, i: I) => layers.dense({ units: u, inputDim: i });
const sequence = <T extends number>(t: T) => input([t, 8]);

/** The output shape of each of the tfjs model's layers (the input layer left out), batch as null. */
const tfjsTrace = (net: Parameters<typeof toTfjs>[0]) =>
  toTfjs(net)
    .layers.filter((layer) => layer.getClassName() !== "InputLayer")
    .map((layer) => layer.outputShape);

before(async () => assert.equal(await ready({ backend: "cpu" }), "cpu"));

test("models built from generic layers helpers have tfjs's shapes (the type tests' traces)", () => {
  const mnist = sequential(
    input([28, 28, 1]),
    ...block(8, 3, 1),
    pool(2),
    ...block(16, 3, 2),
    layers.flatten(),
    layers.dense({ units: 10 }),
  );
  assert.deepEqual(tfjsTrace(mnist), [
    [null, 28, 28, 8],
    [null, 28, 28, 8],
    [null, 14, 14, 8],
    [null, 7, 7, 16],
    [null, 7, 7, 16],
    [null, 784],
    [null, 10],
  ]);
  const recurrent = sequential(
    sequence(16),
    conv1(4, 3, 1),
    maxPool1(2),
    lstm(5),
    gru(6),
    repeat(3),
    rnn(2),
    dense(7, 2),
  );
  assert.deepEqual(tfjsTrace(recurrent), [
    [null, 14, 4],
    [null, 7, 4],
    [null, 7, 5],
    [null, 6],
    [null, 3, 6],
    [null, 2],
    [null, 7],
  ]);
  const image = sequential(
    input([32, 32, 3]),
    padding(1),
    transposed(4, 3, 2),
    depthwise(3, 2),
    separable(8, 3),
    avgPool2(2, 2),
    crop(1),
    upsampling(2),
  );
  assert.deepEqual(tfjsTrace(image), [
    [null, 34, 34, 3],
    [null, 69, 69, 4],
    [null, 67, 67, 8],
    [null, 65, 65, 8],
    [null, 32, 32, 8],
    [null, 30, 30, 8],
    [null, 60, 60, 8],
  ]);
  assert.deepEqual(tfjsTrace(sequential(input([8, 8, 8, 1]), conv3(4, 3))), [[null, 8, 8, 8, 4]]);
  const tokens = sequential(input([12]), embedding(100, 5), layers.flatten(), reshape(6, 10));
  assert.deepEqual(tfjsTrace(tokens), [
    [null, 12, 5],
    [null, 60],
    [null, 6, 10],
  ]);
});

test("a wrong helper call throws the compile-time message (test-d/errors/model/helpers.ts)", () => {
  const throws = (build: () => unknown, message: string) =>
    assert.throws(build, (error: unknown) => error instanceof ShapeError && error.message === message);
  throws(
    () => sequential(input([28, 28, 1]), ...block(8, 3, 2), pool(16 as number)),
    "maxPooling2d({ poolSize: 16 }): the kernel (extent 16) is larger than the padded input (14) in input dimension 1 (input [number, 14, 14, 8])",
  );
  throws(
    () => sequential(input([16, 8]), dense(7, 3 as number)),
    "dense({ units: 7, inputDim: 3 }): inputDim must equal the last input dimension 8 (input [number, 16, 8])",
  );
  throws(
    () => sequential(sequence(16), layers.conv2d({ filters: 2, kernelSize: 3 }) as never),
    "conv2d({ filters: 2, kernelSize: 3 }): expects an input [batch, height, width, channels] (rank 4), got rank 3 (input [number, 16, 8])",
  );
  throws(
    () => layers.conv2d({ filters: 8, kernel_size: 3 } as never),
    "conv2d({ filters: 8 }): kernel_size is not an option of TensorFlow.js's conv2d; did you mean `kernelSize`?",
  );
});
