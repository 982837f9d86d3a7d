import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type OutputShape, type Symbolic } from "shapecheck";

// PyTorch's later arguments positionally (issue 13): shapes as PyTorch 1.13 gives them.
// maxPool(kernel, stride, padding, dilation, returnIndices, ceilMode)
const dilated = sequential(input([3, 16, 16]), nn.maxPool2d(3, 2, 1, 2));
expectType<TypeEqual<OutputShape<typeof dilated>, [number, 3, 7, 7]>>(true);
const ceil = sequential(input([3, 16, 16]), nn.maxPool2d(3, 2, 1, 1, false, true));
expectType<TypeEqual<OutputShape<typeof ceil>, [number, 3, 9, 9]>>(true);
const ceil1d = sequential(input([3, 15]), nn.maxPool1d(3, 2, 1, 2, false, true));
expectType<TypeEqual<OutputShape<typeof ceil1d>, [number, 3, 7]>>(true);
const ceil3d = sequential(input([2, 9, 9, 9]), nn.maxPool3d(2, 2, 0, 2, false, true));
expectType<TypeEqual<OutputShape<typeof ceil3d>, [number, 2, 4, 4, 4]>>(true);
const withOptions = sequential(input([3, 16, 16]), nn.maxPool2d(3, 2, 1, 1, { ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof withOptions>, [number, 3, 9, 9]>>(true);
// avgPool(kernel, stride, padding, ceilMode, countIncludePad, divisorOverride)
const avgCeil = sequential(input([3, 16, 16]), nn.avgPool2d(3, 2, 0, true));
expectType<TypeEqual<OutputShape<typeof avgCeil>, [number, 3, 8, 8]>>(true);
const avg1d = sequential(input([3, 15]), nn.avgPool1d(4, 3, 1, true, false));
expectType<TypeEqual<OutputShape<typeof avg1d>, [number, 3, 6]>>(true);
const avg3d = sequential(input([2, 9, 9, 9]), nn.avgPool3d(3, 2, 1, true, true, 2));
expectType<TypeEqual<OutputShape<typeof avg3d>, [number, 2, 5, 5, 5]>>(true);
// lpPool(normType, kernel, stride, ceilMode)
const lp = sequential(input([3, 16, 16]), nn.lpPool2d(2, 3, 2, true));
expectType<TypeEqual<OutputShape<typeof lp>, [number, 3, 8, 8]>>(true);
const lp1d = sequential(input([3, 15]), nn.lpPool1d(2, 4, 3, true, {}));
expectType<TypeEqual<OutputShape<typeof lp1d>, [number, 3, 5]>>(true);
// unfold(kernel, dilation, padding, stride), fold(outputSize, kernel, dilation, padding, stride)
const unfolded = sequential(input([3, 16, 16]), nn.unfold(3, 2, 1, 2));
expectType<TypeEqual<OutputShape<typeof unfolded>, [number, 27, 49]>>(true);
const unfoldedMixed = sequential(input([3, 16, 16]), nn.unfold(3, 1, { stride: 2 }));
expectType<TypeEqual<OutputShape<typeof unfoldedMixed>, [number, 27, 49]>>(true);
const folded = sequential(input([27, 49]), nn.fold([16, 16], 3, 2, 1, 2));
expectType<TypeEqual<OutputShape<typeof folded>, [number, 3, 16, 16]>>(true);
// the lazy norms: eps and momentum positionally
const lazyNorms = sequential(
  input([4, 8, 8]),
  nn.lazyBatchNorm2d(1e-3, null),
  nn.lazyInstanceNorm2d(1e-3, 0.01, { affine: false }),
);
expectType<TypeEqual<OutputShape<typeof lazyNorms>, [number, 4, 8, 8]>>(true);
// bilinear(in1, in2, out, bias), adaptiveLogSoftmaxWithLoss(in, nClasses, cutoffs, divValue, headBias)
const pair = nn.bilinear(4, 5, 3, false).call(input([4]), input([5]));
expectType<TypeEqual<typeof pair, Symbolic<[number, 3]>>>(true);
const asm = nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], 2, true).call(input([8]), input([]));
expectType<TypeEqual<typeof asm, [Symbolic<[number]>, Symbolic<[]>]>>(true);
// upsample(size, scaleFactor, mode, alignCorners), PyTorch's None as null; upsamplingNearest2d(size, scaleFactor)
const up = sequential(input([3, 8, 8]), nn.upsample(null, 2, "bilinear", true));
expectType<TypeEqual<OutputShape<typeof up>, [number, 3, 16, 16]>>(true);
const upSize = sequential(input([3, 8, 8]), nn.upsample([5, 7]));
expectType<TypeEqual<OutputShape<typeof upSize>, [number, 3, 5, 7]>>(true);
const upMixed = sequential(input([3, 8, 8]), nn.upsample(null, 2, { mode: "bilinear" }));
expectType<TypeEqual<OutputShape<typeof upMixed>, [number, 3, 16, 16]>>(true);
const nearest = sequential(input([3, 8, 8]), nn.upsamplingNearest2d(null, 3));
expectType<TypeEqual<OutputShape<typeof nearest>, [number, 3, 24, 24]>>(true);
// embeddingBag(num, dim, maxNorm (null), normType, scaleGradByFreq (false), mode)
const bags = sequential(input([5]), nn.embeddingBag(100, 8, null, 2, false, "sum"));
expectType<TypeEqual<OutputShape<typeof bags>, [number, 8]>>(true);
