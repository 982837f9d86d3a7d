import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type MaxPooling2D, type OutputShape } from "shapecheck";

// Pooling strides default to the pool size; poolSize defaults to 2 ([2, 2]).
const halve = sequential(input([26, 26, 32]), layers.maxPooling2d({ poolSize: 2 }));
expectType<TypeEqual<OutputShape<typeof halve>, [number, 13, 13, 32]>>(true);
const defaults = sequential(input([27, 27, 32]), layers.maxPooling2d());
expectType<TypeEqual<OutputShape<typeof defaults>, [number, 13, 13, 32]>>(true);
expectType<TypeEqual<(typeof defaults.layers)[0], MaxPooling2D<{}>>>(true);

// "valid" ⌈(n − poolSize + 1) / strides⌉, "same" ⌈n / strides⌉.
const overlapping = sequential(input([13, 13, 8]), layers.averagePooling2d({ poolSize: 3, strides: 2 }));
expectType<TypeEqual<OutputShape<typeof overlapping>, [number, 6, 6, 8]>>(true);
const same = sequential(
  input([13, 10, 8]),
  layers.averagePooling2d({ poolSize: [3, 2], strides: [2, 3], padding: "same" }),
);
expectType<TypeEqual<OutputShape<typeof same>, [number, 7, 4, 8]>>(true);
const channelsFirst = sequential(input([8, 13, 13]), layers.maxPooling2d({ poolSize: 3, dataFormat: "channelsFirst" }));
expectType<TypeEqual<OutputShape<typeof channelsFirst>, [number, 8, 4, 4]>>(true);
const unknown = sequential(input([null, 12, 3]), layers.maxPooling2d({ poolSize: 4 }));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, number, 3, 3]>>(true);

// 1D pooling on [batch, length, channels] (tfjs's Pooling1D has no dataFormat).
const pool1d = sequential(input([10, 8]), layers.maxPooling1d({ poolSize: 3 }));
expectType<TypeEqual<OutputShape<typeof pool1d>, [number, 3, 8]>>(true);
const avg1d = sequential(input([10, 8]), layers.averagePooling1d({ strides: 1, padding: "same" }));
expectType<TypeEqual<OutputShape<typeof avg1d>, [number, 10, 8]>>(true);

// Global pooling: [batch, channels].
const global2d = sequential(input([7, 7, 512]), layers.globalAveragePooling2d());
expectType<TypeEqual<OutputShape<typeof global2d>, [number, 512]>>(true);
const globalFirst = sequential(input([512, 7, 7]), layers.globalMaxPooling2d({ dataFormat: "channelsFirst" }));
expectType<TypeEqual<OutputShape<typeof globalFirst>, [number, 512]>>(true);
const global1d = sequential(input(["seq", 64]), layers.globalAveragePooling1d(), layers.dense({ units: 1 }));
expectType<TypeEqual<OutputShape<typeof global1d>, [number, 1]>>(true);
const globalMax1d = sequential(input([20, 64]), layers.globalMaxPooling1d());
expectType<TypeEqual<OutputShape<typeof globalMax1d>, [number, 64]>>(true);
