// Issue 13, item 6: messages.
import { input, nn, sequential } from "shapecheck";

// A layer inside a block: its input is printed once.
export const innerLayer = sequential(
  input([64, 56, 56]),
  nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.conv2d(32, 64, 3, 1, 1)), // error: "residual(2 layers), layer 1: conv2d(32, 64, 3, 1, 1): inChannels must equal the input's channel dimension 64 (input [number, 64, 56, 56])"'
);

// sequential without input(...).
export const noInput = sequential(nn.linear(784, 10), nn.relu()); // error: "sequential's first argument is input(shape), as in sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3))"'
export const aShape = sequential([1, 28, 28], nn.relu()); // error: "sequential's first argument is input(shape)
