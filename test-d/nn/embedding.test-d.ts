import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Embedding, type Model, type OutputShape } from "shapecheck";

// Every index becomes a vector of embeddingDim.
const tokens = sequential(input([12], { batch: 2 }), nn.embedding(10000, 300));
expectType<TypeEqual<OutputShape<typeof tokens>, [2, 12, 300]>>(true);
const words = sequential(input([]), nn.embedding(50, 8, { paddingIdx: 0 }));
expectType<TypeEqual<OutputShape<typeof words>, [number, 8]>>(true);
const named = sequential(
  input(["seq"], { batch: "batch" }),
  nn.embedding(30522, 768, { paddingIdx: -1 }),
  nn.layerNorm(768),
);
expectType<TypeEqual<OutputShape<typeof named>, ["batch", "seq", 768]>>(true);
const grid = sequential(input([4, 5]), nn.embedding(10, 3));
expectType<TypeEqual<OutputShape<typeof grid>, [number, 4, 5, 3]>>(true);

type Lookup = Model<[12], [Embedding<10000, 300>]>;
expectType<TypeEqual<OutputShape<Lookup>, [number, 12, 300]>>(true);
