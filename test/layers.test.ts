// The `layers` vocabulary at run time: the runtime twins give the shapes the types give (test-d/layers/), and each
// mistake throws a ShapeError whose text is the compile-time message pinned in test-d/errors/layers/.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { input, layers, sequential, ShapeError } from "../src/index.ts";

/** Builds from JavaScript (no compile-time check): the runtime must catch what the types catch. */
const loose = layers as unknown as Record<string, (args?: unknown) => never>;
const model = (example: (number | null | string)[], ...chain: unknown[]) =>
  sequential(input(example as never), ...(chain as never[])) as unknown as {
    outputShape: unknown[];
    trace: unknown[][];
  };
const throws = (build: () => unknown, message: string) =>
  assert.throws(build, (error: unknown) => error instanceof ShapeError && error.message === message);

describe("shapes", () => {
  test("Keras's MNIST convnet: flatten 1600, output [null, 10]", () => {
    const net = sequential(
      input([28, 28, 1]),
      layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.flatten(),
      layers.dropout({ rate: 0.5 }),
      layers.dense({ units: 10, activation: "softmax" }),
    );
    assert.deepEqual(net.trace, [
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 11, 11, 64],
      [null, 5, 5, 64],
      [null, 1600],
      [null, 1600],
      [null, 10],
    ]);
    assert.deepEqual(net.outputShape, [null, 10]);
    const [conv] = net.layers;
    assert.equal(conv.kind, "Conv2D");
    assert.equal(conv.written, "conv2d({ filters: 32, kernelSize: 3 })");
    assert.deepEqual(conv.args, { filters: 32, kernelSize: 3, activation: "relu" });
    assert.equal(conv.padding, "valid");
  });

  test("the same shapes as test-d/layers/", () => {
    const cases: [unknown[], unknown, unknown[]][] = [
      [[28, 27, 3], layers.conv2d({ filters: 8, kernelSize: 5, strides: 2, padding: "same" }), [null, 14, 14, 8]],
      [[32, 20, 3], layers.conv2d({ filters: 4, kernelSize: [5, 3], strides: [1, 3] }), [null, 28, 6, 4]],
      [[3, 32, 16], layers.conv2d({ filters: 6, kernelSize: 5, dataFormat: "channelsFirst" }), [null, 6, 28, 12]],
      [
        ["height", "width", 3],
        layers.conv2d({ filters: 4, kernelSize: 3, padding: "same" }),
        [null, "height", "width", 4],
      ],
      [[100, 8], layers.conv1d({ filters: 16, kernelSize: [7], padding: "same", dilationRate: 3 }), [null, 100, 16]],
      [[13, 10, 8], layers.averagePooling2d({ poolSize: [3, 2], strides: [2, 3], padding: "same" }), [null, 7, 4, 8]],
      [[null, 12, 3], layers.maxPooling2d({ poolSize: 4 }), [null, null, 3, 3]],
      [[10, 8], layers.maxPooling1d({ poolSize: 3 }), [null, 3, 8]],
      [[512, 7, 7], layers.globalMaxPooling2d({ dataFormat: "channelsFirst" }), [null, 512]],
      [["seq", 64], layers.dense({ units: 32 }), [null, "seq", 32]],
      [[7, 7, 64], layers.reshape({ targetShape: [-1, 64] }), [null, 49, 64]],
      [[null, 64], layers.reshape({ targetShape: [-1, 8, 8] }), [null, null, 8, 8]],
      [["h", 32, 3], layers.permute({ dims: [3, 1, 2] }), [null, 3, "h", 32]],
      [[4, 5], layers.embedding({ inputDim: 10, outputDim: 3 }), [null, 4, 5, 3]],
      [[4, "w"], layers.embedding({ inputDim: 10, outputDim: 3, inputLength: [4, 5] }), [null, 4, 5, 3]],
      [[32, "h", "w"], layers.batchNormalization({ axis: 1 }), [null, 32, "h", "w"]],
      [
        [4, 5, 2],
        layers.zeroPadding2d({
          padding: [
            [1, 2],
            [0, 3],
          ],
        }),
        [null, 7, 8, 2],
      ],
      [[3, null, 10], layers.zeroPadding2d({ padding: 3, dataFormat: "channelsFirst" }), [null, 3, null, 16]],
      [[4, 5, 2], layers.upSampling2d({ size: [2, 3] }), [null, 8, 15, 2]],
      [["seq", 16], layers.activation({ activation: "softmax" }), [null, "seq", 16]],
    ];
    for (const [example, layer, expected] of cases)
      assert.deepEqual(model(example as never, layer).outputShape, expected);
  });
});

