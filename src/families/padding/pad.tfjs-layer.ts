// shapecheck's Pad layer, registered for (de)serialization as `shapecheck>Pad`: a constant padding of
// every non-batch dimension (tfjs-layers has no such layer). The converters use it for max pooling with
// padding or ceilMode (−∞), padded conv1d / conv3d, and layers.zeroPadding2d's explicit paddings.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

/** The fill value as JSON keeps it (JSON has no −∞). */
type Fill = number | "-Infinity";

interface PadArgs {
  /** [before, after] per dimension after the batch. */
  paddings: [number, number][];
  /** 0, or "-Infinity" (max pooling's padding). */
  value?: Fill;
  name?: string;
}

/** Pads every non-batch dimension with a constant (PyTorch's F.pad). */
export class Pad extends tfl.layers.Layer {
  static className = "shapecheck>Pad";
  readonly paddings: [number, number][];
  readonly value: Fill;

  constructor(args: PadArgs) {
    super({ name: args.name });
    this.paddings = args.paddings.map(([before, after]) => [before, after]);
    this.value = args.value ?? 0;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return shape.map((dim, i) => {
      if (i === 0 || dim === null) return dim;
      const [before, after] = this.paddings[i - 1] ?? [0, 0];
      return dim + before + after;
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const value = this.value === "-Infinity" ? -Infinity : this.value;
    return tf.pad(x, [[0, 0], ...this.paddings], value);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), paddings: this.paddings, value: this.value };
  }
}
tf.serialization.registerClass(Pad);
