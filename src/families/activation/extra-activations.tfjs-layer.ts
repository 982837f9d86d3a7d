// `shapecheck>Activation` (PyTorch's parameterized activations in tf ops, over an axis where they
// need one) and `shapecheck>PReLU` (a learned slope, one or one per channel), registered for
// (de)serialization. Gradients come from the tf ops (they train on every backend); masks are
// tf.step (its gradient is zero), not comparisons (which have none).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface ActivationArgs {
  /** The `nn` kind: "relu6", "elu", "glu", … */
  fn: string;
  /** The kind's numbers (alpha, beta, threshold, minVal, maxVal, lambd, value). */
  params?: Record<string, number>;
  /** The physical axis of softmin, softmax2d and glu. */
  axis?: number;
  name?: string;
}

const softmaxOver = (x: tf.Tensor, axis: number): tf.Tensor => tf.exp(tf.sub(x, tf.logSumExp(x, axis, true)));

/** y = f(x) for PyTorch's activation `fn`. */
export function torchActivation(fn: string, x: tf.Tensor, p: Record<string, number>, axis: number): tf.Tensor {
  const six = (t: tf.Tensor) => tf.clipByValue(t, 0, 6);
  switch (fn) {
    case "relu6":
      return six(x);
    case "hardswish":
      return tf.mul(x, tf.div(six(tf.add(x, 3)), 6));
    case "hardsigmoid":
      return tf.div(six(tf.add(x, 3)), 6);
    case "silu":
      return tf.mul(x, tf.sigmoid(x));
    case "mish":
      return tf.mul(x, tf.tanh(tf.softplus(x)));
    case "elu":
      return tf.add(tf.relu(x), tf.mul(p["alpha"]!, tf.sub(tf.exp(tf.minimum(x, 0)), 1)));
    case "selu":
      return tf.selu(x);
    case "celu": {
      const alpha = p["alpha"]!;
      const negative = tf.mul(alpha, tf.sub(tf.exp(tf.div(tf.minimum(x, 0), alpha)), 1));
      return tf.add(tf.relu(x), tf.minimum(0, negative));
    }
    case "softplus": {
      const { beta, threshold } = p as { beta: number; threshold: number };
      const scaled = tf.mul(x, beta);
      const linear = tf.step(tf.sub(scaled, threshold)); // 1 where β·x > threshold
      return tf.add(tf.mul(linear, x), tf.mul(tf.sub(1, linear), tf.div(tf.softplus(scaled), beta)));
    }
    case "softsign":
      return tf.div(x, tf.add(1, tf.abs(x)));
    case "hardtanh":
      return tf.clipByValue(x, p["minVal"]!, p["maxVal"]!);
    case "logsigmoid":
      return tf.logSigmoid(x);
    case "tanhshrink":
      return tf.sub(x, tf.tanh(x));
    case "softshrink": {
      const l = p["lambd"]!;
      return tf.sub(tf.relu(tf.sub(x, l)), tf.relu(tf.sub(tf.neg(x), l)));
    }
    case "hardshrink": {
      const l = p["lambd"]!;
      const inside = tf.mul(tf.sub(1, tf.step(tf.sub(x, l))), tf.sub(1, tf.step(tf.sub(tf.neg(x), l))));
      return tf.mul(x, tf.sub(1, inside)); // x where x > lambd or x < −lambd
    }
    case "threshold":
      const above = tf.step(tf.sub(x, p["threshold"]!)); // 1 where x > threshold
      return tf.add(tf.mul(above, x), tf.mul(tf.sub(1, above), p["value"]!));
    case "softmin":
      return softmaxOver(tf.neg(x), axis);
    case "softmax2d":
      return softmaxOver(x, axis);
    case "glu": {
      const [a, b] = tf.split(x, 2, axis);
      return tf.mul(a!, tf.sigmoid(b!));
    }
    default:
      throw new Error(`shapecheck>Activation: unknown function ${fn}`);
  }
}

export class TorchActivation extends tfl.layers.Layer {
  static className = "shapecheck>Activation";
  readonly settings: ActivationArgs;

  constructor(args: ActivationArgs) {
    super({ name: args.name });
    this.settings = { fn: args.fn, params: args.params ?? {}, axis: args.axis ?? -1 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = [...(inputShape as Shape)];
    if (this.settings.fn === "glu") {
      const axis = this.settings.axis! < 0 ? shape.length + this.settings.axis! : this.settings.axis!;
      shape[axis] = shape[axis] === null ? null : shape[axis]! / 2;
    }
    return shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => torchActivation(this.settings.fn, x, this.settings.params!, this.settings.axis!));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), fn: this.settings.fn, params: this.settings.params!, axis: this.settings.axis! };
  }
}
tf.serialization.registerClass(TorchActivation);

export interface PReLUArgs {
  numParameters: number;
  init: number;
  /** The physical axis of the channels (ignored when numParameters is 1). */
  axis: number;
  name?: string;
}

/** PyTorch's PReLU: max(0, x) + weight · min(0, x), the weight broadcast along the channel axis. */
export class TorchPReLU extends tfl.layers.Layer {
  static className = "shapecheck>PReLU";
  readonly settings: PReLUArgs;
  private weight?: tfl.LayerVariable;

  constructor(args: PReLUArgs) {
    super({ name: args.name });
    this.settings = { numParameters: args.numParameters, init: args.init, axis: args.axis };
  }

  override build(): void {
    this.weight = this.addWeight(
      "weight",
      [this.settings.numParameters],
      "float32",
      tfl.initializers.constant({ value: this.settings.init }),
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return inputShape as Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => {
      let w = this.weight!.read();
      if (this.settings.numParameters !== 1) {
        const shape = x.shape.map((_, i) => (i === this.settings.axis ? this.settings.numParameters : 1));
        w = tf.reshape(w, shape);
      }
      return tf.add(tf.relu(x), tf.mul(w, tf.minimum(x, 0)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.settings };
  }
}
tf.serialization.registerClass(TorchPReLU);
