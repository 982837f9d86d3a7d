// `shapecheck>GroupNorm`: PyTorch's group_norm on a channels-first tensor (mean and biased variance over each
// group of channels of each example), then weight and bias per channel; registered for (de)serialization.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface GroupNormArgs {
  numGroups: number;
  numChannels: number;
  eps: number;
  affine: boolean;
  name?: string;
}

export class TorchGroupNorm extends tfl.layers.Layer {
  static className = "shapecheck>GroupNorm";
  readonly settings: GroupNormArgs;
  private gamma?: tfl.LayerVariable;
  private beta?: tfl.LayerVariable;

  constructor(args: GroupNormArgs) {
    super({ name: args.name });
    this.settings = { numGroups: args.numGroups, numChannels: args.numChannels, eps: args.eps, affine: args.affine };
  }

  override build(): void {
    if (this.settings.affine) {
      const c = this.settings.numChannels;
      this.gamma = this.addWeight("weight", [c], "float32", tfl.initializers.ones());
      this.beta = this.addWeight("bias", [c], "float32", tfl.initializers.zeros());
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return inputShape as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => {
      const [n, c, ...rest] = x.shape as number[];
      const g = this.settings.numGroups;
      const grouped = tf.reshape(x, [n!, g, -1]);
      const { mean, variance } = tf.moments(grouped, 2, true);
      const normalized = tf.reshape(
        tf.div(tf.sub(grouped, mean), tf.sqrt(tf.add(variance, this.settings.eps))),
        x.shape,
      );
      if (!this.settings.affine) return normalized;
      const perChannel = [1, c!, ...rest.map(() => 1)];
      return tf.add(
        tf.mul(normalized, tf.reshape(this.gamma!.read(), perChannel)),
        tf.reshape(this.beta!.read(), perChannel),
      );
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.settings };
  }
}
tf.serialization.registerClass(TorchGroupNorm);
