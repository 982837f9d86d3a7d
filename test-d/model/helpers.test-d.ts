// Reusable code (issue 17): helpers generic over their sizes compile, and the models built from them
// are checked where the helpers are called with literal sizes (docs/reusable.md).
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Conv2d, type OutputShape, type ShapeTrace } from "../../src/index.ts";
import { resnet18, basicBlock, makeLayer } from "../../examples/resnet18.ts";
import { resnet18WrittenOut } from "../../examples/resnet18-written-out.ts";

// Builder calls inside generic helpers are accepted; their checks wait for literal sizes.
const conv3x3 = <I extends number, O extends number>(i: I, o: O) => nn.conv2d(i, o, 3, 1, 1);
const convBnRelu = <I extends number, O extends number>(i: I, o: O) =>
  [nn.conv2d(i, o, 3, 1, 1), nn.batchNorm2d(o), nn.relu()] as const;
const head = <F extends number, C extends number>(features: F, classes: C) =>
  [nn.flatten(), nn.dropout(0.5), nn.linear(features, classes)] as const;
const pool = <K extends number>(k: K) => nn.maxPool2d(k);

const small = sequential(
  input([3, 32, 32]),
  conv3x3(3, 16),
  ...convBnRelu(16, 32),
  pool(2),
  ...convBnRelu(32, 64),
  pool(2),
  ...head(4096, 10),
);
expectType<TypeEqual<OutputShape<typeof small>, [number, 10]>>(true);
expectType<TypeEqual<ShapeTrace<typeof small>[4], [number, 32, 16, 16]>>(true);

// ResNet-18 with torchvision's helpers: the same shapes as written out.
expectType<TypeEqual<OutputShape<typeof resnet18>, [number, 1000]>>(true);
expectType<TypeEqual<ShapeTrace<typeof resnet18>, ShapeTrace<typeof resnet18WrittenOut>>>(true);
expectType<TypeEqual<ShapeTrace<typeof resnet18>[21], [number, 512]>>(true);

// ResNet-34: stages of 3, 4, 6, 3 BasicBlocks.
const resnet34 = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false }),
  nn.batchNorm2d(64),
  nn.relu(),
  nn.maxPool2d(3, 2, 1),
  ...basicBlock(64, 64),
  ...basicBlock(64, 64),
  ...basicBlock(64, 64),
  ...makeLayer(64, 128, 2),
  ...basicBlock(128, 128),
  ...basicBlock(128, 128),
  ...makeLayer(128, 256, 2),
  ...basicBlock(256, 256),
  ...basicBlock(256, 256),
  ...basicBlock(256, 256),
  ...basicBlock(256, 256),
  ...makeLayer(256, 512, 2),
  ...basicBlock(512, 512),
  nn.adaptiveAvgPool2d(1),
  nn.flatten(),
  nn.linear(512, 1000),
);
expectType<TypeEqual<OutputShape<typeof resnet34>, [number, 1000]>>(true);

// VGG-16 with and without batch norm, from torchvision's make_layers, one helper per conv.
const vggConv = <I extends number, O extends number>(i: I, o: O) => [nn.conv2d(i, o, 3, 1, 1), nn.relu()] as const;
const vggConvBn = <I extends number, O extends number>(i: I, o: O) =>
  [nn.conv2d(i, o, 3, 1, 1), nn.batchNorm2d(o), nn.relu()] as const;
