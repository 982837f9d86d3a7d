// Each `layers` factory of issue 16's first group once (bench/budgets.json: "bench/models/layers-keep-shape.ts"):
// tfjs's aliases and the layers that keep the shape.
import { input, layers, sequential, type OutputShape } from "shapecheck";

export const net = sequential(
  input([32, 32, 3]),
  layers.rescaling({ scale: 1 / 255 }),
  layers.conv2d({ filters: 8, kernelSize: 3 }),
  layers.reLU({ maxValue: 6 }),
  layers.leakyReLU({ alpha: 0.1 }),
  layers.elu(),
  layers.prelu({ sharedAxes: [1, 2] }),
  layers.thresholdedReLU({ theta: 0.1 }),
  layers.gaussianNoise({ stddev: 0.1 }),
  layers.gaussianDropout({ rate: 0.1 }),
  layers.alphaDropout({ rate: 0.1 }),
  layers.layerNormalization({ axis: [1, 2, 3] }),
  layers.avgPool2d({ poolSize: 2 }),
  layers.avgPooling2d({ poolSize: 2 }),
  layers.maxPool2d({ poolSize: 2 }),
  layers.reshape({ targetShape: [9, 8] }),
  layers.masking(),
  layers.spatialDropout1d({ rate: 0.2 }),
  layers.avgPool1d({ poolSize: 1 }),
  layers.avgPooling1d({ poolSize: 1 }),
  layers.maxPool1d({ poolSize: 1 }),
  layers.globalMaxPool1d(),
  layers.softmax(),
);
export type Out = OutputShape<typeof net>; // [number, 8]
