// Layers spread from an array: the layers before it are still checked; a tuple spread is checked throughout.
import { input, nn, sequential, type AnyLayer, type Linear, type Model } from "shapecheck";

const blocks: AnyLayer[] = [];
for (let i = 0; i < 3; i++) blocks.push(nn.relu());

export const beforeTheArray = sequential(
  input([3, 32, 32]),
  nn.conv2d(4, 8, 3), // error: "conv2d(4, 8, 3): inChannels must equal the input's channel dimension 3 (input [number, 3, 32, 32])"
  ...blocks,
  nn.flatten(),
);

const tuple = [nn.relu(), nn.flatten()] as const;
export const tupleSpread = sequential(
  input([3, 8, 8]),
  ...tuple,
  nn.linear(190, 10), // error: "linear(190, 10): inFeatures must equal the last input dimension 192 (input [number, 3·8·8 = 192])"
);

export const insideAResidual = sequential(
  input([3, 8, 8]),
  nn.residual(nn.conv2d(4, 3, 3, 1, 1), ...blocks), // error: "residual(n layers), layer 0: conv2d(4, 3, 3, 1, 1): inChannels must equal the input's channel dimension 3 (input [number, 3, 8, 8])"
);

// A model as a type alone: the layers before the array are checked.
export type ArrayNet = Model<[3, 8, 8], [Linear<9, 4>, ...AnyLayer[]]>; // error: "linear(9, 4): inFeatures must equal the last input dimension 8 (input [number, 3, 8, 8])"

// A block over an array: its name says `n layers` (never a `${number}` hole, which TypeScript 5.9 would print with `\u00B7` escapes).
export const residualOverAnArray = sequential(
  input([3, 8, 8]),
  nn.residual(nn.flatten(), nn.linear(190, 10), ...blocks), // error: "residual(n layers), layer 1: linear(190, 10): inFeatures must equal the last input dimension 192 (input [number, 3·8·8 = 192])"'
);
