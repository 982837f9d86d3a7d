import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type AdaptiveAvgPool2d, type Model, type OutputShape } from "shapecheck";

// The spatial sizes become outputSize, whatever they were (larger, smaller, unknown or named).
const avg1d = sequential(input([16, 50], { batch: 4 }), nn.adaptiveAvgPool1d(4));
expectType<TypeEqual<OutputShape<typeof avg1d>, [4, 16, 4]>>(true);
const avg1dTuple = sequential(input([16, 3]), nn.adaptiveAvgPool1d([7]));
expectType<TypeEqual<OutputShape<typeof avg1dTuple>, [number, 16, 7]>>(true);
const anySize = sequential(
  input([512, null, "width"]),
  nn.adaptiveAvgPool2d([7, 7]),
  nn.flatten(),
  nn.linear(25088, 4096),
);
expectType<TypeEqual<OutputShape<typeof anySize>, [number, 4096]>>(true);
const global = sequential(input([512, 13, 9]), nn.adaptiveMaxPool2d(1), nn.flatten());
expectType<TypeEqual<OutputShape<typeof global>, [number, 512]>>(true);

// `null` keeps that input size (PyTorch's None); 0 is accepted as in PyTorch.
const keepHeight = sequential(input([512, 13, 9]), nn.adaptiveAvgPool2d([null, 1]));
expectType<TypeEqual<OutputShape<typeof keepHeight>, [number, 512, 13, 1]>>(true);
const keepUnknown = sequential(input([3, null, 9]), nn.adaptiveMaxPool2d([null, null]));
expectType<TypeEqual<OutputShape<typeof keepUnknown>, [number, 3, number, 9]>>(true);
const empty = sequential(input([3, 8, 8]), nn.adaptiveAvgPool2d(0));
expectType<TypeEqual<OutputShape<typeof empty>, [number, 3, 0, 0]>>(true);

type Head = Model<[512, 13, 9], [AdaptiveAvgPool2d<[null, 7]>]>;
expectType<TypeEqual<OutputShape<Head>, [number, 512, 13, 7]>>(true);
