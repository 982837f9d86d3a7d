// `shapecheck>Bilinear`: PyTorch's nn.Bilinear in tf ops (gradients by autodiff), on its two inputs
// x1 [*, in1] and x2 [*, in2] (the same leading dimensions):
//   y[…, o] = Σᵢⱼ x1[…, i] · weight[o, i, j] · x2[…, j] + bias[o]
// computed as (x1 · weight arranged [in1, out·in2]) reshaped [n, out, in2], times x2, summed over in2.
// Weights in PyTorch's layout: weight [out, in1, in2], bias [out] (none with useBias: false).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface BilinearArgs {
  in1Features: number;
  in2Features: number;
  outFeatures: number;
  useBias: boolean;
  name?: string;
  trainable?: boolean;
}

export class Bilinear extends tfl.layers.Layer {
  static className = "shapecheck>Bilinear";
  readonly settings: BilinearArgs;
  private weight?: tfl.LayerVariable;
  private bias?: tfl.LayerVariable;

  constructor(args: BilinearArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { in1Features: in1, in2Features: in2, outFeatures: out, useBias } = this.settings;
    // PyTorch: weight and bias U(−1/√in1, 1/√in1).
    const bound = 1 / Math.sqrt(in1);
    const uniform = () => tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    this.weight = this.addWeight("weight", [out, in1, in2], "float32", uniform());
    if (useBias) this.bias = this.addWeight("bias", [out], "float32", uniform());
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [first] = inputShape as Shape[];
    return [...first!.slice(0, -1), this.settings.outFeatures];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [x1, x2] = inputs as tf.Tensor[];
    const { in1Features: in1, in2Features: in2, outFeatures: out } = this.settings;
    return tf.tidy(() => {
      const leading = x1!.shape.slice(0, -1);
      const n = leading.reduce((a, b) => a * b, 1);
      const w = tf.reshape(tf.transpose(this.weight!.read(), [1, 0, 2]), [in1, out * in2]);
      const t = tf.reshape(tf.matMul(tf.reshape(x1!, [n, in1]) as tf.Tensor2D, w as tf.Tensor2D), [n, out, in2]);
      let y = tf.sum(tf.mul(t, tf.reshape(x2!, [n, 1, in2])), 2);
      if (this.bias) y = tf.add(y, this.bias.read());
      return tf.reshape(y, [...leading, out]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...(args as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(Bilinear);
