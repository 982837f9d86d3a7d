// Each example with one typical mistake: the error lands on the wrong layer with its message.
import { input, nn, sequential } from "shapecheck";

export const mnistOffByOne = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9215, 128), // error: "linear(9215, 128): inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])"
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10),
  nn.logSoftmax(1),
);

export const lenet5ChannelMismatch = sequential(
  input([1, 32, 32]),
  nn.conv2d(1, 6, 5),
  nn.tanh(),
  nn.avgPool2d(2),
  nn.conv2d(8, 16, 5), // error: "conv2d(8, 16, 5): inChannels must equal the input's channel dimension 6 (input [number, 6, 14, 14])"
  nn.tanh(),
  nn.avgPool2d(2),
  nn.flatten(),
  nn.linear(400, 120),
);

export const vgg16ForgotAPool = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 3, 1, 1),
  nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(64, 128, 3, 1, 1),
  nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(128, 256, 3, 1, 1),
  nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(256, 512, 3, 1, 1),
  nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(512, 512, 3, 1, 1),
  nn.relu(),
  nn.flatten(),
  nn.linear(25088, 4096), // error: "linear(25088, 4096): inFeatures must equal the last input dimension 100352 (input [number, 512·14·14 = 100352])"
);
