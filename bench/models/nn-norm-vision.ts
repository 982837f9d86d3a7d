// Each normalization, vision and misc `nn` module of issue 16 once (bench/budgets.json: "bench/models/nn-norm-vision.ts"):
// the type-check cost of batchNorm3d, syncBatchNorm, the lazy batch norms, the instance norms, upsample (nearest,
// bilinear, bicubic, trilinear, linear), upsamplingNearest2d, upsamplingBilinear2d, rrelu and embeddingBag.
import { input, nn, sequential, type OutputShape } from "shapecheck";

export const net = sequential(
  input([3, 32, 32]),
  nn.instanceNorm2d(3, { affine: true }),
  nn.lazyInstanceNorm2d(),
  nn.conv2d(3, 16, 3, 1, 1),
  nn.syncBatchNorm(16),
  nn.lazyBatchNorm2d(),
  nn.rrelu(0.1, 0.3),
  nn.upsample({ scaleFactor: 2 }),
  nn.upsample({ scaleFactor: 0.5, mode: "bilinear", alignCorners: true }),
  nn.upsample({ size: [48, 48], mode: "bicubic" }),
  nn.upsamplingNearest2d({ scaleFactor: 2 }),
  nn.upsamplingBilinear2d({ size: [32, 32] }),
  nn.unflatten(1, [4, 4]),
  nn.batchNorm3d(4),
  nn.lazyBatchNorm3d(),
  nn.instanceNorm3d(4),
  nn.lazyInstanceNorm3d(),
  nn.upsample({ scaleFactor: [1, 0.5, 0.5], mode: "trilinear" }),
  nn.flatten(2),
  nn.instanceNorm1d(4),
  nn.lazyInstanceNorm1d(),
  nn.lazyBatchNorm1d(),
  nn.upsample({ size: 128, mode: "linear" }),
  nn.flatten(),
  nn.linear(512, 10),
);
export const output: [number, 10] = null! as OutputShape<typeof net>;

export const bags = sequential(input([20]), nn.embeddingBag(1000, 64, { mode: "max" }), nn.linear(64, 2));
export const bagsOutput: [number, 2] = null! as OutputShape<typeof bags>;
