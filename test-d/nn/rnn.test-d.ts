import { expectType, type TypeEqual } from "ts-expect";
import {
  input,
  nn,
  sequential,
  type GRUCell,
  type LSTMCell,
  type Model,
  type OutputShape,
  type RNN,
  type RNNCell,
} from "shapecheck";

// RNN: [batch, seq, inputSize] → [batch, seq, directions × hiddenSize], tanh or relu.
const single = sequential(input([12, 30], { batch: 2 }), nn.rnn(30, 16));
expectType<TypeEqual<OutputShape<typeof single>, [2, 12, 16]>>(true);
const stacked = sequential(input([12, 30]), nn.rnn(30, 16, 3, { nonlinearity: "relu", bidirectional: true }));
expectType<TypeEqual<OutputShape<typeof stacked>, [number, 12, 32]>>(true);
const named = sequential(input(["seq", 30], { batch: "batch" }), nn.rnn(30, 8, { bias: false, dropout: 0.2 }));
expectType<TypeEqual<OutputShape<typeof named>, ["batch", "seq", 8]>>(true);
declare const bidirectional: boolean;
const either = sequential(input([12, 30]), nn.rnn(30, 8, { bidirectional }));
expectType<TypeEqual<OutputShape<typeof either>, [number, 12, number]>>(true);
expectType<TypeEqual<ReturnType<typeof nn.rnn<30, 8, 2>>, RNN<30, 8, 2, false>>>(true);

// Cells: [batch, inputSize] → [batch, hiddenSize].
const cells = sequential(
  input([10]),
  nn.rnnCell(10, 20),
  nn.rnnCell(20, 20, false, "relu"),
  nn.lstmCell(20, 16, { bias: false }),
  nn.gruCell(16, 8, true),
);
expectType<TypeEqual<OutputShape<typeof cells>, [number, 8]>>(true);
const unknownFeatures = sequential(input([null]), nn.gruCell(7, 5));
expectType<TypeEqual<OutputShape<typeof unknownFeatures>, [number, 5]>>(true);
const namedBatch = sequential(input([7], { batch: "b" }), nn.lstmCell(7, 3));
expectType<TypeEqual<OutputShape<typeof namedBatch>, ["b", 3]>>(true);

type Cells = Model<[10], [RNNCell<10, 20>, LSTMCell<20, 16>, GRUCell<16, 8>]>;
expectType<TypeEqual<OutputShape<Cells>, [number, 8]>>(true);
