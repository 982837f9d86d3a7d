// The exports of models used as layers, called layers and the reshaping/reducing `ops` (issue 20's gaps after
// session 6). toPyTorch: the emitted module, with shapecheck's weights (saveSafetensors, strict load_state_dict:
// the same keys), computes what shapecheck predicts within 1e-4 in PyTorch 1.13 (/usr/bin/python3), and its
// trained weights load back (test/pytorch/run_exported.py). toOnnx: ONNX Runtime (onnxruntime-web) predicts what
// shapecheck does within 1e-4, on a batch and named sizes other than the ones the file was written with (symbolic
// dims stay symbolic), and onnx.checker accepts every file. What has no form is an ExportError naming it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as ort from "onnxruntime-web";
import { einops, graph, input, named, nn, ops, sequential } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { ExportError, toPyTorch } from "../src/pytorch.ts";
import { toOnnx } from "../src/onnx.ts";
import { decodeSafetensors, encodeSafetensors, loadSafetensors, saveSafetensors } from "../src/runtime/safetensors.ts";
import { gan, generatorThroughD } from "../examples/gan.ts";
import { vitPatches } from "../examples/vit-patches.ts";
import { squeezeExcitation } from "../examples/squeeze-excitation.ts";
import { lstmClassifier } from "../examples/lstm-classifier.ts";
import { transformerBlock } from "../examples/transformer-block.ts";

const python = process.env.SHAPECHECK_PYTHON ?? "/usr/bin/python3";
const tolerance = 1e-4;
const n: any = nn; // builders called with runtime values here; their types are tested elsewhere
const o: any = ops;
const e: any = einops;
ort.env.logLevel = "error";

interface Case {
  readonly net: unknown;
  /** Per input: integers in [0, n) (indices, targets) instead of values in [-1, 1]. */
  readonly indices?: readonly (number | undefined)[];
  /** Per input: the sizes of its unknown or named dimensions (default: batch 2, others 5). */
  readonly sizes?: readonly (readonly number[])[];
  /** Per input: a 0/1 mask (values > 0.5 are masked), with column 0 never masked. */
  readonly masks?: readonly boolean[];
}

// ---- models used as layers -----------------------------------------------------------------------------------
const block = named(
  "block",
  (() => {
    const x = input([8]);
    return graph({ inputs: [x], outputs: [o.add(x, x.pipe(n.linear(8, 8), n.tanh()))] });
  })(),
);
const mlp = named("mlp", sequential(input([8]), n.linear(8, 8), n.relu(), n.batchNorm1d(8)));
const unnamed = sequential(input([8]), n.linear(8, 8), n.sigmoid());
const inner = named("inner", sequential(input([8]), mlp, n.linear(8, 8))); // a model using a model
const twice = sequential(input([6]), n.linear(6, 8), block, mlp, block, unnamed, mlp, inner, n.linear(8, 3));
// a model first applied inside a block (its keys `0.layers.0.…`), then again in the chain and in a nested sequential
const inBlock = named("inBlock", sequential(input([8]), n.linear(8, 8), n.tanh()));
const blocks = sequential(
  input([8]),
  n.residual(inBlock),
  inBlock,
  n.sequential(n.relu(), inBlock),
  n.concat(1, [inBlock], [n.linear(8, 2)]),
);
const gx = input([8]);
const gy = input([8]);
const first = gy.pipe(mlp, n.relu()); // created first, converted second: mlp's keys are those of output 0's pipe
const graphTwice = graph({ inputs: [gx, gy], outputs: [gx.pipe(n.linear(8, 8), mlp, block), first] });

