// ResNet-18 (torchvision.models.resnet18) written out layer by layer, as a reference for examples/resnet18.ts
// (the same network written with helpers, as torchvision writes it) and for the editor plugin's tests of
// hints inside nested blocks.
import { input, nn, sequential } from "shapecheck";

export const resnet18WrittenOut = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false }),
  nn.batchNorm2d(64),
  nn.relu(),
  nn.maxPool2d(3, 2, 1),
  // stage 1: 64 channels, 56 × 56
  nn.residual(
    nn.conv2d(64, 64, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(64),
    nn.relu(),
    nn.conv2d(64, 64, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(64),
  ),
  nn.relu(),
  nn.residual(
    nn.conv2d(64, 64, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(64),
    nn.relu(),
    nn.conv2d(64, 64, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(64),
  ),
  nn.relu(),
  // stage 2: 128 channels, 28 × 28
  nn.residual(
    { projection: [nn.conv2d(64, 128, 1, { stride: 2, bias: false }), nn.batchNorm2d(128)] },
    nn.conv2d(64, 128, 3, { stride: 2, padding: 1, bias: false }),
    nn.batchNorm2d(128),
    nn.relu(),
    nn.conv2d(128, 128, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(128),
  ),
  nn.relu(),
  nn.residual(
    nn.conv2d(128, 128, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(128),
    nn.relu(),
    nn.conv2d(128, 128, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(128),
  ),
  nn.relu(),
  // stage 3: 256 channels, 14 × 14
  nn.residual(
    { projection: [nn.conv2d(128, 256, 1, { stride: 2, bias: false }), nn.batchNorm2d(256)] },
    nn.conv2d(128, 256, 3, { stride: 2, padding: 1, bias: false }),
    nn.batchNorm2d(256),
    nn.relu(),
    nn.conv2d(256, 256, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(256),
  ),
  nn.relu(),
  nn.residual(
    nn.conv2d(256, 256, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(256),
    nn.relu(),
    nn.conv2d(256, 256, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(256),
  ),
  nn.relu(),
  // stage 4: 512 channels, 7 × 7
  nn.residual(
    { projection: [nn.conv2d(256, 512, 1, { stride: 2, bias: false }), nn.batchNorm2d(512)] },
    nn.conv2d(256, 512, 3, { stride: 2, padding: 1, bias: false }),
    nn.batchNorm2d(512),
    nn.relu(),
    nn.conv2d(512, 512, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(512),
  ),
  nn.relu(),
  nn.residual(
    nn.conv2d(512, 512, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(512),
    nn.relu(),
    nn.conv2d(512, 512, 3, { padding: 1, bias: false }),
    nn.batchNorm2d(512),
  ),
  nn.relu(),
  nn.adaptiveAvgPool2d(1),
  nn.flatten(),
  nn.linear(512, 1000),
);
