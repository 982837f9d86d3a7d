// The mistakes of SPEC.md's network: each is reported on its own layer, once, with its message.
import {
  input,
  nn,
  sequential,
  type Conv2d,
  type Flatten,
  type Linear,
  type MaxPool2d,
  type Model,
  type ReLU,
} from "shapecheck";

export const wrongInFeatures = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9000, 128), // error: Argument of type 'Linear<9000, 128>' is not assignable to parameter of type '"linear(9000, 128): inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])"'.
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10), // one wrong layer gives one error: the layers after it are not reported
  nn.logSoftmax(1),
);

export const wrongChannels = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.conv2d(16, 64, 3, 1), // error: conv2d(16, 64, 3): inChannels must equal the input's channel dimension 32 (input [number, 32, 26, 26])
  nn.flatten(),
);

export const kernelTooLarge = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 8, 5, 2),
  nn.conv2d(8, 8, 13), // error: conv2d(8, 8, 13): the kernel (extent 13) is larger than the padded input (12) in input dimension 2 (input [number, 8, 12, 12])
);

export const wrongRank = sequential(
  input([784]),
  nn.conv2d(1, 8, 3), // error: conv2d(1, 8, 3): expects an input [batch, channels, height, width] (rank 4), got rank 2 (input [number, 784])
);

export const softmaxDim = sequential(input([10]), nn.softmax(2)); // error: softmax(2): dim 2 is out of range for an input of rank 2 (expected -2 to 1) (input [number, 10])

export const badInput = input([1, 0, 28]); // error: input: dimension 0 must be a positive integer, null (unknown) or a name

export const badKernel = nn.conv2d(1, 8, 0); // error: conv2d(1, 8, 0): kernelSize must be a positive integer, not 0
export const badChannels = nn.conv2d(1, -8, 3); // error: conv2d(1, -8, 3): outChannels must be a positive integer, not -8
export const badKernelTuple = nn.conv2d(1, 8, [3, 3, 3]); // error: conv2d(1, 8, [3, 3, 3]): kernelSize must be a number or a tuple of 2, not a tuple of 3
export const badGroups = nn.conv2d(6, 8, 3, { groups: 4 }); // error: conv2d(6, 8, 3, { groups: 4 }): groups (4) must divide inChannels (6) and outChannels (8)
export const sameStrided = nn.conv2d(3, 8, 3, { stride: 2, padding: "same" }); // error: conv2d(3, 8, 3, 2, 'same'): padding 'same' is not supported for strided convolutions (PyTorch)
export const fractionFeatures = nn.linear(1.5, 10); // error: linear(1.5, 10): inFeatures must be a positive integer, not 1.5
export const unionFeatures = nn.linear(10 as 10 | 20, 10); // error: inFeatures must be a positive integer, not a union

// A model declared as a type alone fails with the same message.
// (The compiler reports it on the layer list, where the type argument starts.)
// prettier-ignore
export type WrongNet = Model<[1, 28, 28], [ // error: Type 'Linear<9000, 128>' is not assignable to type '"linear(9000, 128): inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])"'.
  Conv2d<1, 32, 3, 1>, ReLU, Conv2d<32, 64, 3, 1>, ReLU, MaxPool2d<2>, Flatten, Linear<9000, 128>,
]>;

export const uncalledBuilder = sequential(
  input([10]),
  nn.linear(10, 5),
  nn.relu, // error: => ReLU' is not assignable to parameter of type '"not a layer: a layer is what a builder returns, as in nn.relu()"'.
);
