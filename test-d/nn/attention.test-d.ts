import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Model, type MultiheadAttention, type OutputShape } from "shapecheck";

// Self-attention keeps [batch, seq, embedDim].
const attention = sequential(input([10, 512], { batch: 2 }), nn.multiheadAttention(512, 8));
expectType<TypeEqual<OutputShape<typeof attention>, [2, 10, 512]>>(true);
const block = sequential(
  input(["seq"], { batch: "batch" }),
  nn.embedding(1000, 64),
  nn.multiheadAttention(64, 4, { dropout: 0.1 }),
  nn.layerNorm(64),
  nn.linear(64, 1000),
);
expectType<TypeEqual<OutputShape<typeof block>, ["batch", "seq", 1000]>>(true);
// An unknown feature dimension becomes embedDim (checked when the model is built).
const unknown = sequential(input([null, null]), nn.multiheadAttention(12, 12));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, number, 12]>>(true);

type Encoder = Model<[10, 512], [MultiheadAttention<512, 8>]>;
expectType<TypeEqual<OutputShape<Encoder>, [number, 10, 512]>>(true);
