// Keras' MNIST convnet (keras.io/examples/vision/mnist_convnet) in TensorFlow.js's vocabulary,
// channels-last: 28 → 26 → 13 → 11 → 5; flatten gives 5 × 5 × 64 = 1600.
import { input, layers, sequential } from "shapecheck";

export const kerasMnist = sequential(
  input([28, 28, 1]),
  layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.flatten(),
  layers.dropout({ rate: 0.5 }),
  layers.dense({ units: 10, activation: "softmax" }),
);
