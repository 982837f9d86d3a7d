// `shapecheck>RReLU`: PyTorch's rrelu in tf ops: for x < 0, x times a slope drawn from U(lower, upper) per element
// while training, times (lower + upper) / 2 in inference; x otherwise.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface RReLUArgs {
  lower: number;
  upper: number;
  name?: string;
}

export class TorchRReLU extends tfl.layers.Layer {
  static className = "shapecheck>RReLU";
  readonly settings: RReLUArgs;

  constructor(args: RReLUArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return inputShape as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { lower, upper } = this.settings;
    return tf.tidy(() => {
      const slope = kwargs.training ? tf.randomUniform(x.shape, lower, upper) : tf.scalar((lower + upper) / 2);
      return tf.where(tf.greaterEqual(x, 0), x, tf.mul(x, slope));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(TorchRReLU);
