// `shapecheck>DilatedPool`: max or average pooling (1, 2 or 3 spatial dimensions, channels-last,
// "valid") with a dilation, which tfjs's pooling lacks, and any stride with it (see dilation.ts).
// Padding comes before, as a layer (−∞ for max pooling).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { stridedDilated } from "../conv/dilation.tfjs.ts";
import { poolSize as pooledSize } from "./pool.ts";

type Shape = (number | null)[];

export interface DilatedPoolArgs {
  max: boolean;
  poolSize: number[];
  strides: number[];
  dilations: number[];
  name?: string;
}

/**
 * 3D max pooling as two 2D ones (height and width per depth slice, then depth): tfjs-backend-wasm 4.22's MaxPool3D
 * starts each window's max at the smallest positive float, so a window of negative values gives 1.2e-38.
 */
export function maxPool3d(x: tf.Tensor, window: number[], strides: number[]): tf.Tensor {
  const [n, d, h, w, c] = x.shape as [number, number, number, number, number];
  const planes = tf.maxPool(
    tf.reshape(x, [n * d, h, w, c]) as tf.Tensor4D,
    [window[1]!, window[2]!],
    [strides[1]!, strides[2]!],
    "valid",
  );
  const [, h2, w2] = planes.shape;
  const depth = tf.maxPool(
    tf.reshape(planes, [n, d, h2 * w2, c]) as tf.Tensor4D,
    [window[0]!, 1],
    [strides[0]!, 1],
    "valid",
  );
  return tf.reshape(depth, [n, depth.shape[1], h2, w2, c]);
}

/** One "valid" pooling with no dilation. */
function poolOnce(x: tf.Tensor, max: boolean, window: number[], strides: number[]): tf.Tensor {
  if (x.rank === 5)
    return max
      ? maxPool3d(x, window, strides)
      : tf.avgPool3d(
          x as tf.Tensor5D,
          window as [number, number, number],
          strides as [number, number, number],
          "valid",
        );
  const pool = max ? tf.maxPool : tf.avgPool;
  if (x.rank === 4) return pool(x as tf.Tensor4D, window as [number, number], strides as [number, number], "valid");
  return tf.squeeze(pool(tf.expandDims(x, 1) as tf.Tensor4D, [1, window[0]!], [1, strides[0]!], "valid"), [1]);
}

export class DilatedPool extends tfl.layers.Layer {
  static className = "shapecheck>DilatedPool";
  readonly settings: DilatedPoolArgs;

  constructor(args: DilatedPoolArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, ...rest] = inputShape as Shape;
    const { poolSize, strides, dilations } = this.settings;
    const spatial = rest
      .slice(0, -1)
      // PyTorch's rule (pool.ts) with padding 0: the converter pads before this layer.
      .map((n, i) => pooledSize(this.name, i + 1, n, poolSize[i]!, strides[i]!, 0, dilations[i]!, false));
    return [batch!, ...spatial, rest.at(-1)!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { max, poolSize, strides, dilations } = this.settings;
    return tf.tidy(() =>
      stridedDilated(x, strides, dilations, (input, steps) => poolOnce(input, max, poolSize, steps)),
    );
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(DilatedPool);
