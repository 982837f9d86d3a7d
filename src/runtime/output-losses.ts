// Losses of a model with several outputs. tfjs-layers adds the outputs' losses before reducing them
// (so outputs of different shapes fail to broadcast): each output's loss is reduced to its mean here
// first, and the total is their sum, as Keras computes it.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type LossFn = (target: tf.Tensor, output: tf.Tensor) => tf.Tensor;

/** tfjs losses that tfjs-layers exposes as functions (as metrics: the same functions). */
const byName: Record<string, LossFn> = {
  meanSquaredError: tfl.metrics.meanSquaredError,
  meanAbsoluteError: tfl.metrics.meanAbsoluteError,
  meanAbsolutePercentageError: tfl.metrics.meanAbsolutePercentageError,
  binaryCrossentropy: tfl.metrics.binaryCrossentropy,
  categoricalCrossentropy: tfl.metrics.categoricalCrossentropy,
  cosineProximity: tfl.metrics.cosineProximity,
};

export const writeManyOutputsLossMessage = (loss: string): string =>
  `compile: loss "${loss}" is not available for a model with several outputs yet; use "nll", "crossEntropy", or one of ${["sparseCategoricalCrossentropy", ...Object.keys(byName)].map((n) => `"${n}"`).join(", ")}`;

/** `loss` (a function, or a tfjs name after shapecheck's renaming) reduced to a scalar per output. */
export function meanPerOutput(loss: string | LossFn, written: string): LossFn {
  const fn = typeof loss === "string" ? byName[loss] : loss;
  if (!fn) throw new Error(writeManyOutputsLossMessage(written));
  return (target, output) => tf.tidy(() => tf.mean(fn(target, output)));
}
