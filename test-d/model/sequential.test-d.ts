import { expectType as expectExact } from "tsd";
import { expectType, type TypeEqual } from "ts-expect";
import type { Invalid } from "../../types/arith/invalid.ts";
import type { Apply, Layer, ShapeRule } from "../../types/model/layer.ts";
import type { Walk } from "../../types/model/walk.ts";
import {
  input,
  nn,
  sequential,
  type Conv2d,
  type Dropout,
  type Flatten,
  type Linear,
  type LogSoftmax,
  type MaxPool2d,
  type Model,
  type OutputShape,
  type ReLU,
  type ShapeTrace,
} from "shapecheck";

// The network of SPEC.md (PyTorch's MNIST example).
const net = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9216, 128),
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10),
  nn.logSoftmax(1),
);
expectType<TypeEqual<OutputShape<typeof net>, [number, 10]>>(true);
expectType<
  TypeEqual<
    ShapeTrace<typeof net>,
    [
      [number, 32, 26, 26],
      [number, 32, 26, 26],
      [number, 64, 24, 24],
      [number, 64, 24, 24],
      [number, 64, 12, 12],
      [number, 64, 12, 12],
      [number, 9216],
      [number, 128],
      [number, 128],
      [number, 128],
      [number, 10],
      [number, 10],
    ]
  >
>(true);
expectExact<[null, 10]>(net.outputShape);
expectExact<[null, 1, 28, 28]>(net.inputShape);

// lazyLinear infers the 9216.
const lazy = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.conv2d(32, 64, 3, 1),
  nn.maxPool2d(2),
  nn.flatten(),
  nn.lazyLinear(128),
);
expectType<TypeEqual<OutputShape<typeof lazy>, [number, 128]>>(true);

// A given batch size and named dimensions flow through.
const batched = sequential(input([1, 28, 28], { batch: 64 }), nn.conv2d(1, 8, 5), nn.flatten());
expectType<TypeEqual<OutputShape<typeof batched>, [64, 4608]>>(true);
const named = sequential(input(["seq", 512], { batch: "batch" }), nn.linear(512, 64), nn.relu(), nn.softmax(-1));
expectType<TypeEqual<OutputShape<typeof named>, ["batch", "seq", 64]>>(true);

// A fully convolutional network on any image size: unknown sizes stay unknown, channels stay known.
const anySize = sequential(input([3, null, null]), nn.conv2d(3, 16, 3, 1, 1), nn.maxPool2d(2), nn.conv2d(16, 4, 1));
expectType<TypeEqual<OutputShape<typeof anySize>, [number, 4, number, number]>>(true);
// …and a linear after flattening an unknown size is accepted here, checked when the model runs.
const unknownFlatten = sequential(input([3, null, null]), nn.conv2d(3, 16, 3), nn.flatten(), nn.linear(100, 10));
expectType<TypeEqual<OutputShape<typeof unknownFlatten>, [number, 10]>>(true);

// A model as a type alone.
type Net = Model<
  [1, 28, 28],
  [
    Conv2d<1, 32, 3, 1>,
    ReLU,
    Conv2d<32, 64, 3, 1>,
    ReLU,
    MaxPool2d<2>,
    Dropout<0.25>,
    Flatten,
    Linear<9216, 128>,
    ReLU,
    Dropout<0.5>,
    Linear<128, 10>,
    LogSoftmax<1>,
  ]
>;
expectType<TypeEqual<OutputShape<Net>, [number, 10]>>(true);
expectType<TypeEqual<ShapeTrace<Net>, ShapeTrace<typeof net>>>(true);

// "same" padding keeps a named size.
const sameNamed = sequential(input([3, "h", "w"]), nn.conv2d(3, 4, 3, { padding: "same" }));
expectType<TypeEqual<OutputShape<typeof sameNamed>, [number, 4, "h", "w"]>>(true);

// Rules match the mutable shapes the library makes first (the cheap case) and hand-written
// `readonly` shapes the same way.
declare const conv: ReturnType<typeof nn.conv2d<3, 8, 3, 1, 1>>;
declare const pool: ReturnType<typeof nn.maxPool2d<2>>;
declare const norm: ReturnType<typeof nn.batchNorm2d<8>>;
declare const adaptive: ReturnType<typeof nn.adaptiveAvgPool2d<1>>;
expectType<TypeEqual<Apply<typeof conv, [number, 3, 32, 32]>, [number, 8, 32, 32]>>(true);
expectType<TypeEqual<Apply<typeof conv, readonly [number, 3, 32, 32]>, [number, 8, 32, 32]>>(true);
expectType<TypeEqual<Apply<typeof pool, readonly [number, 8, 32, 32]>, [number, 8, 16, 16]>>(true);
expectType<TypeEqual<Apply<typeof norm, readonly [number, 8, 32, 32]>, readonly [number, 8, 32, 32]>>(true);
expectType<TypeEqual<Apply<typeof norm, [number, 8, 32, 32]>, [number, 8, 32, 32]>>(true);
expectType<TypeEqual<Apply<typeof adaptive, readonly [number, 8, 32, 32]>, [number, 8, 1, 1]>>(true);
expectType<
  TypeEqual<
    Apply<typeof conv, readonly [number, 4, 32, 32]>,
    "conv2d(3, 8, 3, 1, 1): inChannels must equal the input's channel dimension 4"
  >
>(true);

// A rule that gives an object which is not a shape (an arithmetic Invalid) is found after the walk
// and named with its message, however many layers passed it on.
interface Leaky extends Layer {
  readonly kind: "leaky";
  readonly "~rule": LeakyRule;
}
interface LeakyRule extends ShapeRule {
  readonly "~output": Invalid<"Sub<3, 5>: the result would be below zero">;
}
expectType<
  TypeEqual<
    Walk<[number, 3], [ReLU, Leaky, ReLU, ReLU]>,
    {
      readonly index: 1;
      readonly message: "leaky: Sub<3, 5>: the result would be below zero (input [number, 3])";
    }
  >
>(true);
