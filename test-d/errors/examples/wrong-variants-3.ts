// Keras' MNIST convnet with a dense layer that declares the wrong inputDim.
import { input, layers, sequential } from "shapecheck";

export const kerasMnistWrongInputDim = sequential(
  input([28, 28, 1]),
  layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.flatten(),
  layers.dense({ units: 10, inputDim: 1568, activation: "softmax" }), // error: "dense({ units: 10, inputDim: 1568 }): inputDim must equal the last input dimension 1600 (input [number, 5·5·64 = 1600])"
);
