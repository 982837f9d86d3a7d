// Issue 16's convolutions of `layers` once each (conv3d, conv2dTranspose, conv3dTranspose, depthwiseConv2d,
// separableConv2d); the lead adds it to bench/budgets.json.
import { input, layers, sequential, type OutputShape } from "shapecheck";

export const volume = sequential(
  input([16, 16, 16, 2]),
  layers.conv3d({ filters: 8, kernelSize: 3, padding: "same" }),
  layers.conv3dTranspose({ filters: 4, kernelSize: 2, strides: 2 }),
);
export type VolumeOut = OutputShape<typeof volume>; // [number, 32, 32, 32, 4]

export const image = sequential(
  input([28, 28, 8]),
  layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }),
  layers.separableConv2d({ filters: 32, kernelSize: 3, padding: "same" }),
  layers.conv2dTranspose({ filters: 8, kernelSize: 3, strides: 2, padding: "same" }),
);
export type ImageOut = OutputShape<typeof image>; // [number, 52, 52, 8]
