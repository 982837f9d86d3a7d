// shapecheck's AxisSoftmax layer, registered for (de)serialization as `shapecheck>AxisSoftmax`:
// softmax / logSoftmax over an axis that is not the last (tfjs's take the last axis only).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

/**
 * softmax or log-softmax over one axis (tfjs's softmax and "logSoftmax" take the last axis only):
 * log-softmax is x − logSumExp(x), softmax its exp.
 */
export class AxisSoftmax extends tfl.layers.Layer {
  static className = "shapecheck>AxisSoftmax";
  readonly axis: number;
  readonly log: boolean;

  constructor(args: { axis: number; log: boolean; name?: string }) {
    super({ name: args.name });
    this.axis = args.axis;
    this.log = args.log;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => {
      const logProbabilities = tf.sub(x, tf.logSumExp(x, this.axis, true));
      return this.log ? logProbabilities : tf.exp(logProbabilities);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: this.axis, log: this.log };
  }
}
tf.serialization.registerClass(AxisSoftmax);
