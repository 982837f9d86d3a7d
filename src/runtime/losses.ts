// Losses: tfjs's by name, and PyTorch's NLLLoss ("nll", on log-probabilities) and CrossEntropyLoss
// ("crossEntropy", on logits). The PyTorch losses take class indices as targets, reduce over the
// class dimension 1 and average over the rest, as PyTorch's reduction="mean" without weights.
import * as tf from "@tensorflow/tfjs-core";
import type { Dim, Shape } from "../../types/shape/dims.ts";
import type { RuntimeShape } from "../shape/dims.ts";

/** tfjs-layers' losses by name (targets have the output's shape, except sparseCategoricalCrossentropy: class indices). */
export type TfjsLoss =
  | "categoricalCrossentropy"
  | "sparseCategoricalCrossentropy"
  | "binaryCrossentropy"
  | "meanSquaredError"
  | "meanAbsoluteError"
  | "meanAbsolutePercentageError"
  | "meanSquaredLogarithmicError"
  | "hinge"
  | "squaredHinge"
  | "categoricalHinge"
  | "logcosh"
  | "kullbackLeiblerDivergence"
  | "poisson"
  | "cosineProximity";
/** PyTorch's losses: "nll" (NLLLoss, after logSoftmax) and "crossEntropy" (CrossEntropyLoss, on logits); targets are class indices. */
export type TorchLoss = "nll" | "crossEntropy";
export type LossName = TfjsLoss | TorchLoss;

/** Losses whose targets are class indices. */
export type SparseLoss = TorchLoss | "sparseCategoricalCrossentropy";
const SPARSE: readonly string[] = ["nll", "crossEntropy", "sparseCategoricalCrossentropy"];
export const isSparse = (loss: string): loss is SparseLoss => SPARSE.includes(loss);
export const isTorch = (loss: string): loss is TorchLoss => loss === "nll" || loss === "crossEntropy";

/** The index of the class dimension: 1 for PyTorch's losses (channels-first), the last for tfjs's. */
export const classAxis = (loss: SparseLoss, rank: number): number => (isTorch(loss) ? 1 : rank - 1);

type Without<S extends Shape, Index extends number, Seen extends Shape = []> = S extends readonly [
  infer Head extends Dim,
  ...infer Rest extends Shape,
]
  ? Seen["length"] extends Index
    ? [...Seen, ...Rest]
    : Without<Rest, Index, [...Seen, Head]>
  : Seen;
type Last<S extends Shape> = S extends readonly [...infer Lead extends Shape, unknown] ? Lead : S;

/**
 * The shape of the targets for a loss on outputs of shape `Output`: class indices (the output
 * without its class dimension) for "nll", "crossEntropy" and "sparseCategoricalCrossentropy",
 * else the output's shape.
 *
 * @example
 * type Labels = TargetShape<[number, 10], "nll">;                     //=> [number]
 * type Pixels = TargetShape<[number, 3, 32, 32], "crossEntropy">;     //=> [number, 32, 32]
 * type OneHot = TargetShape<[number, 10], "categoricalCrossentropy">; //=> [number, 10]
 */
export type TargetShape<Output extends Shape, Loss extends string> = Loss extends TorchLoss
  ? Without<Output, 1>
  : Loss extends "sparseCategoricalCrossentropy"
    ? Last<Output>
    : Output;

/** Runtime twin of TargetShape. */
export function targetShape(output: RuntimeShape, loss: string): RuntimeShape {
  if (!isSparse(loss)) return output;
  const axis = classAxis(loss, output.length);
  return output.filter((_, i) => i !== axis);
}

/** NLLLoss on one-hot targets: −Σ target·output over the class dimension 1. */
export function nll(target: tf.Tensor, output: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(target, output), 1)));
}

/** CrossEntropyLoss on one-hot targets and logits: NLLLoss of logSoftmax over dimension 1. */
export function crossEntropy(target: tf.Tensor, output: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(target, logSoftmaxOver(output, 1)), 1)));
}

const logSoftmaxOver = (x: tf.Tensor, axis: number): tf.Tensor => tf.sub(x, tf.logSumExp(x, axis, true));

/** Accuracy for PyTorch's losses: the class of largest score (dimension 1) is the target's. */
export function torchAccuracy(target: tf.Tensor, output: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.equal(tf.argMax(target, 1), tf.argMax(output, 1)), "float32"));
}

/**
 * One-hot targets from class indices, with the class dimension at `axis` (tfjs's losses and metrics
 * see the targets as the outputs' shape). Throws a RangeError for an index outside 0…classes−1.
 */
export async function oneHotTargets(
  where: string,
  indices: tf.Tensor,
  classes: number,
  axis: number,
): Promise<tf.Tensor> {
  if (indices.size > 0) {
    // The smallest and largest index, and how many are not whole numbers (1.5 would train on class 1).
    const summary = tf.tidy(() =>
      tf.stack(
        [tf.min(indices), tf.max(indices), tf.sum(tf.cast(tf.notEqual(indices, tf.round(indices)), "float32"))].map(
          (t) => tf.cast(t, "float32"),
        ),
      ),
    );
    const [low, high, fractions] = await summary.data();
    summary.dispose();
    if (fractions! > 0) {
      const values = await indices.data();
      const flat = Array.prototype.findIndex.call(values, (v: number) => !Number.isInteger(v));
      const at = indices.shape.map(
        (_, axis) => Math.floor(flat / indices.shape.slice(axis + 1).reduce((a, b) => a * b, 1)) % indices.shape[axis]!,
      );
      throw new RangeError(
        `${where}: class indices must be integers from 0 to ${classes - 1}, got ${values[flat]} at [${at.join(", ")}]`,
      );
    }
    if (low! < 0 || high! >= classes) {
      throw new RangeError(
        `${where}: class indices must be integers from 0 to ${classes - 1}, got values from ${low} to ${high}`,
      );
    }
  }
  return tf.tidy(() => {
    const flat = tf.oneHot(tf.cast(tf.reshape(indices, [-1]), "int32"), classes);
    const last = tf.reshape(flat, [...indices.shape, classes]);
    if (axis === indices.rank) return tf.cast(last, "float32");
    const order = [...Array(indices.rank).keys()];
    order.splice(axis, 0, indices.rank);
    return tf.cast(tf.transpose(last, order), "float32");
  });
}
