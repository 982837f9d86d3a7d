// layers' merges (add, average, maximum, minimum, multiply, concatenate, dot) and preprocessing layers (resizing,
// centerCrop, randomWidth, categoryEncoding) once each (issue 16; budget to follow in bench/budgets.json).
import { graph, input, layers, sequential, type OutputShape } from "shapecheck";

const image = input([32, 32, 3]);
const resized = image.pipe(layers.resizing({ height: 16, width: 16 }), layers.conv2d({ filters: 8, kernelSize: 3 }));
const cropped = image.pipe(layers.centerCrop({ height: 14, width: 14 }), layers.conv2d({ filters: 8, kernelSize: 1 }));
const summed = layers.add().apply([resized, cropped]);
const mean = layers.average().apply([summed, cropped]);
const high = layers.maximum().apply([mean, resized]);
const low = layers.minimum().apply([high, cropped]);
const gated = layers.multiply().apply([low, input([1, 1, 8])]);
const joined = layers.concatenate().apply([gated, resized]);
const rows = joined.pipe(layers.reshape({ targetShape: [196, 16] }));
const scores = layers.dot({ axes: 2 }).apply([rows, rows]);
export const net = graph({ inputs: [image], outputs: [scores] });
export type Scores = (typeof scores)["~shape"]; // [number, 196, 196]

export const wide = sequential(
  input([28, 28, 3]),
  layers.randomWidth({ factor: 0.2 }),
  layers.globalAveragePooling2d(),
);
export const tokens = sequential(input([6]), layers.categoryEncoding({ numTokens: 20, outputMode: "count" }));
export type Tokens = OutputShape<typeof tokens>; // [number, 20]
