// Tensor methods (t.flatten(), t.reshape(...)) are installed by the
// @tensorflow/tfjs bundle, not by tfjs-core; tfjs-layers calls some of them
// (e.g. the orthogonal initializer of LSTM/GRU: "rMat.flatten is not a
// function"). Install the same set here, each a call of the op of that name.
import * as tf from "@tensorflow/tfjs-core";

const SAME_NAME = [
  "abs",
  "acos",
  "acosh",
  "add",
  "all",
  "any",
  "argMax",
  "argMin",
  "asin",
  "asinh",
  "atan",
  "atan2",
  "atanh",
  "avgPool",
  "batchToSpaceND",
  "batchNorm",
  "broadcastTo",
  "cast",
  "ceil",
  "clipByValue",
  "conv1d",
  "conv2d",
  "conv2dTranspose",
  "cos",
  "cosh",
  "cumprod",
  "cumsum",
  "depthToSpace",
  "depthwiseConv2d",
  "dilation2d",
  "div",
  "divNoNan",
  "dot",
  "elu",
  "equal",
  "erf",
  "euclideanNorm",
  "exp",
  "expandDims",
  "expm1",
  "fft",
  "floor",
  "floorDiv",
  "gather",
  "greater",
  "greaterEqual",
  "ifft",
  "irfft",
  "isFinite",
  "isInf",
  "isNaN",
  "leakyRelu",
  "less",
  "lessEqual",
  "localResponseNormalization",
  "log",
  "log1p",
  "logSigmoid",
  "logSoftmax",
  "logSumExp",
  "logicalAnd",
  "logicalNot",
  "logicalOr",
  "logicalXor",
  "matMul",
  "max",
  "maxPool",
  "maximum",
  "mean",
  "min",
  "minimum",
  "mirrorPad",
  "mod",
  "mul",
  "neg",
  "norm",
  "notEqual",
  "oneHot",
  "onesLike",
  "pad",
  "pool",
  "pow",
  "prelu",
  "prod",
  "reciprocal",
  "relu",
  "relu6",
  "reshape",
  "reverse",
  "rfft",
  "round",
  "rsqrt",
  "selu",
  "separableConv2d",
  "sigmoid",
  "sign",
  "sin",
  "sinh",
  "slice",
  "softmax",
  "softplus",
  "spaceToBatchND",
  "split",
  "sqrt",
  "square",
  "squaredDifference",
  "squeeze",
  "step",
  "stridedSlice",
  "sub",
  "sum",
  "tan",
  "tanh",
  "tile",
  "topk",
  "transpose",
  "unique",
  "unsortedSegmentSum",
  "unstack",
  "zerosLike",
] as const;

type T = tf.Tensor;
const list = (x: T | T[]) => (x instanceof tf.Tensor ? [x] : x);
const SPECIAL: Record<string, (this: T, ...args: any[]) => unknown> = {
  flatten() {
    return tf.reshape(this, [this.size]);
  },
  as1D() {
    return tf.reshape(this, [this.size]);
  },
  asScalar() {
    return tf.reshape(this, []);
  },
  as2D(r: number, c: number) {
    return tf.reshape(this, [r, c]);
  },
  as3D(r: number, c: number, d: number) {
    return tf.reshape(this, [r, c, d]);
  },
  as4D(r: number, c: number, d: number, e: number) {
    return tf.reshape(this, [r, c, d, e]);
  },
  as5D(r: number, c: number, d: number, e: number, f: number) {
    return tf.reshape(this, [r, c, d, e, f]);
  },
  reshapeAs(x: T) {
    return tf.reshape(this, x.shape);
  },
  asType(dtype: tf.DataType) {
    return tf.cast(this, dtype);
  },
  toBool() {
    return tf.cast(this, "bool");
  },
  toFloat() {
    return tf.cast(this, "float32");
  },
  toInt() {
    return tf.cast(this, "int32");
  },
  concat(x: T | T[], axis?: number) {
    return tf.concat([this, ...list(x)], axis);
  },
  stack(x: T | T[], axis?: number) {
    return tf.stack([this, ...list(x)], axis);
  },
  where(condition: T, x: T) {
    return tf.where(condition, this, x);
  },
  resizeBilinear(...args: any[]) {
    return (tf.image.resizeBilinear as any)(this, ...args);
  },
  resizeNearestNeighbor(...args: any[]) {
    return (tf.image.resizeNearestNeighbor as any)(this, ...args);
  },
};

/** Installs the methods that are not there yet (idempotent). */
export function installChainedOps(): void {
  const proto = tf.Tensor.prototype as any;
  for (const name of SAME_NAME) {
    if (proto[name] !== undefined) continue;
    const op = (tf as any)[name];
    proto[name] = function (this: T, ...args: unknown[]) {
      this.throwIfDisposed();
      return op(this, ...args);
    };
  }
  for (const [name, f] of Object.entries(SPECIAL)) {
    if (proto[name] !== undefined) continue;
    proto[name] = function (this: T, ...args: unknown[]) {
      this.throwIfDisposed();
      return f.apply(this, args);
    };
  }
}
