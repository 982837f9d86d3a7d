import { expectType, type TypeEqual } from "ts-expect";
import { graph, input, nn, sequential, type OutputShape, type Symbolic } from "shapecheck";

// In pipe, still self-attention (and kdim = vdim = embedDim given explicitly is the same layer).
const selfAttention = sequential(input([10, 64], { batch: 2 }), nn.multiheadAttention(64, 4, { kdim: 64, vdim: 64 }));
expectType<TypeEqual<OutputShape<typeof selfAttention>, [2, 10, 64]>>(true);

// Cross-attention: the target's L, the memory's S.
const mha = nn.multiheadAttention(64, 4);
const tgt = input([7, 64], { batch: 2 });
const memory = input([10, 64], { batch: 2 });
const [out, weights] = mha.call(tgt, memory, memory);
expectType<TypeEqual<typeof out, Symbolic<[2, 7, 64]>>>(true);
expectType<TypeEqual<typeof weights, Symbolic<[2, 7, 10]>>>(true);

// kdim / vdim, masks, per-head weights, no weights.
const kv = nn.multiheadAttention(64, 4, { kdim: 32, vdim: 16 });
const keys = input([10, 32], { batch: 2 });
const values = input([10, 16], { batch: 2 });
const padding = input([10], { batch: 2 });
const causal = input([7, 10], { batch: 7 });
const [a, perHead] = kv.call(tgt, keys, values, { keyPaddingMask: padding, averageAttnWeights: false });
expectType<TypeEqual<typeof a, Symbolic<[2, 7, 64]>>>(true);
expectType<TypeEqual<typeof perHead, Symbolic<[2, 4, 7, 10]>>>(true);
const [b, none] = mha.call(tgt, memory, memory, { needWeights: false });
expectType<TypeEqual<typeof b, Symbolic<[2, 7, 64]>>>(true);
expectType<TypeEqual<typeof none, null>>(true);

// Named dimensions flow through.
const q = input(["L", 64], { batch: "b" });
const m = input(["S", 64], { batch: "b" });
const [named, w] = mha.call(q, m, m);
expectType<TypeEqual<typeof named, Symbolic<["b", "L", 64]>>>(true);
expectType<TypeEqual<typeof w, Symbolic<["b", "L", "S"]>>>(true);

const model = graph({ inputs: [tgt, memory], outputs: [out, weights] });
void model;
void causal;

const namedSelf = sequential(input(["seq", 32], { batch: "b" }), nn.multiheadAttention(32, 8), nn.linear(32, 4));
expectType<TypeEqual<OutputShape<typeof namedSelf>, ["b", "seq", 4]>>(true);
const unknownFeatures = sequential(input([7, null]), nn.multiheadAttention(16, 2, { dropout: 0.1, bias: false }));
expectType<TypeEqual<OutputShape<typeof unknownFeatures>, [number, 7, 16]>>(true);