// ---- called layers -----------------------------------------------------------------------------------------------
const seq = input([5, 3], { batch: 2 });
const h0 = input([2, 4], { batch: 4 }); // [4, 2, 4]: 2 layers × 2 directions, batch 2 (a state's first dim is not the batch)
const c0 = input([2, 4], { batch: 4 });
const lstmStates = n.lstm(3, 4, { numLayers: 2, bidirectional: true }).call(seq, [h0, c0]);
const gh = input([2, 6], { batch: 2 }); // [2, 2, 6]: 2 layers
const gruStates = n.gru(3, 6, { numLayers: 2 }).call(seq, gh);
const lstmZero = n.lstm(3, 4, { bias: false }).call(seq);
const step = input([3], { batch: 2 });
const ch = input([4], { batch: 2 });
const cc = input([4], { batch: 2 });
const lstmCell = n.lstmCell(3, 4).call(step, [ch, cc]);
const gruCell = n.gruCell(3, 4).call(step, ch);
const rh = input([2, 4], { batch: 2 }); // [2, 2, 4]: bidirectional, one layer
const rnnStates = n.rnn(3, 4, { bidirectional: true, nonlinearity: "relu" }).call(seq, rh);
const rnnCell = n.rnnCell(3, 4).call(step, ch);
const query = input([4, 8]);
const memory = input([6, 8]);
const mha = n.multiheadAttention(8, 2);
const cross = mha.call(query, memory, memory);
const kv = input([6, 5]);
const crossKdim = n.multiheadAttention(8, 4, { kdim: 5, vdim: 5, bias: false }).call(query, kv, kv, {
  averageAttnWeights: false,
});
const padMask = input([6]);
const attnMask = input([4, 6], { batch: 1 });
const srcMask = input([6, 6], { batch: 1 });
const tgtMask = input([4, 4], { batch: 1 });
const masked = n.multiheadAttention(8, 2).call(query, memory, memory, { keyPaddingMask: padMask });
const masked2 = n.multiheadAttention(8, 2).call(query, memory, memory, { attnMask: o.flatten(attnMask, 0, 1) });
const bagInput = input([3]);
const left = input([3]);
const right = input([4]);
const asmInput = input([8]);
const asmTarget = input([]);
const asm = n.adaptiveLogSoftmaxWithLoss(8, 20, [4, 10], { divValue: 2, headBias: true }).call(asmInput, asmTarget);

// ---- ops: reshape, reduce, einsum, einops --------------------------------------------------------------------------
const x = input([4, 6]);
const t4 = input(["h", 6, 2]);
const reshapes = graph({
  inputs: [x, t4],
  outputs: [
    o.reshape(x, [x.size(0), 24]),
    o.view(x, [x.size(0), -1, 3]),
    o.flatten(t4, 1),
    o.flatten(t4, 0, 1),
    o.unflatten(x, 2, [2, 3]),
    o.unflatten(t4, -1, [1, 2]),
    o.squeeze(o.unsqueeze(x, 1), 1),
    o.squeeze(o.unflatten(t4, 3, [1, 2]), 3),
    o.squeeze(x, 1),
    o.unsqueeze(t4, -1),
    o.expand(o.unsqueeze(x, 1), [-1, 3, 4, 6]),
    o.expand(x, [5, -1, 4, 6]),
    o.tile(x, [2, 1]),
    o.tile(t4, [2, 1, 1, 3]),
    o.select(t4, 2, -1),
    o.select(x, 1, 0),
    o.narrow(t4, 2, 1, 1),
    o.narrow(x, 2, -2, 2),
    o.stack([x, o.neg(x)], 1),
    o.stack([x, x], -1),
    o.transpose(t4, 1, 3),
    o.permute(t4, [0, 3, 1, 2]),
    o.view(t4, [t4.size(0), t4.size(1), 12]),
    o.reshape(x, [-1]),
    o.reshape(t4, [t4.size(0), 2, -1, 2]),
  ],
});
const reductions = graph({
  inputs: [x, t4],
  outputs: [
    o.sum(x, 1),
    o.sum(x, [1, 2], { keepdim: true }),
    o.sum(t4),
    o.mean(t4, 1),
    o.mean(x, -1, { keepdim: true }),
    o.amax(t4, [1, 3]),
    o.amin(x, 2, { keepdim: true }),
    o.logsumexp(x, 2),
    o.var(t4, 1),
    o.std(x, [1, 2], { keepdim: true }),
    o.var(x, 2, { correction: 0 }),
    o.std(t4, 1, { correction: 0 }),
    o.argmax(x, 2),
    o.argmax(t4, 1, { keepdim: true }),
    o.rsqrt(o.add(o.square(x), 1)),
    o.silu(o.gelu(x)),
  ],
});
const a3 = input([4, 5]);
const b3 = input([5, 3]);
const einsums = graph({
  inputs: [a3, b3],
  outputs: [
    o.einsum("bij,bjk->bik", a3, b3),
    o.einsum("bij->bji", a3),
    o.einsum("...ij,...jk->...ik", a3, b3),
    o.einsum("bij,bjk", a3, b3),
    o.einsum("bii->bi", o.narrow(a3, 2, 0, 4)),
    o.bmm(a3, b3),
  ],
});
const img = input([3, 8, 6]);
const einopsCases = graph({
  inputs: [img],
  outputs: [
    e.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", { p1: 4, p2: 2 }),
    e.rearrange(img, "b c h w -> b h w c"),
    e.rearrange(img, "b c ... -> b ... c"),
    e.rearrange(img, "b c h w -> (b c) h w"),
    e.rearrange(img, "b c h w -> b 1 c h w"),
    e.reduce(img, "b c (h 2) (w 2) -> b c h w", "max"),
    e.reduce(img, "b c h w -> b c", "mean"),
    e.reduce(img, "b c h w -> b () h w", "sum"),
    e.reduce(img, "b c h w -> b w", "min"),
    e.repeat(img, "b c h w -> b c h w r", { r: 3 }),
    e.repeat(e.reduce(img, "b c h w -> b c", "mean"), "b c -> b c (h 2) w", { h: 2, w: 3 }),
  ],
});

