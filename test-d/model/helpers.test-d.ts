// Reusable code (issue 17): helpers generic over their sizes compile, and the models built from them
// are checked where the helpers are called with literal sizes (docs/reusable.md).
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type OutputShape, type ShapeTrace } from "../../src/index.ts";
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
