// `shapecheck>CeilAvgPool`: average pooling (1 or 2 spatial dimensions, channels-last) whose ceilMode
// window reaches past the padded input. PyTorch (count_include_pad) divides each window by the number
// of its elements inside the input and its padding, not past them: the zero-padded input's sum-pool
// divided by the sum-pool of a mask (1 on the input and its padding, 0 on the overhang).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { poolSize as pooledSize } from "./pool.ts";

type Shape = (number | null)[];

export interface CeilAvgPoolArgs {
  poolSize: number[];
  strides: number[];
  /** PyTorch's padding per spatial dimension (counted in the mean). */
  paddings: number[];
  /** How far the last window reaches past the padded input, per spatial dimension (not counted). */
  overhangs: number[];
  name?: string;
}

/** "valid" average pooling of a channels-last tensor of rank 3 or 4. */
function avgPool(x: tf.Tensor, window: number[], strides: number[]): tf.Tensor {
  if (x.rank === 4)
    return tf.avgPool(x as tf.Tensor4D, window as [number, number], strides as [number, number], "valid");
  return tf.squeeze(tf.avgPool(tf.expandDims(x, 1) as tf.Tensor4D, [1, window[0]!], [1, strides[0]!], "valid"), [1]);
}

export class CeilAvgPool extends tfl.layers.Layer {
  static className = "shapecheck>CeilAvgPool";
  readonly settings: CeilAvgPoolArgs;

  constructor(args: CeilAvgPoolArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, ...rest] = inputShape as Shape;
    const { poolSize, strides, paddings, overhangs } = this.settings;
    const spatial = rest
      .slice(0, -1)
      // PyTorch's rule (pool.ts) on the input and its overhang (ceil mode's last window), padded.
      .map((n, i) =>
        pooledSize(
          this.name,
          i + 1,
          n === null ? null : n + overhangs[i]!,
          poolSize[i]!,
          strides[i]!,
          paddings[i]!,
          1,
          false,
        ),
      );
    return [batch!, ...spatial, rest.at(-1)!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { poolSize, strides, paddings, overhangs } = this.settings;
    return tf.tidy(() => {
      const spatial = x.shape.slice(1, -1);
      const pads: [number, number][] = paddings.map((p, i) => [p, p + overhangs[i]!]);
      const sums = avgPool(tf.pad(x, [[0, 0], ...pads, [0, 0]]), poolSize, strides);
      // The mask: ones over the input and its padding, zeros over the overhang.
      const counted = tf.ones([1, ...spatial.map((n, i) => n + 2 * paddings[i]!), 1]);
      const mask = tf.pad(counted, [[0, 0], ...overhangs.map((o): [number, number] => [0, o]), [0, 0]]);
      return tf.div(sums, avgPool(mask, poolSize, strides));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(CeilAvgPool);