const pytorchCases: Record<string, Case> = {
  gan: { net: gan },
  generatorThroughD: { net: generatorThroughD },
  modelsTwice: { net: twice },
  graphModelsTwice: { net: graphTwice },
  modelInBlocks: { net: blocks },
  adaptiveLogSoftmax: {
    net: graph({ inputs: [asmInput, asmTarget], outputs: [asm[0], asm[1]] }),
    indices: [undefined, 20],
  },
  tile: { net: graph({ inputs: [x, t4], outputs: [o.tile(x, [2, 1]), o.tile(t4, [2, 1, 1, 3]), o.tile(x, [3])] }) },
};

const onnxCases: Record<string, Case> = {
  gan: { net: gan, sizes: [[3], [3]] },
  generatorThroughD: { net: generatorThroughD },
  modelsTwice: { net: twice, sizes: [[3]] },
  graphModelsTwice: { net: graphTwice },
  modelInBlocks: { net: blocks },
  recurrentStates: {
    net: graph({
      inputs: [seq, h0, c0, gh],
      outputs: [lstmStates[0], lstmStates[1][0], lstmStates[1][1], gruStates[0], gruStates[1], ...lstmZero.flat()],
    }),
  },
  cellStates: { net: graph({ inputs: [step, ch, cc], outputs: [lstmCell[0], lstmCell[1], gruCell, rnnCell] }) },
  rnnStates: { net: graph({ inputs: [seq, rh], outputs: [rnnStates[0], rnnStates[1]] }) },
  rnnChain: {
    net: sequential(
      input([5, 3]),
      n.rnn(3, 4, { numLayers: 2, bidirectional: true }),
      n.rnn(8, 3, { nonlinearity: "relu", bias: false }),
      n.linear(3, 2), // a relu layer's output can be all 0 (the guard below)
    ),
    sizes: [[3]],
  },
  cellsChain: {
    // a linear after the relu cell: its output is not all 0 whatever the random weights
    net: sequential(
      input([3]),
      n.lstmCell(3, 4),
      n.gruCell(4, 5),
      n.rnnCell(5, 2, { nonlinearity: "relu" }),
      n.linear(2, 3),
    ),
    sizes: [[3]],
  },
  crossAttention: {
    net: graph({ inputs: [query, memory, kv], outputs: [cross[0], cross[1], crossKdim[0], crossKdim[1]] }),
    sizes: [[3], [3], [3]],
  },
  attentionMasks: {
    net: graph({ inputs: [query, memory, padMask, attnMask], outputs: [masked[0], masked[1], masked2[0], masked2[1]] }),
    masks: [false, false, true, true],
  },
  bilinear: { net: graph({ inputs: [left, right], outputs: [n.bilinear(3, 4, 5).call(left, right)] }) },
  bilinearNoBias: {
    net: graph({ inputs: [left, right], outputs: [n.bilinear(3, 4, 2, { bias: false }).call(left, right)] }),
    sizes: [[4], [4]],
  },
  activations: {
    net: sequential(
      input([4, 5, 6]),
      n.conv2d(4, 4, 1),
      n.elu(0.5),
      n.celu(1.5),
      n.selu(),
      n.relu6(),
      n.conv2d(4, 4, 1),
      n.hardtanh(-0.5, 0.5),
      n.hardsigmoid(),
      n.conv2d(4, 4, 1),
      n.hardswish(),
      n.softplus(2, 1),
      n.conv2d(4, 4, 1),
      n.softsign(),
      n.silu(),
      n.mish(),
      n.logsigmoid(),
      n.conv2d(4, 4, 1),
      n.tanhshrink(),
      n.softshrink(0.1),
      n.conv2d(4, 4, 1),
      n.hardshrink(0.05),
      n.threshold(0.1, -2),
      n.prelu(4),
      n.prelu(),
      n.glu(1),
      n.softmin(1),
      n.softmax2d(),
    ),
    sizes: [[3]],
  },
  sessionSixLayers: {
    net: sequential(
      input([2, 5, 6, 6]),
      n.lazyConv3d(3, 2),
      n.convTranspose3d(3, 2, 2, { stride: 2 }),
      n.maxPool3d(2, { padding: 1 }),
      n.batchNorm3d(2),
      n.lazyBatchNorm3d(),
      n.instanceNorm3d(2, { affine: true }),
      n.avgPool3d(2, { ceilMode: true }),
      n.adaptiveAvgPool3d([3, 1, 3]),
      n.adaptiveMaxPool3d([3, 1, 1]),
      n.dropout3d(0.5),
      n.alphaDropout(0.5),
      n.featureAlphaDropout(0.2),
      n.flatten(2),
      n.lazyConvTranspose1d(4, 2),
      n.adaptiveMaxPool1d(2),
      n.syncBatchNorm(4),
      n.instanceNorm1d(4, { affine: true, trackRunningStats: true }),
      n.lazyInstanceNorm1d(),
      n.dropout1d(0.1),
      n.groupNorm(2, 4),
      n.groupNorm(1, 4, { affine: false }),
    ),
  },
  shufflesAndPads: {
    net: sequential(
      input([8, 4, 6]),
      n.pixelShuffle(2),
      n.pixelUnshuffle(2),
      n.channelShuffle(4),
      n.reflectionPad2d([1, 2, 0, 1]),
      n.replicationPad2d([2, 0, 1, 3]),
      n.zeroPad2d([0, 1, 2, 1]),
      n.constantPad2d([1, 0, 0, 2], 0.5),
      n.flatten(2),
      n.reflectionPad1d([2, 1]),
      n.replicationPad1d([0, 3]),
      n.zeroPad1d([1, 2]),
      n.constantPad1d([3, 0], -1),
      n.unflatten(2, [2, 97]),
      n.unflatten(1, [1, 8]),
      n.replicationPad3d([1, 0, 0, 1, 2, 0]),
      n.zeroPad3d(1),
      n.constantPad3d([0, 1, 1, 0, 0, 1], 2),
      n.reflectionPad3d(1),
    ),
    sizes: [[3]],
  },
  // ceil mode with the padding counted: ONNX Runtime divided the last window by another count (was a silent difference)
  avgPoolCeil: {
    net: sequential(
      input([2, 5, 6]),
      n.avgPool2d(3, 2, 1, { ceilMode: true }),
      n.avgPool2d(2, { ceilMode: true }),
      n.flatten(2),
      n.avgPool1d(2, { ceilMode: true }),
    ),
  },
  upsample: {
    net: sequential(
      input([2, 4, 3]),
      n.upsample({ scaleFactor: 2, mode: "bilinear", alignCorners: true }),
      n.upsample({ size: [9, 7], mode: "bilinear" }),
      n.upsample({ scaleFactor: 2 }),
      n.upsample({ scaleFactor: [1.5, 0.5] }),
      n.upsample({ size: [5, 5] }),
      n.upsamplingNearest2d({ size: [7, 6] }),
      n.upsamplingBilinear2d({ scaleFactor: 2 }),
      n.upsample({ scaleFactor: 1.5, mode: "bilinear" }),
      n.flatten(2),
      n.upsample({ scaleFactor: 2, mode: "linear" }),
      n.localResponseNorm(3, { alpha: 0.01 }),
      n.rrelu(0.1, 0.3),
    ),
    sizes: [[3]],
  },
  transformerEncoders: {
    net: sequential(
      input(["seq", 8]),
      n.transformerEncoderLayer(8, 2, { dimFeedforward: 16 }),
      n.transformerEncoderLayer(8, 4, { dimFeedforward: 12, activation: "gelu", normFirst: true, layerNormEps: 1e-3 }),
      n.transformerEncoder(n.transformerEncoderLayer(8, 2, { dimFeedforward: 16 }), 2, { norm: n.layerNorm(8) }),
    ),
    sizes: [[3, 6]],
  },
  encoderMasks: {
    net: graph({
      inputs: [memory, padMask, srcMask],
      outputs: [
        n.transformerEncoderLayer(8, 2, { dimFeedforward: 16 }).call(memory, { srcKeyPaddingMask: padMask }),
        n
          .transformerEncoder(n.transformerEncoderLayer(8, 2, { dimFeedforward: 16, normFirst: true }), 2)
          .call(memory, { srcMask: o.flatten(srcMask, 0, 1), srcKeyPaddingMask: padMask }),
      ],
    }),
    masks: [false, true, true],
  },
  decoders: {
    net: graph({
      inputs: [query, memory, tgtMask, padMask],
      outputs: [
        n.transformerDecoderLayer(8, 2, { dimFeedforward: 16 }).call(query, memory, {
          tgtMask: o.flatten(tgtMask, 0, 1),
          memoryKeyPaddingMask: padMask,
        }),
        n
          .transformerDecoder(
            n.transformerDecoderLayer(8, 4, { dimFeedforward: 12, normFirst: true, activation: "gelu" }),
            2,
            {
              norm: n.layerNorm(8),
            },
          )
          .call(query, memory),
        n
          .transformer({ dModel: 8, nhead: 2, numEncoderLayers: 2, numDecoderLayers: 1, dimFeedforward: 16 })
          .call(memory, query, { tgtMask: o.flatten(tgtMask, 0, 1), srcKeyPaddingMask: padMask }),
      ],
    }),
    masks: [false, false, true, true],
  },
  embeddingBags: {
    net: graph({
      inputs: [bagInput],
      outputs: ["mean", "sum", "max"].flatMap((mode) => [
        bagInput.pipe(n.embeddingBag(6, 4, { mode })),
        bagInput.pipe(n.embeddingBag(6, 4, { mode, paddingIdx: 0 })),
      ]),
    }),
    indices: [3], // indices 0-2: bags of padding only happen
    sizes: [[5]],
  },
  foldUnfold: {
    net: sequential(
      input([3, 6, 6]),
      n.unfold(2, { stride: 2 }),
      n.fold([6, 6], 2, { stride: 2 }),
      n.unfold([3, 2], { padding: 1, dilation: [1, 2] }),
      n.fold([6, 6], [3, 2], { padding: 1, dilation: [1, 2] }),
      n.unfold(3, { stride: 2, padding: 1 }),
      n.fold([6, 6], 3, { stride: 2, padding: 1 }), // the last row and column no window reaches: output_padding
    ),
  },
  lpPool: {
    net: sequential(
      input([3, 10, 9]),
      n.relu(), // a fractional power of a negative sum is NaN in PyTorch too
      n.lpPool2d(2, 3),
      n.lpPool2d(1.5, [2, 1], 1),
      n.flatten(2),
      n.lpPool1d(3, 2),
    ),
  },
  nested: {
    net: sequential(
      input([4, 6, 6]),
      n.sequential(n.conv2d(4, 4, 3, 1, 1), n.batchNorm2d(4), n.relu()),
      n.repeat(2, n.conv2d(4, 4, 1), n.tanh()),
    ),
  },
  reshapes: { net: reshapes, sizes: [[3], [3, 2]] },
  reductions: { net: reductions, sizes: [[3], [3, 2]] },
  einsum: { net: einsums, sizes: [[3], [3]] },
  einops: { net: einopsCases, sizes: [[3]] },
  vitPatches: { net: vitPatches, sizes: [[3]] },
  squeezeExcitation: { net: squeezeExcitation, sizes: [[3, 5, 7]] },
  lstmClassifier: { net: lstmClassifier, indices: [1000], sizes: [[3, 7]] },
  transformerBlock: { net: transformerBlock, sizes: [[3, 9]] },
};

