import { expectType, type TypeEqual } from "ts-expect";
import { graph, input, nn, sequential, type OutputShape, type Shape, type Symbolic } from "shapecheck";

// In a chain, the output sequence only (from zero states); `call` gives the states.
const chain = sequential(input([10, 16], { batch: 4 }), nn.lstm(16, 32, 2), nn.gru(32, 8), nn.rnn(8, 4));
expectType<TypeEqual<OutputShape<typeof chain>, [4, 10, 4]>>(true);
const cells = sequential(input([16], { batch: 4 }), nn.lstmCell(16, 8), nn.gruCell(8, 8), nn.rnnCell(8, 2));
expectType<TypeEqual<OutputShape<typeof cells>, [4, 2]>>(true);
const projected = sequential(input(["seq", 16]), nn.lstm(16, 32, { projSize: 8, bidirectional: true }));
expectType<TypeEqual<OutputShape<typeof projected>, [number, "seq", 16]>>(true);

// out, (h_n, c_n) = lstm(x, (h0, c0)): the states [numLayers·directions, batch, hidden (or projSize)].
const src = input([10, 16], { batch: 4 });
const [out, [h, c]] = nn.lstm(16, 32, 2).call(src);
expectType<TypeEqual<typeof out, Symbolic<[4, 10, 32]>>>(true);
expectType<TypeEqual<typeof h, Symbolic<[2, 4, 32]>>>(true);
expectType<TypeEqual<typeof c, Symbolic<[2, 4, 32]>>>(true);

// The encoder's final state as the decoder's initial one.
const tgt = input([7, 8], { batch: 4 });
const [decoded, [h2, c2]] = nn.lstm(8, 32, 2).call(tgt, [h, c]);
expectType<TypeEqual<typeof decoded, Symbolic<[4, 7, 32]>>>(true);
expectType<TypeEqual<typeof h2, Symbolic<[2, 4, 32]>>>(true);
expectType<TypeEqual<typeof c2, Symbolic<[2, 4, 32]>>>(true);

// projSize and both directions: h has projSize features, c hiddenSize.
const [both, [hp, cp]] = nn.lstm(16, 32, { projSize: 8, bidirectional: true }).call(src);
expectType<TypeEqual<typeof both, Symbolic<[4, 10, 16]>>>(true);
expectType<TypeEqual<typeof hp, Symbolic<[2, 4, 8]>>>(true);
expectType<TypeEqual<typeof cp, Symbolic<[2, 4, 32]>>>(true);

// gru and rnn: [output, h_n].
const [g, hg] = nn.gru(16, 12, 3).call(src);
expectType<TypeEqual<typeof g, Symbolic<[4, 10, 12]>>>(true);
expectType<TypeEqual<typeof hg, Symbolic<[3, 4, 12]>>>(true);
const [r, hr] = nn.rnn(16, 12, 3, { nonlinearity: "relu" }).call(src, hg);
expectType<TypeEqual<typeof r, Symbolic<[4, 10, 12]>>>(true);
expectType<TypeEqual<typeof hr, Symbolic<[3, 4, 12]>>>(true);

// Unknown and named batches: the state's batch is known when the input's is not.
const [, hn] = nn.gru(16, 12).call(input([10, 16]), input([4, 12], { batch: 1 }));
expectType<TypeEqual<typeof hn, Symbolic<[1, 4, 12]>>>(true);
const [named, [hNamed]] = nn.lstm(16, 8).call(input(["seq", 16], { batch: "b" }));
expectType<TypeEqual<typeof named, Symbolic<["b", "seq", 8]>>>(true);
expectType<TypeEqual<typeof hNamed, Symbolic<[1, "b", 8]>>>(true);
// `bidirectional` only a boolean: the features and the states' first dimension are unknown.
declare const bidirectional: boolean;
const [either, hEither] = nn.gru(16, 12, { bidirectional }).call(src);
expectType<TypeEqual<typeof either, Symbolic<[4, 10, number]>>>(true);
expectType<TypeEqual<typeof hEither, Symbolic<[number, 4, 12]>>>(true);

// Cells: h' = cell(x, hx); an LSTM cell's [h', c'].
const x = input([16], { batch: 3 });
const [hc, cc] = nn.lstmCell(16, 8).call(x);
expectType<TypeEqual<typeof hc, Symbolic<[3, 8]>>>(true);
const [hc2, cc2] = nn.lstmCell(8, 8).call(hc, [hc, cc]);
expectType<TypeEqual<typeof cc2, Symbolic<[3, 8]>>>(true);
const hGru = nn.gruCell(8, 8).call(hc2, cc2);
expectType<TypeEqual<typeof hGru, Symbolic<[3, 8]>>>(true);
const hRnn = nn.rnnCell(8, 5).call(hGru);
expectType<TypeEqual<typeof hRnn, Symbolic<[3, 5]>>>(true);

// After a mistake (an input of unknown shape) every output is unknown.
declare const unknown: Symbolic<Shape>;
const [u, [uh]] = nn.lstm(16, 8).call(unknown);
expectType<TypeEqual<typeof u, Symbolic<Shape>>>(true);
expectType<TypeEqual<typeof uh, Symbolic<Shape>>>(true);

const seq2seq = graph({ inputs: [src, tgt], outputs: [decoded] });
void seq2seq;
