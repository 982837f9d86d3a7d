// AlexNet as torchvision writes it (torchvision.models.alexnet) on 224 × 224 images:
// the features end at 256 × 6 × 6 = 9216, the adaptive pool keeps 6 × 6 for any input size.
import { input, nn, sequential } from "shapecheck";

export const alexnet = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 11, 4, 2),
  nn.relu(),
  nn.maxPool2d(3, 2),
  nn.conv2d(64, 192, 5, 1, 2),
  nn.relu(),
  nn.maxPool2d(3, 2),
  nn.conv2d(192, 384, 3, 1, 1),
  nn.relu(),
  nn.conv2d(384, 256, 3, 1, 1),
  nn.relu(),
  nn.conv2d(256, 256, 3, 1, 1),
  nn.relu(),
  nn.maxPool2d(3, 2),
  nn.adaptiveAvgPool2d([6, 6]),
  nn.flatten(),
  nn.dropout(0.5),
  nn.linear(9216, 4096),
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(4096, 4096),
  nn.relu(),
  nn.linear(4096, 1000),
);
