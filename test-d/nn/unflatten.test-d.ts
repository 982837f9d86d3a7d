import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Model, type OutputShape, type Unflatten } from "shapecheck";

const back = sequential(input([9216]), nn.unflatten(1, [64, 12, 12]));
expectType<TypeEqual<OutputShape<typeof back>, [number, 64, 12, 12]>>(true);
// One size -1, inferred; negative dims count from the end.
const inferred = sequential(input([10, 6], { batch: 2 }), nn.unflatten(-1, [2, -1]));
expectType<TypeEqual<OutputShape<typeof inferred>, [2, 10, 2, 3]>>(true);
const batch = sequential(input([4], { batch: 6 }), nn.unflatten(0, [3, -1, 1]));
expectType<TypeEqual<OutputShape<typeof batch>, [3, 2, 1, 4]>>(true);
const single = sequential(input([4, 5]), nn.unflatten(-2, [4]));
expectType<TypeEqual<OutputShape<typeof single>, [number, 4, 5]>>(true);

// An unknown or named dimension: the sizes are kept, -1 becomes unknown (checked when the model is built).
const unknown = sequential(input([null, 5]), nn.unflatten(1, [2, -1]));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, 2, number, 5]>>(true);
const named = sequential(input(["seq", 5]), nn.unflatten(1, [2, 3]));
expectType<TypeEqual<OutputShape<typeof named>, [number, 2, 3, 5]>>(true);

// flatten and unflatten are inverses.
const roundTrip = sequential(input([64, 12, 12]), nn.flatten(), nn.unflatten(1, [64, 12, 12]));
expectType<TypeEqual<OutputShape<typeof roundTrip>, [number, 64, 12, 12]>>(true);

type Heads = Model<[10, 512], [Unflatten<-1, [8, 64]>]>;
expectType<TypeEqual<OutputShape<Heads>, [number, 10, 8, 64]>>(true);
