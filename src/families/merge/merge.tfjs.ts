// The merge layers in a converted graph: tfjs's own Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply with
// the arguments as given (the graph converter, src/runtime/convert/graph.ts, asks src/ops/ops.tfjs.ts's opLayer
// for a `tfMerge` node's layer). A `layers` model's tensors are in tfjs's own order, so the axes are as written.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { MergeSpec } from "./merge.ts";

const factories = {
  Add: tfl.layers.add,
  Average: tfl.layers.average,
  Maximum: tfl.layers.maximum,
  Minimum: tfl.layers.minimum,
  Multiply: tfl.layers.multiply,
  Concatenate: tfl.layers.concatenate,
  Dot: tfl.layers.dot,
} as const;

/** tfjs's own layer for a merge node. */
export function mergeTfjsLayer(spec: MergeSpec, name?: string): tfl.layers.Layer {
  const named = name === undefined ? {} : { name };
  if (spec.kind === "Concatenate") return tfl.layers.concatenate({ axis: spec.axis ?? -1, ...named });
  if (spec.kind === "Dot")
    return tfl.layers.dot({ axes: spec.axes as number | [number, number], normalize: spec.normalize, ...named });
  return (factories[spec.kind] as (args: object) => tfl.layers.Layer)(named);
}

/** A merge on concrete tensors (the `Op` fallback of ops.tfjs.ts): tfjs's own layer applied. */
export const applyMerge = (xs: tf.Tensor[], spec: MergeSpec): tf.Tensor => mergeTfjsLayer(spec).apply(xs) as tf.Tensor;

/**
 * tfjs-core's gradients of Maximum and Minimum return dy's shape for both inputs, so a broadcast maximum (tfjs's
 * Maximum layer on [batch, 5, 4] and [batch, 4], or ops.maximum) cannot train ("the gradient of input 'b' has
 * shape 4,5,4, which does not match …"). The same gradients, summed over the broadcast axes as Add's are.
 */
function reduced(dy: tf.Tensor, input: tf.Tensor): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(input.shape, dy.shape);
  return axes.length > 0 ? tf.reshape(tf.sum(dy, axes), input.shape) : dy;
}
for (const [kernelName, first] of [
  [tf.Maximum, tf.greaterEqual],
  [tf.Minimum, tf.lessEqual],
] as const) {
  tf.registerGradient({
    kernelName,
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      const d = dy as tf.Tensor;
      const pickA = tf.cast(first(a, b), "float32");
      return {
        a: () => reduced(tf.mul(d, pickA), a),
        b: () => reduced(tf.mul(d, tf.sub(1, pickA)), b),
      };
    },
  });
}
