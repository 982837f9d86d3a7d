// The `ops` namespace: torch's functions on symbolic tensors, checked like layers (see docs/ops.md).
export {
  reshape,
  view,
  flatten,
  unflatten,
  permute,
  transpose,
  squeeze,
  unsqueeze,
  expand,
  select,
  narrow,
  split,
  chunk,
} from "./reshape.ts";
export { cat, stack } from "./join.ts";
export {
  add,
  sub,
  mul,
  div,
  pow,
  maximum,
  minimum,
  relu,
  sigmoid,
  tanh,
  exp,
  log,
  sqrt,
  rsqrt,
  abs,
  neg,
  sin,
  cos,
  reciprocal,
  square,
  gelu,
  silu,
} from "./elementwise.ts";
export {
  sum,
  mean,
  amax,
  amin,
  argmax,
  logsumexp,
  std,
  var,
  softmax,
  logSoftmax,
  type ReduceOptions,
} from "./reduce.ts";
export { matmul, bmm } from "./matmul.ts";
export { einsum } from "./einsum.ts";
export { tile, interpolate, type InterpolateOptions } from "./resize.ts";
export { pad } from "./pad.ts";
