// layers.cropping2D and layers.repeatVector (issue 16) once each (bench/budgets.json: "bench/models/layers-crop-repeat.ts").
import { input, layers, sequential, type OutputShape } from "shapecheck";

export const net = sequential(
  input([28, 28, 3]),
  layers.cropping2D({
    cropping: [
      [2, 2],
      [1, 3],
    ],
  }),
  layers.globalAveragePooling2d(),
  layers.repeatVector({ n: 4 }),
);
export type Out = OutputShape<typeof net>; // [number, 4, 3]
