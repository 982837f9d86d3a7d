// The 3D pooling factories of `layers` (issue 16) once each (bench/budgets.json: "bench/models/layers-pooling3d.ts").
import { input, layers, sequential, type OutputShape } from "shapecheck";

export const net = sequential(
  input([16, 32, 32, 3]),
  layers.maxPooling3d({ poolSize: 2 }),
  layers.averagePooling3d({ poolSize: [1, 2, 2], padding: "same" }),
  layers.avgPool3d({ poolSize: 2, strides: 1 }),
  layers.avgPooling3d({ poolSize: [2, 2, 2] }),
  layers.flatten(),
);
export type Out = OutputShape<typeof net>; // [number, 81]
