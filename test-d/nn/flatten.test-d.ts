import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Flatten, type Model, type OutputShape, type ShapeTrace } from "shapecheck";

// startDim = 1, endDim = -1 by default: everything but the batch.
const all = sequential(input([64, 12, 12]), nn.flatten());
expectType<TypeEqual<OutputShape<typeof all>, [number, 9216]>>(true);
// Negative dims count from the end.
const lastTwo = sequential(input([3, 4, 5]), nn.flatten(-2));
expectType<TypeEqual<OutputShape<typeof lastTwo>, [number, 3, 20]>>(true);
const middle = sequential(input([3, 4, 5, 6], { batch: 2 }), nn.flatten(-3, -2));
expectType<TypeEqual<OutputShape<typeof middle>, [2, 3, 20, 6]>>(true);
const withBatch = sequential(input([3, 4], { batch: 2 }), nn.flatten(0));
expectType<TypeEqual<OutputShape<typeof withBatch>, [24]>>(true);
const withBatchNegative = sequential(input([3, 4], { batch: 2 }), nn.flatten(-3, 1));
expectType<TypeEqual<OutputShape<typeof withBatchNegative>, [6, 4]>>(true);
// One dimension "flattened" is unchanged.
const one = sequential(input([3, 4]), nn.flatten(2, -1));
expectType<TypeEqual<OutputShape<typeof one>, [number, 3, 4]>>(true);

// An unknown or named dimension makes the product unknown.
const unknown = sequential(input([3, null, 4]), nn.flatten());
expectType<TypeEqual<OutputShape<typeof unknown>, [number, number]>>(true);
const named = sequential(input(["seq", 4, 2]), nn.flatten(2));
expectType<TypeEqual<OutputShape<typeof named>, [number, "seq", 8]>>(true);

// The trace shows each step.
const traced = sequential(input([2, 3, 4]), nn.flatten(2), nn.flatten());
expectType<TypeEqual<ShapeTrace<typeof traced>, [[number, 2, 12], [number, 24]]>>(true);

type Flat = Model<[3, 4, 5], [Flatten<1, -2>]>;
expectType<TypeEqual<OutputShape<Flat>, [number, 12, 5]>>(true);
