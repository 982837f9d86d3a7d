// nn.repeat: a copy that does not fit is reported on the repeat, naming the copy and the layer.
import { input, nn, sequential } from "shapecheck";

export const secondCopy = sequential(
  input([64, 56, 56]),
  nn.repeat(2, nn.conv2d(64, 128, 3, 1, 1)), // error: repeat(2, 1 layers), copy 2, layer 0: conv2d(64, 128, 3, 1, 1): inChannels must equal the input's channel dimension 128 (input [number, 128, 56, 56])
);

export const firstCopy = sequential(
  input([32, 56, 56]),
  nn.repeat(3, nn.conv2d(64, 64, 3, 1, 1), nn.relu()), // error: repeat(3, 2 layers), copy 1, layer 0: conv2d(64, 64, 3, 1, 1): inChannels must equal the input's channel dimension 32
);

export const zero = nn.repeat(0, nn.relu()); // error: repeat(0, 1 layers): n must be a positive integer, not 0
