import { expectType, type TypeEqual } from "ts-expect";
import {
  input,
  nn,
  ops,
  sequential,
  type Symbolic,
  type BatchNorm3d,
  type InstanceNorm,
  type Model,
  type OutputShape,
  type Upsample,
} from "shapecheck";

// Batch norms: the shape is kept; batchNorm3d on rank 5, syncBatchNorm on any rank from 2, the lazy ones take any
// channels; without weights and running statistics batchNorm3d and syncBatchNorm take any channels (as PyTorch).
const volume = sequential(input([8, 4, 16, 16]), nn.batchNorm3d(8), nn.lazyBatchNorm3d(), nn.syncBatchNorm(8));
expectType<TypeEqual<OutputShape<typeof volume>, [number, 8, 4, 16, 16]>>(true);
const anyChannels = sequential(input([5, 7]), nn.syncBatchNorm(3, { affine: false, trackRunningStats: false }));
expectType<TypeEqual<OutputShape<typeof anyChannels>, [number, 5, 7]>>(true);
const lazy = sequential(input([128], { batch: 32 }), nn.lazyBatchNorm1d(), nn.linear(128, 10));
expectType<TypeEqual<OutputShape<typeof lazy>, [32, 10]>>(true);
const unknownChannels = sequential(input([null, 6, 6, 6]), nn.batchNorm3d(4));
expectType<TypeEqual<OutputShape<typeof unknownChannels>, [number, 4, 6, 6, 6]>>(true);

// Instance norms: batched or unbatched (PyTorch reads dimension 0 as the channels); channels checked only with
// affine or trackRunningStats (lazy: both true by default).
const styled = sequential(input([3, 32, 32]), nn.instanceNorm2d(3, { affine: true }), nn.conv2d(3, 8, 3));
expectType<TypeEqual<OutputShape<typeof styled>, [number, 8, 30, 30]>>(true);
const loose = sequential(input([5, 20]), nn.instanceNorm1d(3));
expectType<TypeEqual<OutputShape<typeof loose>, [number, 5, 20]>>(true);
const unbatched = sequential(input([4, 5], { batch: 3 }), nn.instanceNorm2d(3, { affine: true }));
expectType<TypeEqual<OutputShape<typeof unbatched>, [3, 4, 5]>>(true);
const lazyInstance = sequential(input([2, 3, 4, 5]), nn.lazyInstanceNorm3d());
expectType<TypeEqual<OutputShape<typeof lazyInstance>, [number, 2, 3, 4, 5]>>(true);

// Upsample: sizes, or ⌊size × scaleFactor⌋ (exact for integers and binary fractions; `number` where the double
// product may fall below an integer: 0.3 × 10).
const gan = sequential(input([64, 8, 8]), nn.upsample({ scaleFactor: 2 }), nn.upsamplingNearest2d({ size: [20, 24] }));
expectType<TypeEqual<OutputShape<typeof gan>, [number, 64, 20, 24]>>(true);
const smooth = sequential(input([3, 10, 7]), nn.upsample({ scaleFactor: [0.5, 1.5], mode: "bicubic" }));
expectType<TypeEqual<OutputShape<typeof smooth>, [number, 3, 5, 10]>>(true);
const inexact = sequential(input([3, 10, 7]), nn.upsample({ scaleFactor: 0.3, mode: "bilinear", alignCorners: true }));
expectType<TypeEqual<OutputShape<typeof inexact>, [number, 3, number, 2]>>(true);
const signal = sequential(input([2, 9]), nn.upsample({ size: 16, mode: "linear" }));
expectType<TypeEqual<OutputShape<typeof signal>, [number, 2, 16]>>(true);
const cube = sequential(input([1, 4, 4, 4]), nn.upsample({ scaleFactor: [1, 2, 2], mode: "trilinear" }));
expectType<TypeEqual<OutputShape<typeof cube>, [number, 1, 4, 8, 8]>>(true);
const named = sequential(input([3, "h", 8]), nn.upsamplingBilinear2d({ scaleFactor: 2 }));
expectType<TypeEqual<OutputShape<typeof named>, [number, 3, number, 16]>>(true);

// rrelu keeps the shape; embeddingBag: [bags, n] → [bags, embeddingDim].
const bags = sequential(input([20], { batch: 16 }), nn.embeddingBag(1000, 64, { mode: "sum" }), nn.rrelu(0.1, 0.3));
expectType<TypeEqual<OutputShape<typeof bags>, [16, 64]>>(true);

type Block = Model<
  [8, 4, 4, 4],
  [BatchNorm3d<8>, Upsample<"upsample", "upsample(scaleFactor 2)", "nearest", undefined, 2>]
>;
expectType<TypeEqual<OutputShape<Block>, [number, 8, 8, 8, 8]>>(true);
type Styled = Model<[3, 16, 16], [InstanceNorm<"instanceNorm2d", 3, true>]>;
expectType<TypeEqual<OutputShape<Styled>, [number, 3, 16, 16]>>(true);

// ops.interpolate shares upsample's rule: 1 to 3 spatial dimensions in "nearest", 2 in "bilinear".
const resized = ops.interpolate(input([3, 8, 8, 8]), { scaleFactor: [1, 0.5, 1.5] });
expectType<TypeEqual<typeof resized, Symbolic<[number, 3, 8, 4, 12]>>>(true);
const stretched = ops.interpolate(input([16, 8]), { size: 5 });
expectType<TypeEqual<typeof stretched, Symbolic<[number, 16, 5]>>>(true);
