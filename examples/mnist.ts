// PyTorch's MNIST example network (pytorch/examples, mnist/main.py), the network of SPEC.md.
// `nn.linear(9216, 128)`: 9216 = 64 × 12 × 12, which the compiler checks.
import { input, nn, sequential } from "shapecheck";

export const mnist = sequential(
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
