// Each Transformer builder once, and multiheadAttention called on query, key and value, in a seq2seq graph
// (bench/budgets.json: "bench/models/nn-transformer.ts"): the type-check cost of the calls on several tensors
// (src/model/call.ts) with masks, transformerEncoderLayer/Encoder in pipe, the decoders and nn.transformer.
import { graph, input, nn } from "shapecheck";

const src = input(["S", 64], { batch: "b" });
const tgt = input(["T", 64], { batch: "b" });
const srcPadding = input(["S"], { batch: "b" });
const tgtMask = input(["T"], { batch: "T" });

const encoderLayer = nn.transformerEncoderLayer(64, 4, { dimFeedforward: 128 });
const memory = src.pipe(encoderLayer, nn.transformerEncoder(encoderLayer, 2, { norm: nn.layerNorm(64) }));
const encoded = nn.transformerEncoder(encoderLayer, 2).call(memory, { srcKeyPaddingMask: srcPadding });
const decoderLayer = nn.transformerDecoderLayer(64, 4, { dimFeedforward: 128 });
const step = decoderLayer.call(tgt, encoded, { tgtMask, memoryKeyPaddingMask: srcPadding });
const decoded = nn.transformerDecoder(decoderLayer, 2).call(step, encoded, { tgtMask });
const [attended, weights] = nn
  .multiheadAttention(64, 4, { kdim: 64, vdim: 64 })
  .call(decoded, encoded, encoded, { keyPaddingMask: srcPadding });
const whole = nn.transformer({ dModel: 64, nhead: 4, numEncoderLayers: 1, numDecoderLayers: 1 }).call(src, attended, {
  srcKeyPaddingMask: srcPadding,
});

export const net = graph({ inputs: [src, tgt, srcPadding, tgtMask], outputs: [whole, weights] });
