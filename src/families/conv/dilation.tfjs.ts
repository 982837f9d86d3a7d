// Strides and dilations that tfjs's convolution and pooling ops refuse (both > 1, or any dilation in
// pooling, or a dilation in a gradient), built from ops whose gradients exist: spaceToBatchND
// splits a channels-last tensor into its d phases (every d-th position), where a dilated window is a
// plain one; batchToSpaceND interleaves the results back. A stride is a subsample (phase 0).
import * as tf from "@tensorflow/tfjs-core";

/** An op applied to a channels-last tensor: "valid" windows, the given strides, no dilation. */
export type WindowOp = (x: tf.Tensor, strides: number[]) => tf.Tensor;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const spatialOf = (x: tf.Tensor): number[] => x.shape.slice(1, -1);
/** [0, what brings n up to a multiple of `block`] per spatial dimension. */
const endPaddings = (x: tf.Tensor, blocks: number[]): [number, number][] =>
  spatialOf(x).map((n, i) => [0, (blocks[i]! - (n % blocks[i]!)) % blocks[i]!]);

/** x[:, ::s₁, ::s₂, …, :]: every s-th position of each spatial dimension, from the first. */
export function subsample(x: tf.Tensor, steps: number[]): tf.Tensor {
  if (steps.every((s) => s === 1)) return x;
  // Phase (0, …, 0) is the first `batch` rows of spaceToBatchND's output.
  return tf.slice(tf.spaceToBatchND(x, steps, endPaddings(x, steps)), 0, x.shape[0]);
}

/** `op` (stride 1) with its window dilated by `dilations`: run on each phase, interleaved back. */
function dilated(x: tf.Tensor, dilations: number[], op: WindowOp): tf.Tensor {
  const paddings = endPaddings(x, dilations);
  const y = op(
    tf.spaceToBatchND(x, dilations, paddings),
    dilations.map(() => 1),
  );
  // The padded tail only reaches outputs past the valid ones: crop as many.
  return tf.batchToSpaceND(y, dilations, paddings);
}

/**
 * `op` with `strides` and `dilations` (any, per spatial dimension). A common factor g of a stride and
 * a dilation is a subsample of the input by g first (the window then only touches multiples of g);
 * what is left of the dilation runs on phases, what is left of the stride subsamples the output.
 */
export function stridedDilated(x: tf.Tensor, strides: number[], dilations: number[], op: WindowOp): tf.Tensor {
  const common = strides.map((s, i) => gcd(s, dilations[i]!));
  const input = subsample(x, common);
  const stride = strides.map((s, i) => s / common[i]!);
  const dilation = dilations.map((d, i) => d / common[i]!);
  if (dilation.every((d) => d === 1)) return op(input, stride);
  return subsample(dilated(input, dilation, op), stride);
}
