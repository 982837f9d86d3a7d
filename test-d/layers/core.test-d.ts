import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type Dense, type OutputShape, type Permute, type Reshape } from "shapecheck";

// dense acts on the last axis of any rank ≥ 2; inputDim, when given, is checked.
const dense = sequential(
  input([784]),
  layers.dense({ units: 128, activation: "relu" }),
  layers.dense({ units: 10, inputDim: 128 }),
);
expectType<TypeEqual<OutputShape<typeof dense>, [number, 10]>>(true);
expectType<TypeEqual<(typeof dense.layers)[1], Dense<{ readonly units: 10; readonly inputDim: 128 }>>>(true);
const perStep = sequential(input(["seq", 64], { batch: "batch" }), layers.dense({ units: 32 }));
expectType<TypeEqual<OutputShape<typeof perStep>, ["batch", "seq", 32]>>(true);

// flatten: every dimension after the batch (rank 3 or more), whatever the data format.
const flat = sequential(input([5, 5, 64]), layers.flatten());
expectType<TypeEqual<OutputShape<typeof flat>, [number, 1600]>>(true);
const flatFirst = sequential(input([64, 5, 5]), layers.flatten({ dataFormat: "channelsFirst" }));
expectType<TypeEqual<OutputShape<typeof flatFirst>, [number, 1600]>>(true);
declare const width: number; // unknown to the compiler: checked when the model is built
const flatUnknown = sequential(input([5, width, 64]), layers.flatten());
expectType<TypeEqual<OutputShape<typeof flatUnknown>, [number, number]>>(true);

// reshape: one -1 takes what is left; unknown input sizes leave it unknown.
const reshaped = sequential(input([3136]), layers.reshape({ targetShape: [7, 7, 64] }));
expectType<TypeEqual<OutputShape<typeof reshaped>, [number, 7, 7, 64]>>(true);
const free = sequential(input([7, 7, 64]), layers.reshape({ targetShape: [-1, 64] }));
expectType<TypeEqual<OutputShape<typeof free>, [number, 49, 64]>>(true);
expectType<TypeEqual<(typeof free.layers)[0], Reshape<{ readonly targetShape: readonly [-1, 64] }>>>(true);
const freeUnknown = sequential(input([null, 64]), layers.reshape({ targetShape: [-1, 8, 8] }));
expectType<TypeEqual<OutputShape<typeof freeUnknown>, [number, number, 8, 8]>>(true);

// permute: 1-based dims, the batch stays first.
const permuted = sequential(input([10, 64]), layers.permute({ dims: [2, 1] }));
expectType<TypeEqual<OutputShape<typeof permuted>, [number, 64, 10]>>(true);
const rotated = sequential(input(["h", 32, 3]), layers.permute({ dims: [3, 1, 2] }));
expectType<TypeEqual<OutputShape<typeof rotated>, [number, 3, "h", 32]>>(true);
expectType<TypeEqual<(typeof rotated.layers)[0], Permute<{ readonly dims: readonly [3, 1, 2] }>>>(true);

// dropout and activation keep the shape.
const kept = sequential(
  input(["seq", 16]),
  layers.dropout({ rate: 0.25 }),
  layers.activation({ activation: "softmax" }),
);
expectType<TypeEqual<OutputShape<typeof kept>, [number, "seq", 16]>>(true);
