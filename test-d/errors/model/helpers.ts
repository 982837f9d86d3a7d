// A model built from generic helpers is checked where the helpers are called with literal sizes: the
// error is on the helper call that is wrong, with the inner layer's message.
import { input, layers, nn, ops, sequential, type Shape, type Symbolic } from "shapecheck";
import { basicBlock, makeLayer } from "../../../examples/resnet18.ts";

const convBnRelu = <I extends number, O extends number>(i: I, o: O) =>
  [nn.conv2d(i, o, 3, 1, 1), nn.batchNorm2d(o), nn.relu()] as const;

export const wrongChannels = sequential(
  input([3, 32, 32]),
  ...convBnRelu(3, 16),
  ...convBnRelu(32, 64), // error: conv2d(32, 64, 3, 1, 1): inChannels must equal the input's channel dimension 16 (input [number, 16, 32, 32])
);

export const wrongStage = sequential(
  input([256, 56, 56]),
  ...makeLayer(64, 128, 2), // error: residual(5 layers), layer 0: conv2d(64, 128, 3, 2, 1): inChannels must equal the input's channel dimension 256 (input [number, 256, 56, 56])
  ...basicBlock(128, 128),
);

// Inside a generic helper, a literal whose check needs the generic sizes waits too, except a negative or
// fractional number, refused at once (0 waits: it is a padding; as a channel count the builder throws when called).
export const negative = <I extends number>(i: I) => nn.conv2d(i, -1, 3); // error: Argument of type '-1' is not assignable

// An options object with generic members waits too: the depthwise conv's check is on the helper's call.
const depthwise = <C extends number, S extends number>(c: C, s: S) =>
  nn.conv2d(c, c, 3, { stride: s, padding: 1, groups: c, bias: false });
export const wrongDepthwise = sequential(
  input([32, 56, 56]),
  depthwise(64, 2), // error: conv2d(64, 64, 3, { stride: 2, padding: 1, groups: 64 }): inChannels must equal the input's channel dimension 32 (input [number, 32, 56, 56])
);

// The tf.layers vocabulary: an options object with a generic member waits; the layer is checked where the helper
// is called with literal sizes (issue 17).
const block = <F extends number, K extends number, S extends number>(f: F, k: K, s: S) =>
  [layers.conv2d({ filters: f, kernelSize: k, strides: s, padding: "same" }), layers.dense({ units: f })] as const;
const pooling = <P extends number>(p: P) => layers.maxPooling2d({ poolSize: p });
const projection = <U extends number, I extends number>(units: U, inputDim: I) => layers.dense({ units, inputDim });
export const wrongPool = sequential(
  input([28, 28, 1]),
  ...block(8, 3, 2),
  pooling(16), // error: maxPooling2d({ poolSize: 16 }): the kernel (extent 16) is larger than the padded input (14) in input dimension 1 (input [number, 14, 14, 8])
);
export const wrongInputDim = sequential(
  input([16, 8]),
  projection(7, 3), // error: dense({ units: 7, inputDim: 3 }): inputDim must equal the last input dimension 8 (input [number, 16, 8])
);
// A key tfjs does not know is refused at once, generic members or not (the message writes the layer with the
// helper's type parameters: `conv2d({ filters: F })`).
export const misspelt = <F extends number, K extends number>(f: F, k: K) =>
  layers.conv2d({ filters: f, kernel_size: k }); // error: kernel_size is not an option of TensorFlow.js's conv2d
// An input generic over a dimension: its check waits; the model built from it is checked where it is called.
const sequence = <C extends number>(c: C) => input([c, 8]);
export const wrongRank = sequential(
  sequence(16),
  layers.conv2d({ filters: 2, kernelSize: 3 }), // error: conv2d({ filters: 2, kernelSize: 3 }): expects an input [batch, height, width, channels] (rank 4), got rank 3 (input [number, 16, 8])
);

// Tensor operations in a generic helper wait too (issue 18's ops). The helper's signature has no place where the
// compiler could report a wrong size, so `heads(tokens, 5)` is typed with an unknown shape and throws, when the
// model is built, the message the same operation gets here with literal sizes (test/helpers-ops.test.ts).
const tokens = ops.relu(input(["seq", 64], { batch: "batch" }));
// prettier-ignore
export const fiveHeads = ops.view(tokens, ["batch", "seq", 5, -1]); // error: view(…, [batch, seq, 5, -1]): the input [batch, seq, 64] has 64 elements, not divisible by 5, the product of the sizes other than -1

// In a helper generic over a whole shape, the operations on its tensor wait for the call; a tensor whose shape
// is known there is still checked on the spot.
const gatedBy = <S extends Shape>(t: Symbolic<S>) => ops.mul(t, ops.softmax(tokens, 5)); // error: softmax(…, 5): dim 5 is out of range for an input of rank 3 (expected -3 to 2)
export const gatedTokens = gatedBy(tokens);
