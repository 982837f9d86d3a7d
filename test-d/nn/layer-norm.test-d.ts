import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type LayerNorm, type Model, type OutputShape } from "shapecheck";

// The shape is kept; the last dimensions must be normalizedShape.
const last = sequential(input([10, 512], { batch: 2 }), nn.layerNorm(512));
expectType<TypeEqual<OutputShape<typeof last>, [2, 10, 512]>>(true);
const lastTwo = sequential(input([10, 512]), nn.layerNorm([10, 512], { eps: 1e-6 }));
expectType<TypeEqual<OutputShape<typeof lastTwo>, [number, 10, 512]>>(true);
const whole = sequential(input([3], { batch: 5 }), nn.layerNorm([5, 3]));
expectType<TypeEqual<OutputShape<typeof whole>, [5, 3]>>(true);

// Unknown dimensions there become the sizes; names are kept.
const unknown = sequential(input(["seq", null]), nn.layerNorm(64));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, "seq", 64]>>(true);
const batchUnknown = sequential(input([7]), nn.layerNorm([4, 7]));
expectType<TypeEqual<OutputShape<typeof batchUnknown>, [4, 7]>>(true);
const named = sequential(input(["seq", 64]), nn.layerNorm([12, 64]));
expectType<TypeEqual<OutputShape<typeof named>, [number, "seq", 64]>>(true);

type Norm = Model<[10, 512], [LayerNorm<512>]>;
expectType<TypeEqual<OutputShape<Norm>, [number, 10, 512]>>(true);
