// `shapecheck>AdaptivePool`: PyTorch's adaptive average or max pooling (1 or 2 spatial dimensions,
// channels-last) to any output size. Output cell i of a dimension of size L pools positions
// floor(i·L/out) … ceil((i+1)·L/out) − 1; windows may differ in size and overlap. Both the mean and the
// max over a rectangle reduce one dimension after the other, so each dimension is sliced per output
// cell and reduced (out slices per dimension, each small).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface AdaptivePoolArgs {
  max: boolean;
  /** The output size per spatial dimension. */
  outputSize: number[];
  name?: string;
}

/** PyTorch's window of output cell i when `size` positions pool to `out`: [start, end). */
export const adaptiveWindow = (i: number, size: number, out: number): [number, number] => [
  Math.floor((i * size) / out),
  Math.ceil(((i + 1) * size) / out),
];

export class AdaptivePool extends tfl.layers.Layer {
  static className = "shapecheck>AdaptivePool";
  readonly settings: AdaptivePoolArgs;

  constructor(args: AdaptivePoolArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [shape[0]!, ...this.settings.outputSize, shape.at(-1)!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    let x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { max, outputSize } = this.settings;
    return tf.tidy(() => {
      outputSize.forEach((out, d) => {
        const axis = d + 1;
        const size = x.shape[axis]!;
        if (size === out) return;
        const cells = Array.from({ length: out }, (_, i) => {
          const [start, end] = adaptiveWindow(i, size, out);
          const begin = x.shape.map((_, a) => (a === axis ? start : 0));
          const window = x.shape.map((n, a) => (a === axis ? end - start : n));
          const slice = tf.slice(x, begin, window);
          return max ? tf.max(slice, axis, true) : tf.mean(slice, axis, true);
        });
        x = cells.length === 1 ? cells[0]! : tf.concat(cells, axis);
      });
      return x;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(AdaptivePool);
