// tfjs option objects (issue 13, items 2 and 6): an unknown key names the key, with "did you mean" for PyTorch's
// names and snake_case; an inputShape that contradicts the model's input is an error on the layer.
// Runtime twin: test/nn-options.test.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const stride = layers.conv2d({ filters: 8, kernelSize: 3, stride: 2 }); // error: conv2d({ filters: 8, kernelSize: 3 }): stride is not an option of TensorFlow.js's conv2d; did you mean `strides`?
export const dilation = layers.conv2d({ filters: 8, kernelSize: 3, dilation: 2 }); // error: conv2d({ filters: 8, kernelSize: 3 }): dilation is not an option of TensorFlow.js's conv2d; did you mean `dilationRate`?
export const bias = layers.dense({ units: 10, bias: false }); // error: dense({ units: 10 }): bias is not an option of TensorFlow.js's dense; did you mean `useBias`?
export const snake = layers.maxPooling2d({ poolSize: 2, data_format: "channelsLast" }); // error: maxPooling2d({ poolSize: 2 }): data_format is not an option of TensorFlow.js's maxPooling2d; did you mean `dataFormat`?
export const onlyUnknown = layers.globalAveragePooling2d({ keepdims: true }); // error: globalAveragePooling2d(): keepdims is not an option of TensorFlow.js's globalAveragePooling2d
export const flattenSnake = layers.flatten({ data_format: "channelsLast" }); // error: flatten(): data_format is not an option of TensorFlow.js's flatten; did you mean `dataFormat`?
export const momentum = layers.batchNormalization({ eps: 0.001 }); // error: batchNormalization(): eps is not an option of TensorFlow.js's batchNormalization; did you mean `epsilon`?

// prettier-ignore
export const contradicts = sequential(input([28, 28, 1]), layers.conv2d({ filters: 8, kernelSize: 3, inputShape: [32, 32, 3] })); // error: conv2d({ inputShape: [32, 32, 3] }): the layer gets another input shape (inputShape is one example's shape, without the batch) (input [number, 28, 28, 1])
export const flatInput = sequential(input([784]), layers.dense({ units: 10, inputShape: [28, 28] })); // error: dense({ inputShape: [28, 28] }): the layer gets another input shape (inputShape is one example's shape, without the batch) (input [number, 784])
export const batchInput = sequential(input([10]), layers.dropout({ rate: 0.5, batchInputShape: [null, 12] })); // error: dropout({ batchInputShape: [null, 12] }): the layer gets another input shape (batchInputShape is the shape with the batch) (input [number, 10])
export const agrees = sequential(
  input([28, 28, 1]),
  layers.conv2d({ filters: 8, kernelSize: 3, inputShape: [28, 28, 1] }),
  layers.flatten(),
  layers.dense({ units: 10, inputShape: [5408] }),
);
