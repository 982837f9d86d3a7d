// Issue 16's convolutions of `layers`: exact output types (the numbers are tfjs-layers 4.22's).
import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type Conv2DTranspose, type OutputShape } from "shapecheck";

// Conv3D: convOutputLength per dimension
const conv3d = sequential(input([16, 16, 16, 1]), layers.conv3d({ filters: 8, kernelSize: 3 }));
expectType<TypeEqual<OutputShape<typeof conv3d>, [number, 14, 14, 14, 8]>>(true);
const conv3dFirst = sequential(
  input([2, 9, 9, 9]),
  layers.conv3d({ filters: 4, kernelSize: [3, 3, 1], strides: 2, padding: "same", dataFormat: "channelsFirst" }),
);
expectType<TypeEqual<OutputShape<typeof conv3dFirst>, [number, 4, 5, 5, 5]>>(true);

// transposed: deconvLength, "valid" n·s + max(k − s, 0), "same" n·s
const up = sequential(
  input([14, 7, 32]),
  layers.conv2dTranspose({ filters: 16, kernelSize: 3, strides: 2 }),
  layers.conv2dTranspose({ filters: 8, kernelSize: 4, strides: 2, padding: "same" }),
);
expectType<TypeEqual<OutputShape<typeof up>, [number, 58, 30, 8]>>(true);
const up3d = sequential(input([4, 5, 6, 8]), layers.conv3dTranspose({ filters: 4, kernelSize: 2, strides: 2 }));
expectType<TypeEqual<OutputShape<typeof up3d>, [number, 8, 10, 12, 4]>>(true);
expectType<TypeEqual<Conv2DTranspose<{ filters: 1; kernelSize: 1 }>["kind"], "Conv2DTranspose">>(true);

// depthwise: channels × depthMultiplier; separable: filters
const mobile = sequential(
  input([28, 28, 8]),
  layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }),
  layers.separableConv2d({ filters: 32, kernelSize: 3, padding: "same", strides: 2 }),
);
expectType<TypeEqual<OutputShape<typeof mobile>, [number, 13, 13, 32]>>(true);
const depthwiseFirst = sequential(
  input([3, 10, 10]),
  layers.depthwiseConv2d({ kernelSize: [3, 1], dataFormat: "channelsFirst" }),
);
expectType<TypeEqual<OutputShape<typeof depthwiseFirst>, [number, 3, 8, 10]>>(true);
