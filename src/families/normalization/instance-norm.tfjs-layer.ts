// `shapecheck>InstanceNorm`: PyTorch's instance_norm on a channels-first tensor, in tf ops (gradients by autodiff):
// each channel of each example normalized over its spatial dimensions (biased variance), then weight and bias per
// channel (affine). With trackRunningStats: training updates running_mean / running_var with the batch's mean of
// the instances' means and unbiased variances (PyTorch's batch norm on [1, batch·channels, …]); inference uses them.
// An unbatched input ([channels, …], rank spatial + 1) runs as a batch of one.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface InstanceNormArgs {
  numFeatures: number;
  spatial: number;
  eps: number;
  momentum: number;
  affine: boolean;
  trackRunningStats: boolean;
  name?: string;
  trainable?: boolean;
}

export class TorchInstanceNorm extends tfl.layers.Layer {
  static className = "shapecheck>InstanceNorm";
  readonly settings: InstanceNormArgs;
  private gamma?: tfl.LayerVariable;
  private beta?: tfl.LayerVariable;
  private runningMean?: tfl.LayerVariable;
  private runningVar?: tfl.LayerVariable;

  constructor(args: InstanceNormArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const c = this.settings.numFeatures;
    const add = (name: string, init: "ones" | "zeros", trainable: boolean) =>
      this.addWeight(name, [c], "float32", tfl.initializers[init](), undefined, trainable);
    if (this.settings.affine) {
      this.gamma = add("weight", "ones", true);
      this.beta = add("bias", "zeros", true);
    }
    if (this.settings.trackRunningStats) {
      this.runningMean = add("running_mean", "zeros", false);
      this.runningVar = add("running_var", "ones", false);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return inputShape as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const given = Array.isArray(inputs) ? inputs[0]! : inputs;
    const training = kwargs.training ?? false;
    const { spatial, eps, trackRunningStats } = this.settings;
    return tf.tidy(() => {
      const unbatched = given.rank === spatial + 1;
      const x = unbatched ? tf.expandDims(given, 0) : given;
      const c = x.shape[1]!;
      const perChannel = [1, c, ...Array(spatial).fill(1)];
      const axes = Array.from({ length: spatial }, (_, i) => i + 2);
      let mean: tf.Tensor;
      let variance: tf.Tensor;
      if (training || !trackRunningStats) {
        ({ mean, variance } = tf.moments(x, axes, true));
        if (training && trackRunningStats) this.updateRunningStats(mean, variance, x.size / (x.shape[0]! * c));
      } else {
        mean = tf.reshape(this.runningMean!.read(), perChannel);
        variance = tf.reshape(this.runningVar!.read(), perChannel);
      }
      let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps)));
      if (this.gamma)
        y = tf.add(tf.mul(y, tf.reshape(this.gamma.read(), perChannel)), tf.reshape(this.beta!.read(), perChannel));
      return unbatched ? tf.squeeze(y, [0]) : y;
    });
  }

  /** new = (1 − m)·old + m·(the batch's mean of the instances' statistics); the variance unbiased (n / (n − 1)). */
  private updateRunningStats(mean: tf.Tensor, variance: tf.Tensor, count: number): void {
    tf.tidy(() => {
      const m = this.settings.momentum;
      const c = this.settings.numFeatures;
      const unbiased = tf.mul(variance, count / Math.max(count - 1, 1));
      const blend = (variable: tfl.LayerVariable, batch: tf.Tensor) =>
        variable.write(tf.add(tf.mul(variable.read(), 1 - m), tf.mul(tf.mean(tf.reshape(batch, [-1, c]), 0), m)));
      blend(this.runningMean!, mean);
      blend(this.runningVar!, unbiased);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(TorchInstanceNorm);