const vgg16Features = sequential(
  input([3, 224, 224]),
  ...vggConv(3, 64),
  ...vggConv(64, 64),
  nn.maxPool2d(2, 2),
  ...vggConv(64, 128),
  ...vggConv(128, 128),
  nn.maxPool2d(2, 2),
  ...vggConv(128, 256),
  ...vggConv(256, 256),
  ...vggConv(256, 256),
  nn.maxPool2d(2, 2),
  ...vggConv(256, 512),
  ...vggConv(512, 512),
  ...vggConv(512, 512),
  nn.maxPool2d(2, 2),
  ...vggConv(512, 512),
  ...vggConv(512, 512),
  ...vggConv(512, 512),
  nn.maxPool2d(2, 2),
  nn.adaptiveAvgPool2d(7),
  nn.flatten(),
  nn.linear(25088, 4096),
);
expectType<TypeEqual<OutputShape<typeof vgg16Features>, [number, 4096]>>(true);
const vgg11Bn = sequential(
  input([3, 224, 224]),
  ...vggConvBn(3, 64),
  nn.maxPool2d(2, 2),
  ...vggConvBn(64, 128),
  nn.maxPool2d(2, 2),
  ...vggConvBn(128, 256),
  ...vggConvBn(256, 256),
  nn.maxPool2d(2, 2),
  ...vggConvBn(256, 512),
  ...vggConvBn(512, 512),
  nn.maxPool2d(2, 2),
  ...vggConvBn(512, 512),
  ...vggConvBn(512, 512),
  nn.maxPool2d(2, 2),
  nn.adaptiveAvgPool2d(7),
  nn.flatten(),
  nn.linear(25088, 4096),
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(4096, 1000),
);
expectType<TypeEqual<OutputShape<typeof vgg11Bn>, [number, 1000]>>(true);

// Options objects with generic members wait, as generic positional arguments do: stride, padding,
// dilation and groups of convolutions, transposed convolutions and poolings (issue 17).
const depthwise = <C extends number, S extends number>(c: C, s: S) =>
  nn.conv2d(c, c, 3, { stride: s, padding: 1, groups: c, bias: false });
const paddedConv = <I extends number, O extends number, K extends number, P extends number>(i: I, o: O, k: K, p: P) =>
  nn.conv2d(i, o, k, { padding: p, dilation: 1 });
const dilated = <C extends number, D extends number>(c: C, d: D) => nn.conv1d(c, c, 3, { dilation: d, padding: d });
const grouped = <I extends number, O extends number, K extends number, S extends number, G extends number>(
  i: I,
  o: O,
  k: K,
  s: S,
  g: G,
) => nn.conv2d(i, o, k, { stride: s, groups: g, bias: false });
const upsample = <C extends number, S extends number, P extends number>(c: C, s: S, p: P) =>
  nn.convTranspose2d(c, c, 4, { stride: s, padding: p, groups: c });
const maxPool = <K extends number, S extends number, P extends number>(k: K, s: S, p: P) =>
  nn.maxPool2d(k, { stride: s, padding: p });
const avgPool = <S extends number, P extends number>(s: S, p: P) => nn.avgPool2d(3, { stride: s, padding: p });
const lpPool = <S extends number>(s: S) => nn.lpPool2d(2, 2, { stride: s });
// A literal option whose check needs the generic sizes (groups must divide the channel counts) waits too.
const pairs = <C extends number>(c: C) => nn.conv2d(c, c, 3, { padding: 1, groups: 2 });
const paired = sequential(input([64, 8, 8]), pairs(64));
expectType<TypeEqual<OutputShape<typeof paired>, [number, 64, 8, 8]>>(true);

expectType<TypeEqual<ReturnType<typeof depthwise<32, 2>>, Conv2d<32, 32, 3, 2, 1, 1, 32>>>(true);
const generic = sequential(
  input([16, 32, 32]),
  depthwise(16, 2), // [n, 16, 16, 16]
  paddedConv(16, 32, 3, 1), // [n, 32, 16, 16]
  grouped(32, 64, 3, 2, 4), // [n, 64, 7, 7]
  upsample(64, 2, 1), // [n, 64, 14, 14]
  maxPool(3, 2, 1), // [n, 64, 7, 7]
  avgPool(1, 1), // [n, 64, 7, 7]
  lpPool(1), // [n, 64, 6, 6]
  nn.flatten(),
  nn.unflatten(1, [64, 36]),
  dilated(64, 2), // [n, 64, 36]
);
expectType<TypeEqual<OutputShape<typeof generic>, [number, 64, 36]>>(true);
expectType<
  TypeEqual<
    ShapeTrace<typeof generic>,
    [
      [number, 16, 16, 16],
      [number, 32, 16, 16],
      [number, 64, 7, 7],
      [number, 64, 14, 14],
      [number, 64, 7, 7],
      [number, 64, 7, 7],
      [number, 64, 6, 6],
      [number, 2304],
      [number, 64, 36],
      [number, 64, 36],
    ]
  >
>(true);
