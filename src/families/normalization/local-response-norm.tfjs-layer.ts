// `shapecheck>LocalResponseNorm`: PyTorch's local_response_norm on a channels-first tensor: the squares averaged
// over `size` channels (zero-padded size/2 before and (size−1)/2 after, the padding counted), then
// x / (k + alpha · average)^beta; registered for (de)serialization.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface LocalResponseNormArgs {
  size: number;
  alpha: number;
  beta: number;
  k: number;
  name?: string;
}

export class TorchLocalResponseNorm extends tfl.layers.Layer {
  static className = "shapecheck>LocalResponseNorm";
  readonly settings: LocalResponseNormArgs;

  constructor(args: LocalResponseNormArgs) {
    super({ name: args.name });
    this.settings = { size: args.size, alpha: args.alpha, beta: args.beta, k: args.k };
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return inputShape as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { size, alpha, beta, k } = this.settings;
    return tf.tidy(() => {
      const paddings = x.shape.map((_, i): [number, number] =>
        i === 1 ? [Math.floor(size / 2), Math.floor((size - 1) / 2)] : [0, 0],
      );
      const squares = tf.pad(tf.square(x), paddings);
      let sum = tf.slice(
        squares,
        x.shape.map(() => 0),
        x.shape as number[],
      );
      for (let offset = 1; offset < size; offset++)
        sum = tf.add(
          sum,
          tf.slice(
            squares,
            x.shape.map((_, i) => (i === 1 ? offset : 0)),
            x.shape as number[],
          ),
        );
      const div = tf.pow(tf.add(tf.mul(tf.div(sum, size), alpha), k), beta);
      return tf.div(x, div);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.settings };
  }
}
tf.serialization.registerClass(TorchLocalResponseNorm);
