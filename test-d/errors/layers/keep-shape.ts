// layers group 1 (issue 16): activation layers, dropouts and noise, masking, rescaling, layerNormalization.
// Runtime twin: test/layers-keep-shape.test.ts and scripts/tfjs-agreement-layers.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const elu = layers.elu({ alpha: 2 }); // error: elu({ alpha: 2 }): TensorFlow.js's ELU layer supports alpha 1 only
export const relu = layers.reLU({ maxValue: -1 }); // error: reLU({ maxValue: -1 }): maxValue must be 0 or more
export const rate = layers.gaussianDropout({ rate: 2 }); // error: gaussianDropout({ rate: 2 }): rate must be between 0 and 1
export const leaky = layers.leakyReLU({ Alpha: 0.2 }); // error: leakyReLU(): Alpha is not an option of TensorFlow.js's leakyReLU; did you mean `alpha`?
export const norm = layers.layerNormalization({ eps: 0.001 }); // error: layerNormalization(): eps is not an option of TensorFlow.js's layerNormalization; did you mean `epsilon`?

export const softmax = sequential(
  input([20, 8]),
  layers.softmax(), // error: softmax(): TensorFlow.js's softmax works along the last axis only (-1 or 2 for an input of rank 3) (input [number, 20, 8])
);
export const prelu = sequential(
  input([20, 8]),
  layers.prelu({ sharedAxes: [0] }), // error: prelu({ sharedAxes: [0] }): sharedAxes 0 must name a dimension after the batch (1 to 2 for an input of rank 3)
);
export const spatial = sequential(
  input([20]),
  layers.spatialDropout1d({ rate: 0.1 }), // error: spatialDropout1d({ rate: 0.1 }): expects an input [batch, length, channels], got rank 2
);
export const twice = sequential(
  input([20, 8]),
  layers.layerNormalization({ axis: [1, -2] }), // error: layerNormalization({ axis: [1, -2] }): axis names dimension 1 twice
);
export const batch = sequential(
  input([20, 8]),
  layers.layerNormalization({ axis: 0 }), // error: layerNormalization({ axis: 0 }): axis 0 is the batch
);
