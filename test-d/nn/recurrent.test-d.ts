import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Embedding, type GRU, type LSTM, type Model, type OutputShape } from "shapecheck";

// [batch, seq, inputSize] → [batch, seq, directions × hiddenSize].
const single = sequential(input([12, 300], { batch: 2 }), nn.lstm(300, 128));
expectType<TypeEqual<OutputShape<typeof single>, [2, 12, 128]>>(true);
const both = sequential(input([12, 300]), nn.lstm(300, 128, { numLayers: 2, bidirectional: true, dropout: 0.1 }));
expectType<TypeEqual<OutputShape<typeof both>, [number, 12, 256]>>(true);
const projected = sequential(input([12, 300]), nn.lstm(300, 128, { bidirectional: true, projSize: 64 }));
expectType<TypeEqual<OutputShape<typeof projected>, [number, 12, 128]>>(true);
const gru = sequential(input([12, 300]), nn.gru(300, 64, { bidirectional: false }), nn.gru(64, 32, { numLayers: 3 }));
expectType<TypeEqual<OutputShape<typeof gru>, [number, 12, 32]>>(true);

// A text classifier: unknown and named sequence lengths flow through.
const classifier = sequential(
  input(["seq"], { batch: "batch" }),
  nn.embedding(20000, 100),
  nn.gru(100, 64, { bidirectional: true }),
  nn.linear(128, 2),
);
expectType<TypeEqual<OutputShape<typeof classifier>, ["batch", "seq", 2]>>(true);
const unknownFeatures = sequential(input([null, null]), nn.lstm(7, 5));
expectType<TypeEqual<OutputShape<typeof unknownFeatures>, [number, number, 5]>>(true);

// `bidirectional` known only as a boolean: the feature count is unknown.
declare const bidirectional: boolean;
const either = sequential(input([12, 300]), nn.gru(300, 64, { bidirectional }));
expectType<TypeEqual<OutputShape<typeof either>, [number, 12, number]>>(true);

type Tagger = Model<[20], [Embedding<5000, 64>, LSTM<64, 32, 1, true>, GRU<64, 16>]>;
expectType<TypeEqual<OutputShape<Tagger>, [number, 20, 16]>>(true);
