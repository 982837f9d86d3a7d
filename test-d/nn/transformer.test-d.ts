import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type OutputShape, type Symbolic } from "shapecheck";

// (Models in pipe are written whole: test/nn-shapes.test.ts evaluates each `const m = sequential(…)` alone.)

// The encoder layer and encoder keep [batch, seq, dModel] in pipe.
const encoderLayer = nn.transformerEncoderLayer(64, 4, { dimFeedforward: 128, activation: "gelu", normFirst: true });
const encoder = nn.transformerEncoder(encoderLayer, 2, { norm: nn.layerNorm(64) });
const model = sequential(
  input(["seq"], { batch: "b" }),
  nn.embedding(100, 64),
  nn.transformerEncoderLayer(64, 4, { dimFeedforward: 128, activation: "gelu", normFirst: true }),
  nn.transformerEncoder(nn.transformerEncoderLayer(64, 4), 2, { norm: nn.layerNorm(64) }),
);
expectType<TypeEqual<OutputShape<typeof model>, ["b", "seq", 64]>>(true);

// Calls with masks.
const src = input([10, 64], { batch: 2 });
const srcPadding = input([10], { batch: 2 });
const causal = input([10], { batch: 10 });
const encoded = encoder.call(src, { srcMask: causal, srcKeyPaddingMask: srcPadding });
expectType<TypeEqual<typeof encoded, Symbolic<[2, 10, 64]>>>(true);

// The decoder takes the memory as a second input.
const decoder = nn.transformerDecoder(nn.transformerDecoderLayer(64, 4, { dimFeedforward: 128 }), 2);
const tgt = input([7, 64], { batch: 2 });
const tgtMask = input([7], { batch: 7 });
const decoded = decoder.call(tgt, encoded, { tgtMask, memoryKeyPaddingMask: srcPadding });
expectType<TypeEqual<typeof decoded, Symbolic<[2, 7, 64]>>>(true);
const layerOut = nn.transformerDecoderLayer(64, 8).call(tgt, encoded);
expectType<TypeEqual<typeof layerOut, Symbolic<[2, 7, 64]>>>(true);

// nn.transformer on (src, tgt).
const t = nn.transformer({ dModel: 64, nhead: 4, numEncoderLayers: 1, numDecoderLayers: 1, dimFeedforward: 32 });
const out = t.call(src, tgt, { tgtMask });
expectType<TypeEqual<typeof out, Symbolic<[2, 7, 64]>>>(true);

// Named dimensions.
const s = input(["S", 64], { batch: "b" });
const q = input(["T", 64], { batch: "b" });
const named = decoder.call(q, s);
expectType<TypeEqual<typeof named, Symbolic<["b", "T", 64]>>>(true);

const preNorm = sequential(
  input([12, 32], { batch: 4 }),
  nn.transformerEncoderLayer(32, 8, { normFirst: true, layerNormEps: 1e-6, dropout: 0 }),
);
expectType<TypeEqual<OutputShape<typeof preNorm>, [4, 12, 32]>>(true);
const stacked = sequential(
  input(["S", null]),
  nn.transformerEncoder(nn.transformerEncoderLayer(48, 6, { dimFeedforward: 96 }), 3),
  nn.linear(48, 10),
);
expectType<TypeEqual<OutputShape<typeof stacked>, [number, "S", 10]>>(true);
