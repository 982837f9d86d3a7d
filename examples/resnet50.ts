// ResNet-50 (torchvision.models.resnet50) on 224 × 224 images, written as torchvision writes it:
// conv1x1/conv3x3, Bottleneck blocks (1×1 reduce, 3×3, 1×1 expand ×4, added to the shortcut, then relu)
// and stages made by make_layer: a first block with a projection on the shortcut, then `nn.repeat` of
// identical blocks, which the compiler checks once (a block that keeps its shape). 2048 features before fc.
// (examples/resnet50-written-out.ts: the same network layer by layer, for the type-check cost.)
import { input, nn, sequential } from "shapecheck";

/** torchvision's conv3x3: a 3×3 convolution, padding 1, no bias. */
export const conv3x3 = <I extends number, O extends number, S extends number = 1>(
  inPlanes: I,
  outPlanes: O,
  stride?: S,
) => nn.conv2d(inPlanes, outPlanes, 3, { stride: (stride ?? 1) as S, padding: 1, bias: false });

/** torchvision's conv1x1: a 1×1 convolution, no bias. */
export const conv1x1 = <I extends number, O extends number, S extends number = 1>(
  inPlanes: I,
  outPlanes: O,
  stride?: S,
) => nn.conv2d(inPlanes, outPlanes, 1, { stride: (stride ?? 1) as S, bias: false });

/** Bottleneck(inplanes, planes) keeping the shape (inplanes = planes × 4): `width` = planes, `out` = planes × 4. */
export const bottleneck = <W extends number, O extends number>(width: W, out: O) =>
  [
    nn.residual(
      conv1x1(out, width),
      nn.batchNorm2d(width),
      nn.relu(),
      conv3x3(width, width),
      nn.batchNorm2d(width),
      nn.relu(),
      conv1x1(width, out),
      nn.batchNorm2d(out),
    ),
    nn.relu(),
  ] as const;

/** The first Bottleneck of a stage: the stride on the 3×3 conv (torchvision's v1.5) and a 1×1 projection. */
export const downBottleneck = <I extends number, W extends number, O extends number, S extends number>(
  inPlanes: I,
  width: W,
  out: O,
  stride: S,
) =>
  [
    nn.residual(
      { projection: [conv1x1(inPlanes, out, stride), nn.batchNorm2d(out)] },
      conv1x1(inPlanes, width),
      nn.batchNorm2d(width),
      nn.relu(),
      conv3x3(width, width, stride),
      nn.batchNorm2d(width),
      nn.relu(),
      conv1x1(width, out),
      nn.batchNorm2d(out),
    ),
    nn.relu(),
  ] as const;

/** make_layer(Bottleneck, planes, blocks, stride): the first block, then `blocks - 1` identical ones. */
export const makeLayer = <I extends number, W extends number, O extends number, S extends number, N extends number>(
  inPlanes: I,
  width: W,
  out: O,
  stride: S,
  blocks: N,
) => [...downBottleneck(inPlanes, width, out, stride), nn.repeat(blocks, ...bottleneck(width, out))] as const;

export const resnet50 = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false }),
  nn.batchNorm2d(64),
  nn.relu(),
  nn.maxPool2d(3, 2, 1),
  ...makeLayer(64, 64, 256, 1, 2), // 256 channels, 56 × 56
  ...makeLayer(256, 128, 512, 2, 3), // 512 channels, 28 × 28
  ...makeLayer(512, 256, 1024, 2, 5), // 1024 channels, 14 × 14
  ...makeLayer(1024, 512, 2048, 2, 2), // 2048 channels, 7 × 7
  nn.adaptiveAvgPool2d(1),
  nn.flatten(),
  nn.linear(2048, 1000),
);
