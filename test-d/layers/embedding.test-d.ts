import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type OutputShape } from "shapecheck";

// [batch, ...indices] → [batch, ...indices, outputDim]
const embedded = sequential(input([100]), layers.embedding({ inputDim: 10000, outputDim: 64 }));
expectType<TypeEqual<OutputShape<typeof embedded>, [number, 100, 64]>>(true);
const grid = sequential(input([4, 5]), layers.embedding({ inputDim: 10, outputDim: 3 }));
expectType<TypeEqual<OutputShape<typeof grid>, [number, 4, 5, 3]>>(true);

// inputLength is checked, and gives its sizes to unknown dimensions.
const fixed = sequential(input([null]), layers.embedding({ inputDim: 1000, outputDim: 16, inputLength: 12 }));
expectType<TypeEqual<OutputShape<typeof fixed>, [number, 12, 16]>>(true);
const fixedGrid = sequential(input([4, "w"]), layers.embedding({ inputDim: 10, outputDim: 3, inputLength: [4, 5] }));
expectType<TypeEqual<OutputShape<typeof fixedGrid>, [number, 4, 5, 3]>>(true);

// A text classifier.
const classifier = sequential(
  input([200]),
  layers.embedding({ inputDim: 20000, outputDim: 32, inputLength: 200 }),
  layers.conv1d({ filters: 32, kernelSize: 7, activation: "relu" }),
  layers.maxPooling1d({ poolSize: 5 }),
  layers.globalAveragePooling1d(),
  layers.dense({ units: 1, activation: "sigmoid" }),
);
expectType<TypeEqual<OutputShape<typeof classifier>, [number, 1]>>(true);