describe("messages (the texts of test-d/errors/layers/)", () => {
  test("arguments", () => {
    throws(
      () => loose.conv2d!({ filters: 0, kernelSize: 3 }),
      "conv2d({ filters: 0, kernelSize: 3 }): filters must be a positive integer, not 0",
    );
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: 2.5 }),
      "conv2d({ filters: 8, kernelSize: 2.5 }): kernelSize must be a positive integer, not 2.5",
    );
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: [3, 3, 3] }),
      "conv2d({ filters: 8, kernelSize: [3, 3, 3] }): kernelSize must be a number or a tuple of 2, not a tuple of 3",
    );
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: 3, stride: 2 }),
      "conv2d({ filters: 8, kernelSize: 3 }): stride is not an option of TensorFlow.js's conv2d; did you mean `strides`?",
    );
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 }),
      "conv2d({ filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 }): strides and dilationRate cannot both be above 1 (TensorFlow.js)",
    );
    throws(
      () => loose.conv1d!({ filters: 8, kernelSize: 3, padding: "causal" }),
      "conv1d({ filters: 8, kernelSize: 3, padding: 'causal' }): padding 'causal' is not implemented in TensorFlow.js",
    );
    throws(
      () => loose.conv1d!({ filters: 8, kernelSize: 3, dataFormat: "channelsFirst" }),
      "conv1d({ filters: 8, kernelSize: 3, dataFormat: 'channelsFirst' }): dataFormat 'channelsFirst' is not supported: TensorFlow.js's Conv1D returns its output channels last",
    );
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: 3, dilationRate: 0 }),
      "conv2d({ filters: 8, kernelSize: 3, dilationRate: 0 }): dilationRate must be a positive integer, not 0",
    );
    throws(
      () => loose.maxPooling2d!({ poolSize: 0 }),
      "maxPooling2d({ poolSize: 0 }): poolSize must be a positive integer, not 0",
    );
    throws(
      () => loose.maxPooling1d!({ poolSize: [2, 2] }),
      "maxPooling1d({ poolSize: [2, 2] }): poolSize must be a number or a tuple of 1, not a tuple of 2",
    );
    throws(
      () => loose.averagePooling1d!({ poolSize: 2, dataFormat: "channelsLast" }),
      "averagePooling1d({ poolSize: 2, dataFormat: 'channelsLast' }): dataFormat is not an option of TensorFlow.js's averagePooling1d",
    );
    throws(() => loose.dense!({ units: 0 }), "dense({ units: 0 }): units must be a positive integer, not 0");
    throws(
      () => loose.reshape!({ targetShape: [-1, 4, -1] }),
      "reshape({ targetShape: [-1, 4, -1] }): targetShape can have only one -1",
    );
    throws(
      () => loose.reshape!({ targetShape: [0, 4] }),
      "reshape({ targetShape: [0, 4] }): targetShape sizes must be positive integers or -1, not 0",
    );
    throws(() => loose.permute!({ dims: [1, 3] }), "permute({ dims: [1, 3] }): dims must be a permutation of 1…2");
    throws(() => loose.permute!({ dims: [0, 1] }), "permute({ dims: [0, 1] }): dims must be a positive integer, not 0");
    throws(() => loose.dropout!({ rate: 1.5 }), "dropout({ rate: 1.5 }): rate must be between 0 and 1");
    throws(() => loose.dropout!({ rate: -0.1 }), "dropout({ rate: -0.1 }): rate must be between 0 and 1");
    throws(
      () => loose.activation!({ activation: "swishy" }),
      "activation({ activation: 'swishy' }): TensorFlow.js has no activation 'swishy'",
    );
    throws(
      () => loose.embedding!({ inputDim: 0, outputDim: 8 }),
      "embedding({ inputDim: 0, outputDim: 8 }): inputDim must be a positive integer, not 0",
    );
    throws(
      () =>
        loose.zeroPadding2d!({
          padding: [
            [1, -1],
            [0, 0],
          ],
        }),
      "zeroPadding2d({ padding: [[1, -1], [0, 0]] }): padding must be a non-negative integer, not -1",
    );
    throws(
      () => loose.upSampling2d!({ size: 2 }),
      "upSampling2d({ size: 2 }): size must be a tuple [rows, cols] (TensorFlow.js)",
    );
    throws(
      () => loose.upSampling2d!({ size: [2, 0] }),
      "upSampling2d({ size: [2, 0] }): size must be a positive integer, not 0",
    );
  });

  test("shapes", () => {
    throws(
      () => model([4, 4, 1], loose.conv2d!({ filters: 2, kernelSize: 5 })),
      "conv2d({ filters: 2, kernelSize: 5 }): the kernel (extent 5) is larger than the padded input (4) in input dimension 1 (input [number, 4, 4, 1])",
    );
    throws(
      () =>
        model(
          [3, 12, 9],
          loose.conv2d!({ filters: 2, kernelSize: 3, dilationRate: [1, 5], dataFormat: "channelsFirst" }),
        ),
      "conv2d({ filters: 2, kernelSize: 3, dilationRate: [1, 5], dataFormat: 'channelsFirst' }): the kernel (extent 11) is larger than the padded input (9) in input dimension 3 (input [number, 3, 12, 9])",
    );
    throws(
      () => model([784], loose.conv2d!({ filters: 8, kernelSize: 3 })),
      "conv2d({ filters: 8, kernelSize: 3 }): expects an input [batch, height, width, channels] (rank 4), got rank 2 (input [number, 784])",
    );
    throws(
      () => model([28, 28, 1], loose.conv1d!({ filters: 8, kernelSize: 3 })),
      "conv1d({ filters: 8, kernelSize: 3 }): expects an input [batch, length, channels] (rank 3), got rank 4 (input [number, 28, 28, 1])",
    );
    throws(
      () => model([28, 28, "channels"], loose.conv2d!({ filters: 8, kernelSize: 3 })),
      "conv2d({ filters: 8, kernelSize: 3 }): the channel dimension (axis 3) must be known: TensorFlow.js sizes the kernel from it (input [number, 28, 28, channels])",
    );
    throws(
      () => model([3, 3, 1], loose.maxPooling2d!({ poolSize: 4 })),
      "maxPooling2d({ poolSize: 4 }): the kernel (extent 4) is larger than the padded input (3) in input dimension 1 (input [number, 3, 3, 1])",
    );
    throws(
      () => model([1, 8], loose.maxPooling1d!()),
      "maxPooling1d(): the kernel (extent 2) is larger than the padded input (1) in input dimension 1 (input [number, 1, 8])",
    );
    throws(
      () => model([10, 8], loose.globalAveragePooling2d!()),
      "globalAveragePooling2d(): expects an input [batch, height, width, channels] (rank 4), got rank 3 (input [number, 10, 8])",
    );
    throws(
      () => model([5, 5, 64], loose.flatten!(), loose.dense!({ units: 10, inputDim: 1000 })),
      "dense({ units: 10, inputDim: 1000 }): inputDim must equal the last input dimension 1600 (input [number, 5·5·64 = 1600])",
    );
    throws(
      () => model([], loose.dense!({ units: 3 })),
      "dense({ units: 3 }): expects an input of rank 2 or more, got rank 1 (input [number])",
    );
    throws(
      () => model([8, "features"], loose.dense!({ units: 3 })),
      "dense({ units: 3 }): the last input dimension must be known: TensorFlow.js sizes the kernel from it (input [number, 8, features])",
    );
    throws(
      () => model([784], loose.flatten!()),
      "flatten(): expects an input of rank 3 or more, got rank 2 (input [number, 784])",
    );
    throws(
      () => model(["seq", 16], loose.flatten!()),
      "flatten(): dimension 1 must be known: TensorFlow.js flattens only fully known shapes (input [number, seq, 16])",
    );
    throws(
      () => model([4, 5], loose.reshape!({ targetShape: [3, 5] })),
      "reshape({ targetShape: [3, 5] }): the target shape has 15 elements, the input has 20 (input [number, 4, 5])",
    );
    throws(
      () => model([4, 5], loose.reshape!({ targetShape: [3, -1] })),
      "reshape({ targetShape: [3, -1] }): the input's 20 elements do not divide into the target's known sizes (3) (input [number, 4, 5])",
    );
    throws(
      () => model([4, 5, 6], loose.permute!({ dims: [2, 1] })),
      "permute({ dims: [2, 1] }): expects an input of rank 3, got rank 4 (input [number, 4, 5, 6])",
    );
    throws(
      () => model([10], loose.embedding!({ inputDim: 100, outputDim: 8, inputLength: 12 })),
      "embedding({ inputDim: 100, outputDim: 8, inputLength: 12 }): inputLength must match the input's dimensions after the batch [10] (input [number, 10])",
    );
    throws(
      () => model([4, 5], loose.embedding!({ inputDim: 100, outputDim: 8, inputLength: [4] })),
      "embedding({ inputDim: 100, outputDim: 8, inputLength: [4] }): inputLength must match the input's dimensions after the batch [4, 5] (input [number, 4, 5])",
    );
    throws(
      () => model([4, 4, 3], loose.batchNormalization!({ axis: 4 })),
      "batchNormalization({ axis: 4 }): axis 4 is out of range for an input of rank 4 (expected -4 to 3) (input [number, 4, 4, 3])",
    );
    throws(
      () => model([4, 4, "c"], loose.batchNormalization!()),
      "batchNormalization(): dimension 3 (the axis) must be known: TensorFlow.js sizes gamma and beta from it (input [number, 4, 4, c])",
    );
    throws(
      () => model([2, 4, 4, 3], loose.batchNormalization!()),
      "batchNormalization(): expects an input of rank 2, 3 or 4 (TensorFlow.js), got rank 5 (input [number, 2, 4, 4, 3])",
    );
    throws(
      () => model([28, 28], loose.zeroPadding2d!()),
      "zeroPadding2d(): expects an input [batch, height, width, channels] (rank 4), got rank 3 (input [number, 28, 28])",
    );
  });

  test("dimensions unknown to everyone are checked when the model is built", () => {
    // The compiler sees `number` (a value it does not know); here it is unknown at run time too.
    throws(
      () => model([8, 8, null], loose.conv2d!({ filters: 4, kernelSize: 3 })),
      "conv2d({ filters: 4, kernelSize: 3 }): the channel dimension (axis 3) must be known: TensorFlow.js sizes the kernel from it (input [number, 8, 8, number])",
    );
    throws(
      () => model([8, null], loose.dense!({ units: 4 })),
      "dense({ units: 4 }): the last input dimension must be known: TensorFlow.js sizes the kernel from it (input [number, 8, number])",
    );
    throws(
      () => model([null, 4], loose.flatten!()),
      "flatten(): dimension 1 must be known: TensorFlow.js flattens only fully known shapes (input [number, number, 4])",
    );
    throws(
      () => model([4, null], loose.batchNormalization!()),
      "batchNormalization(): dimension 2 (the axis) must be known: TensorFlow.js sizes gamma and beta from it (input [number, 4, number])",
    );
  });

  test("values JavaScript can pass and TypeScript cannot", () => {
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: 3, padding: "full" }),
      "conv2d({ filters: 8, kernelSize: 3, padding: 'full' }): padding must be 'valid' or 'same'",
    );
    throws(
      () => loose.maxPooling2d!({ dataFormat: "nhwc" }),
      "maxPooling2d({ dataFormat: 'nhwc' }): dataFormat must be 'channelsLast' or 'channelsFirst'",
    );
    throws(
      () => loose.zeroPadding2d!({ padding: [1, 2, 3] }),
      "zeroPadding2d({ padding: [1, 2, 3] }): padding must be a number, [rows, cols] or [[top, bottom], [left, right]]",
    );
    throws(
      () => loose.upSampling2d!({ interpolation: "cubic" }),
      "upSampling2d(): interpolation must be 'nearest' or 'bilinear'",
    );
    throws(
      () => loose.dense!({ units: 4, activation: "swishy" }),
      "dense({ units: 4 }): TensorFlow.js has no activation 'swishy'",
    );
  });
});
