// LeNet-5 (LeCun et al., 1998) on 32 × 32 digits: conv 5×5 → 28, pool → 14, conv 5×5 → 10, pool → 5;
// 16 × 5 × 5 = 400 features into the classifier.
import { input, nn, sequential } from "shapecheck";

export const lenet5 = sequential(
  input([1, 32, 32]),
  nn.conv2d(1, 6, 5),
  nn.tanh(),
  nn.avgPool2d(2),
  nn.conv2d(6, 16, 5),
  nn.tanh(),
  nn.avgPool2d(2),
  nn.flatten(),
  nn.linear(400, 120),
  nn.tanh(),
  nn.linear(120, 84),
  nn.tanh(),
  nn.linear(84, 10),
);
