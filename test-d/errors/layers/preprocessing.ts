// layers.resizing, centerCrop, randomWidth, categoryEncoding (issue 16). Runtime twin:
// src/families/preprocessing/tf-preprocessing.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const height = layers.resizing({ height: 0, width: 8 }); // error: resizing({ height: 0, width: 8 }): height must be a positive integer, not 0
export const spelt = layers.centerCrop({ height: 8, widht: 8 }); // error: centerCrop({ height: 8 }): widht is not an option of TensorFlow.js's centerCrop
export const images = sequential(
  input([28, 28]),
  layers.resizing({ height: 14, width: 14 }), // error: resizing({ height: 14, width: 14 }): takes images [batch, height, width, channels] (input [number, 28, 28] of rank 3)
);
export const crop = sequential(
  input([28, 28, 3, 2]),
  layers.centerCrop({ height: 14, width: 14 }), // error: centerCrop({ height: 14, width: 14 }): takes images [batch, height, width, channels] (input [number, 28, 28, 3, 2] of rank 5)
);
export const factor = layers.randomWidth({ factor: [0.5, 0.2] }); // error: randomWidth({ factor: [0.5, 0.2] }): factor must be a positive number, or [lower, upper] with -1 <= lower <= upper
export const negative = layers.randomWidth({ factor: -0.2 }); // error: randomWidth({ factor: -0.2 }): factor must be a positive number, or [lower, upper] with -1 <= lower <= upper
export const zeroWidth = sequential(
  input([8, 2, 3]),
  layers.randomWidth({ factor: [-0.9, 0] }), // error: randomWidth({ factor: [-0.9, 0] }): the width 2 can become 0 (2 · (1 + -0.9) rounds to 0)
);
export const tokens = layers.categoryEncoding({ numTokens: 0 }); // error: categoryEncoding({ numTokens: 0 }): numTokens must be a positive integer, not 0
export const oneHot = sequential(
  input([3]),
  layers.categoryEncoding({ numTokens: 10, outputMode: "oneHot" }), // error: categoryEncoding({ numTokens: 10, outputMode: 'oneHot' }): outputMode 'oneHot' encodes inputs [batch, 1] (input [number, 3])
);
export const multiHot = sequential(
  input([]),
  layers.categoryEncoding({ numTokens: 10 }), // error: categoryEncoding({ numTokens: 10 }): outputMode 'multiHot' encodes inputs [batch, tokens] (input [number])
);
export const tfIdf = sequential(
  input([4]),
  layers.categoryEncoding({ numTokens: 10, outputMode: "tfIdf" }), // error: categoryEncoding({ numTokens: 10, outputMode: 'tfIdf' }): outputMode 'tfIdf' needs idf weights, which TensorFlow.js's CategoryEncoding takes only as a call argument
);
