import { expectType, type TypeEqual } from "ts-expect";
import {
  input,
  nn,
  sequential,
  type BatchNorm1d,
  type BatchNorm2d,
  type Conv2d,
  type Model,
  type OutputShape,
} from "shapecheck";

// The shape is kept; numFeatures is the channel dimension (dimension 1).
const features = sequential(input([128], { batch: 32 }), nn.batchNorm1d(128));
expectType<TypeEqual<OutputShape<typeof features>, [32, 128]>>(true);
const sequence = sequential(input([16, 50]), nn.batchNorm1d(16, { momentum: 0.01 }));
expectType<TypeEqual<OutputShape<typeof sequence>, [number, 16, 50]>>(true);
const image = sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3), nn.batchNorm2d(32), nn.relu());
expectType<TypeEqual<OutputShape<typeof image>, [number, 32, 26, 26]>>(true);

// An unknown channel dimension becomes numFeatures (checked when the model is built); names are kept.
const unknown = sequential(input([null, null, 7]), nn.batchNorm2d(3));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, 3, number, 7]>>(true);
const named = sequential(input(["channels", 7]), nn.batchNorm1d(3));
expectType<TypeEqual<OutputShape<typeof named>, [number, "channels", 7]>>(true);

type Block = Model<[3, 32, 32], [Conv2d<3, 16, 3, 1, 1>, BatchNorm2d<16>]>;
expectType<TypeEqual<OutputShape<Block>, [number, 16, 32, 32]>>(true);
type Mlp = Model<[64], [BatchNorm1d<64>]>;
expectType<TypeEqual<OutputShape<Mlp>, [number, 64]>>(true);