const concrete = (shape: readonly (number | null | string)[], sizes: readonly number[] = []): number[] => {
  let next = 0;
  return shape.map((d, i) => (typeof d === "number" ? d : (sizes[next++] ?? (i === 0 ? 2 : 5))));
};
/** Deterministic inputs (a small LCG): values in [-1, 1], integers below `indices`, or a 0/1 mask. */
function inputOf(shape: number[], seed: number, indices?: number, mask?: boolean): tf.Tensor {
  let state = seed * 7919 + 17;
  const count = shape.reduce((p, q) => p * q, 1);
  const last = shape.at(-1) ?? 1;
  const values = Float32Array.from({ length: count }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    const r = state / 2147483648;
    if (mask) return i % last === 0 ? 0 : r < 0.3 ? 1 : 0;
    return indices === undefined ? r * 2 - 1 : Math.floor(r * indices);
  });
  return tf.tensor(values, shape);
}
const inputShapesOf = (net: any): (number | null | string)[][] =>
  net.kind === "graph" ? net.inputShapes : [net.inputShape];
const inputsOf = (c: Case): tf.Tensor[] =>
  inputShapesOf(c.net).map((shape, i) => inputOf(concrete(shape, c.sizes?.[i]), i + 1, c.indices?.[i], c.masks?.[i]));
