// `shapecheck>CeilAvgPool`: PyTorch's average pooling (1, 2 or 3 spatial dimensions, channels-last) where
// tfjs's differs: a ceilMode window that reaches past the padded input, countIncludePad false, or a
// divisorOverride. PyTorch divides each window's sum by the number of its elements inside the input and
// its padding (count_include_pad, the default) or inside the input alone (false), never past them: the
// zero-padded input's sum-pool divided by the sum-pool of a mask (1 where counted, 0 elsewhere); with
// divisorOverride, by that number. Also the average inside lpPool (lp-pool.tfjs-layer.ts).
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
  /** Default true: the padding counts in the mean. */
  countIncludePad?: boolean;
  /** Default null: each window's sum divided by this instead. */
  divisorOverride?: number | null;
  name?: string;
}

/** "valid" average pooling of a channels-last tensor of rank 3, 4 or 5. */
export function avgPool(x: tf.Tensor, window: number[], strides: number[]): tf.Tensor {
  if (x.rank === 5)
    return tf.avgPool3d(
      x as tf.Tensor5D,
      window as [number, number, number],
      strides as [number, number, number],
      "valid",
    );
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
    return tf.tidy(() => countedAvgPool(x, this.settings));
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(CeilAvgPool);

/** PyTorch's average pooling of a channels-last tensor (see the top of this file). */
export function countedAvgPool(x: tf.Tensor, settings: CeilAvgPoolArgs): tf.Tensor {
  const { poolSize, strides, paddings, overhangs } = settings;
  const spatial = x.shape.slice(1, -1);
  const pads: [number, number][] = paddings.map((p, i) => [p, p + overhangs[i]!]);
  const means = avgPool(tf.pad(x, [[0, 0], ...pads, [0, 0]]), poolSize, strides);
  const divisor = settings.divisorOverride ?? null;
  if (divisor !== null) return tf.mul(means, poolSize.reduce((a, b) => a * b, 1) / divisor);
  // The mask: ones where counted (the input, and its padding with countIncludePad), zeros elsewhere.
  const mask =
    settings.countIncludePad === false
      ? tf.pad(tf.ones([1, ...spatial, 1]), [[0, 0], ...pads, [0, 0]])
      : tf.pad(tf.ones([1, ...spatial.map((n, i) => n + 2 * paddings[i]!), 1]), [
          [0, 0],
          ...overhangs.map((o): [number, number] => [0, o]),
          [0, 0],
        ]);
  return tf.div(means, avgPool(mask, poolSize, strides));
}
