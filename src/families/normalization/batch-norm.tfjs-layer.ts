// `shapecheck>BatchNorm`: PyTorch's batch norm where tfjs's differs, in tf ops (gradients by autodiff):
// - trackRunningStats false: batch statistics always, in training and in inference; no buffers;
// - momentum null: running statistics as the cumulative average of the batch statistics
//   (factor 1 / num_batches_tracked after counting this batch), with num_batches_tracked a weight.
// As PyTorch, training normalizes with the biased batch variance and updates running_var with the
// unbiased one (n / (n − 1)).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface BatchNormArgs {
  /** The channel axis (physical). */
  axis: number;
  eps: number;
  affine: boolean;
  trackRunningStats: boolean;
  /** null: the cumulative moving average. */
  momentum: number | null;
  name?: string;
  trainable?: boolean;
}

export class TorchBatchNorm extends tfl.layers.Layer {
  static className = "shapecheck>BatchNorm";
  readonly settings: BatchNormArgs;
  private gamma?: tfl.LayerVariable;
  private beta?: tfl.LayerVariable;
  private runningMean?: tfl.LayerVariable;
  private runningVar?: tfl.LayerVariable;
  private batchesTracked?: tfl.LayerVariable;

  constructor(args: BatchNormArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = inputShape as tfl.Shape;
    const channels = shape.at(this.settings.axis)! as number;
    const add = (name: string, dims: number[], init: string, trainable: boolean) =>
      this.addWeight(name, dims, "float32", tfl.initializers[init as "ones"](), undefined, trainable);
    if (this.settings.affine) {
      this.gamma = add("gamma", [channels], "ones", true);
      this.beta = add("beta", [channels], "zeros", true);
    }
    if (this.settings.trackRunningStats) {
      this.runningMean = add("running_mean", [channels], "zeros", false);
      this.runningVar = add("running_var", [channels], "ones", false);
      this.batchesTracked = add("num_batches_tracked", [], "zeros", false);
    }
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const training = kwargs.training ?? false;
    const axis = this.settings.axis < 0 ? x.rank + this.settings.axis : this.settings.axis;
    const shape = x.shape.map((n, a) => (a === axis ? n : 1));
    return tf.tidy(() => {
      let mean: tf.Tensor;
      let variance: tf.Tensor;
      if (training || !this.settings.trackRunningStats) {
        const reduced = x.shape.map((_, a) => a).filter((a) => a !== axis);
        ({ mean, variance } = tf.moments(x, reduced, true));
        if (training && this.settings.trackRunningStats)
          this.updateRunningStats(mean, variance, x.size / x.shape[axis]!);
      } else {
        mean = tf.reshape(this.runningMean!.read(), shape);
        variance = tf.reshape(this.runningVar!.read(), shape);
      }
      let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.settings.eps)));
      if (this.gamma) y = tf.add(tf.mul(y, tf.reshape(this.gamma.read(), shape)), tf.reshape(this.beta!.read(), shape));
      return y;
    });
  }

  /** PyTorch's update: new = (1 − f)·old + f·batch, f = momentum or 1 / batches so far; running_var gets the unbiased variance. */
  private updateRunningStats(mean: tf.Tensor, variance: tf.Tensor, count: number): void {
    tf.tidy(() => {
      const batches = tf.add(this.batchesTracked!.read(), 1);
      this.batchesTracked!.write(batches);
      const factor = this.settings.momentum === null ? tf.div(1, batches) : tf.scalar(this.settings.momentum);
      const unbiased = tf.mul(variance, count / Math.max(count - 1, 1));
      const blend = (variable: tfl.LayerVariable, batch: tf.Tensor) =>
        variable.write(tf.add(variable.read(), tf.mul(factor, tf.sub(tf.reshape(batch, [-1]), variable.read()))));
      blend(this.runningMean!, mean);
      blend(this.runningVar!, unbiased);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(TorchBatchNorm);