// 1-d inputs (adaptiveLogSoftmaxWithLoss's target [batch]) through the tfjs model itself: predict would add a dimension
const predictOn = (model: any, xs: tf.Tensor[], isGraph: boolean): tf.Tensor[] =>
  xs.some((t) => t.rank === 1)
    ? [
        model.tfjs.execute(
          xs,
          model.tfjs.outputs.map((out: { name: string }) => out.name),
        ),
      ].flat()
    : [model.predict(isGraph && xs.length > 1 ? xs : xs[0]!)].flat();
function maxDiff(want: tf.Tensor, shape: readonly number[], data: ArrayLike<number | bigint>): number {
  assert.deepEqual([...shape], want.shape);
  const values = want.dataSync();
  let most = 0;
  for (let i = 0; i < values.length; i++) most = Math.max(most, Math.abs(values[i]! - Number(data[i])));
  return most;
}

const dir = mkdtempSync(join(tmpdir(), "shapecheck-export-gaps-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const differences: Record<string, number> = {};

describe("toPyTorch: models used as layers, adaptiveLogSoftmaxWithLoss's call", () => {
  const prepared = new Map<string, { xs: tf.Tensor[]; predicted: tf.Tensor[]; isGraph: boolean; source: string }>();
  const failures = new Map<string, unknown>();
  before(async () => {
    await ready();
    for (const [name, c] of Object.entries(pytorchCases)) {
      try {
        const net = c.net as any;
        const isGraph = net.kind === "graph";
        const caseDir = join(dir, `pt-${name}`);
        mkdirSync(caseDir);
        const source = toPyTorch(net, { name });
        writeFileSync(join(caseDir, "model.py"), source);
        const model = build(net);
        const xs = inputsOf(c);
        await saveSafetensors(model, join(caseDir, "weights.safetensors"));
        const inputs = Object.fromEntries(
          xs.map((t, i) => [
            xs.length === 1 ? "x" : `x${i}`,
            { dtype: "F32" as const, shape: t.shape, data: t.dataSync() as Float32Array },
          ]),
        );
        writeFileSync(join(caseDir, "input.safetensors"), encodeSafetensors(inputs));
        prepared.set(name, { xs, predicted: predictOn(model, xs, isGraph), isGraph, source });
        model.dispose();
      } catch (error) {
        failures.set(name, error);
      }
    }
    execFileSync(
      python,
      [
        new URL("./pytorch/run_exported.py", import.meta.url).pathname,
        ...[...prepared.keys()].map((name) => join(dir, `pt-${name}`)),
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  });

  for (const name of Object.keys(pytorchCases)) {
    test(`${name}: shapecheck's weights in PyTorch, and PyTorch's trained weights in shapecheck`, async () => {
      if (failures.has(name)) throw failures.get(name);
      const { xs, predicted, isGraph } = prepared.get(name)!;
      const caseDir = join(dir, `pt-${name}`);
      const failed = join(caseDir, "error.txt");
      if (existsSync(failed)) assert.fail(`PyTorch failed on the emitted module:\n${readFileSync(failed, "utf8")}`);
      const torchOut = decodeSafetensors(readFileSync(join(caseDir, "output.safetensors")));
      predicted.forEach((y, i) => {
        const diff = maxDiff(y, torchOut[`y${i}`]!.shape, torchOut[`y${i}`]!.data);
        differences[`toPyTorch ${name}`] = Math.max(differences[`toPyTorch ${name}`] ?? 0, diff);
        assert.ok(diff <= tolerance, `${name} output ${i}: max |difference| ${diff}`);
      });
      const fresh = build(pytorchCases[name]!.net as any);
      await loadSafetensors(fresh, join(caseDir, "trained.safetensors"));
      const trainedOut = decodeSafetensors(readFileSync(join(caseDir, "trained_output.safetensors")));
      predictOn(fresh, xs, isGraph).forEach((y, i) => {
        const diff = maxDiff(y, trainedOut[`y${i}`]!.shape, trainedOut[`y${i}`]!.data);
        differences[`toPyTorch ${name} (trained)`] = Math.max(differences[`toPyTorch ${name} (trained)`] ?? 0, diff);
        assert.ok(diff <= tolerance, `${name} trained output ${i}: max |difference| ${diff}`);
      });
      fresh.dispose();
    });
  }

  test("a model used twice is one module: NetD() once, Reuse(...) where it is applied again", () => {
    const source = toPyTorch(gan, { name: "gan" });
    assert.match(source, /class NetD\(nn\.Sequential\)/);
    assert.equal(source.match(/= NetD\(\)/g)?.length, 1);
    assert.match(source, /Reuse\(model_net_d\)/);
  });
});

describe("toOnnx: models used as layers, called layers, reshapes, reductions, einsum, einops", () => {
  before(async () => {
    await ready();
  });
  for (const [name, c] of Object.entries(onnxCases)) {
    test(name, async () => {
      const net = c.net as any;
      const isGraph = net.kind === "graph";
      const model = build(net);
      const bytes = toOnnx(net, { weights: model.stateDict(), name });
      writeFileSync(join(dir, `${name}.onnx`), bytes);
      const xs = inputsOf(c);
      const predicted = predictOn(model, xs, isGraph);
      const session = await ort.InferenceSession.create(bytes);
      const inputNames = xs.length === 1 ? ["input"] : xs.map((_, i) => `input${i}`);
      const feeds = Object.fromEntries(
        xs.map((t, i) => [inputNames[i]!, new ort.Tensor("float32", t.dataSync() as Float32Array, t.shape)]),
      );
      const results = await session.run(feeds);
      const outputNames = predicted.length === 1 ? ["output"] : predicted.map((_, i) => `output${i}`);
      // not a comparison of zeros
      assert.ok(
        predicted.some((y) => y.dataSync().some((v) => v !== 0)),
        `${name}: every output is 0`,
      );
      predicted.forEach((y, i) => {
        const got = results[outputNames[i]!]!;
        const diff = maxDiff(y, got.dims, got.data as Float32Array);
        differences[`toOnnx ${name}`] = Math.max(differences[`toOnnx ${name}`] ?? 0, diff);
        assert.ok(diff <= tolerance, `${name} output ${i}: max |difference| ${diff}`);
      });
      await session.release();
      model.dispose();
    });
  }

  test("onnx.checker accepts every file (opset 17); unknown sizes are symbolic dims", () => {
    const script = `
import glob, json, os, sys, onnx
out = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.onnx"))):
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    out[os.path.basename(path)[:-5]] = {"opset": m.opset_import[0].version, "inputs": [dims(v) for v in m.graph.input], "outputs": [dims(v) for v in m.graph.output]}
print(json.dumps(out))`;
    const read = JSON.parse(execFileSync(python, ["-c", script, dir], { encoding: "utf8" })) as Record<
      string,
      { opset: number; inputs: unknown[][]; outputs: unknown[][] }
    >;
    assert.deepEqual(Object.keys(read).sort(), Object.keys(onnxCases).sort());
    for (const file of Object.values(read)) assert.equal(file.opset, 17);
    assert.deepEqual(read.reshapes!.inputs, [
      ["batch", 4, 6],
      ["batch", "h", 6, 2],
    ]);
    assert.deepEqual(read.transformerBlock!.outputs, [["batch", "seq", 64]]);
  });
  after(() => console.log(JSON.stringify(differences, null, 1)));
});

describe("exports: what has no form is an ExportError naming it", () => {
  const weights = {};
  const refused = (f: () => unknown, message: RegExp) =>
    assert.throws(f, (error: unknown) => {
      assert.ok(error instanceof ExportError, String(error));
      assert.match(error.message, message);
      return true;
    });
  test("toOnnx: adaptiveLogSoftmaxWithLoss's call", () =>
    refused(
      () => toOnnx(graph({ inputs: [asmInput, asmTarget], outputs: [asm[0]] }), { weights }),
      /^toOnnx: adaptiveLogSoftmaxWithLoss\(8, 20, \[4, 10\].*\.call\(…\) \(kind "adaptiveLogSoftmaxWithLoss"\) has no ONNX form/,
    ));
  test("toOnnx: a reshape with two unknown sizes", () => {
    const y = input([4, "w"]);
    refused(
      () => toOnnx(graph({ inputs: [y], outputs: [o.reshape(y, [-1, null])] }), { weights }),
      /^toOnnx: ops\.reshape has no ONNX form: more than one size is unknown/,
    );
  });
  test("toOnnx: an LSTM call with a projection", () =>
    refused(
      () => toOnnx(graph({ inputs: [seq], outputs: [n.lstm(3, 4, { projSize: 2 }).call(seq)[0]] }), { weights }),
      /^toOnnx: lstm\(3, 4, \{ projSize: 2 \}\) \(kind "lstm"\) has no ONNX form: ONNX's LSTM has no projection/,
    ));
  test("toOnnx: avg pooling in ceil mode on sizes that are not known", () =>
    refused(
      () => toOnnx(sequential(input([3, "h", "w"]), n.avgPool2d(2, { ceilMode: true })), { weights }),
      /^toOnnx: avgPool2d\(2, \{ ceilMode: true \}\) \(kind "avgPool2d"\) has no ONNX form: in ceil mode its divisor needs the input's sizes/,
    ));
  test("toOnnx: local response norm of an even size", () =>
    refused(
      () => toOnnx(sequential(input([4, 5]), n.localResponseNorm(2)), { weights }),
      /^toOnnx: localResponseNorm\(2\) \(kind "localResponseNorm"\) has no ONNX form: an even size/,
    ));
  test("toOnnx: bicubic upsampling", () =>
    refused(
      () => toOnnx(sequential(input([2, 4, 4]), n.upsample({ scaleFactor: 2, mode: "bicubic" })), { weights }),
      /\(kind "upsample"\) has no ONNX form: mode "bicubic" is not written to ONNX/,
    ));
  test("toOnnx: ops.interpolate names itself", () => {
    const y = input([3, 4, 4]);
    refused(
      () => toOnnx(graph({ inputs: [y], outputs: [o.interpolate(y, { scaleFactor: 2 })] }), { weights }),
      /^toOnnx: ops\.interpolate has no ONNX form/,
    );
  });
});
