// Each `nn` module of issue 16 once (bench/budgets.json: "bench/models/nn-extra.ts"): the type-check cost of the
// nested sequential, the activations, the shuffles, the 2d paddings, the dropouts and groupNorm added
// with it.
import { input, nn, sequential, type OutputShape } from "shapecheck";

export const net = sequential(
  input([3, 32, 32]),
  nn.sequential(nn.conv2d(3, 16, 3, 1, 1), nn.prelu(16), nn.relu6()),
  nn.groupNorm(4, 16),
  nn.hardswish(),
  nn.hardsigmoid(),
  nn.silu(),
  nn.mish(),
  nn.elu(0.5),
  nn.selu(),
  nn.celu({ alpha: 1.5 }),
  nn.softplus(2, 10),
  nn.softsign(),
  nn.hardtanh(-2, 2),
  nn.logsigmoid(),
  nn.tanhshrink(),
  nn.softshrink(0.5),
  nn.hardshrink({ lambd: 0.25 }),
  nn.threshold(0.1, 0),
  nn.glu(1),
  nn.softmax2d(),
  nn.softmin(1),
  nn.pixelUnshuffle(2),
  nn.channelShuffle(4),
  nn.pixelShuffle(2),
  nn.reflectionPad2d(1),
  nn.conv2d(8, 8, 3),
  nn.replicationPad2d([1, 1, 1, 1]),
  nn.conv2d(8, 8, 3),
  nn.zeroPad2d(1),
  nn.constantPad2d(1, 0.5),
  nn.conv2d(8, 8, 5),
  nn.flatten(),
  nn.alphaDropout(0.1),
  nn.featureAlphaDropout(0.1),
  nn.dropout1d(0.1),
  nn.linear(8192, 10),
);
export const output: [number, 10] = null! as OutputShape<typeof net>;
