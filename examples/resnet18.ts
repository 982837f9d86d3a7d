// ResNet-18 (torchvision.models.resnet18) on 224 × 224 images, written with torchvision's helpers:
// conv3x3/conv1x1, BasicBlock (x + conv-bn-relu-conv-bn(x), then relu; a 1×1 strided projection on the
// shortcut when the block changes the shape) and make_layer (a stage of blocks). The helpers are
// generic over their sizes; the model built from them is checked where they are called with
// literal sizes: `basicBlock(128, 256, 2)` where the input has 64 channels is an error on that call.
// 512 features at the end. (examples/resnet18-written-out.ts: the same network layer by layer.)
import { input, nn, sequential } from "shapecheck";

/** torchvision's conv3x3: a 3×3 convolution, padding 1, no bias. */
export const conv3x3 = <I extends number, O extends number, S extends number = 1>(
  inPlanes: I,
  outPlanes: O,
  stride?: S,
) => nn.conv2d(inPlanes, outPlanes, 3, { stride: (stride ?? 1) as S, padding: 1, bias: false });

/** torchvision's conv1x1: a 1×1 convolution, no bias (the shortcut's projection). */
export const conv1x1 = <I extends number, O extends number, S extends number = 1>(
  inPlanes: I,
  outPlanes: O,
  stride?: S,
) => nn.conv2d(inPlanes, outPlanes, 1, { stride: (stride ?? 1) as S, bias: false });

/** BasicBlock(inplanes, planes, stride) keeping the shape: x + bn(conv(relu(bn(conv(x))))), then relu. */
export const basicBlock = <I extends number, O extends number>(inPlanes: I, planes: O) =>
  [
    nn.residual(
      conv3x3(inPlanes, planes),
      nn.batchNorm2d(planes),
      nn.relu(),
      conv3x3(planes, planes),
      nn.batchNorm2d(planes),
    ),
    nn.relu(),
  ] as const;

/** BasicBlock with a downsample: the first block of stages 2–4 (strided conv, 1×1 strided projection). */
export const downBlock = <I extends number, O extends number, S extends number>(inPlanes: I, planes: O, stride: S) =>
  [
    nn.residual(
      { projection: [conv1x1(inPlanes, planes, stride), nn.batchNorm2d(planes)] },
      conv3x3(inPlanes, planes, stride),
      nn.batchNorm2d(planes),
      nn.relu(),
      conv3x3(planes, planes),
      nn.batchNorm2d(planes),
    ),
    nn.relu(),
  ] as const;

/** make_layer(BasicBlock, planes, 2, stride): a stage of two blocks, the first one downsampling. */
export const makeLayer = <I extends number, O extends number, S extends number>(inPlanes: I, planes: O, stride: S) =>
  [...downBlock(inPlanes, planes, stride), ...basicBlock(planes, planes)] as const;

export const resnet18 = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false }),
  nn.batchNorm2d(64),
  nn.relu(),
  nn.maxPool2d(3, 2, 1),
  ...basicBlock(64, 64), // stage 1: 64 channels, 56 × 56
  ...basicBlock(64, 64),
  ...makeLayer(64, 128, 2), // stage 2: 128 channels, 28 × 28
  ...makeLayer(128, 256, 2), // stage 3: 256 channels, 14 × 14
  ...makeLayer(256, 512, 2), // stage 4: 512 channels, 7 × 7
  nn.adaptiveAvgPool2d(1),
  nn.flatten(),
  nn.linear(512, 1000),
);
