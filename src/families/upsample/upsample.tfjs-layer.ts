// `shapecheck>Upsample`: PyTorch's upsample_nearest / linear / bilinear / bicubic / trilinear on a channels-first
// tensor, one spatial axis at a time (PyTorch's kernels are separable), in tf ops: gathers of source indices and
// weighted sums, so gradients come from tf.gather's. Indices and weights follow ATen's UpSample.h (1.13):
// - the source scale: (in − 1) / (out − 1) with alignCorners; else 1 / scaleFactor when one was given, else in / out;
// - nearest: out = in → same index; out = 2·in → i >> 1; else min(⌊i·scale⌋, in − 1) in float32;
// - linear: src = scale·(i + ½) − ½ clamped at 0 (alignCorners: scale·i); neighbours ⌊src⌋ and ⌊src⌋ + 1 (last: itself);
// - cubic: src unclamped, 4 neighbours ⌊src⌋ − 1 … + 2 clamped to the edges, Keys' weights with A = −0.75.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { perSpatial, upsampleRule, type UpsampleMode } from "./upsample.ts";

type Shape = (number | null)[];

export interface UpsampleArgs {
  mode: UpsampleMode;
  alignCorners: boolean;
  size: number | number[] | null;
  scaleFactor: number | number[] | null;
  name?: string;
}

/** For one axis: per output index, the source indices and their weights (one pair per tap). */
export function resampleTaps(
  mode: UpsampleMode,
  inSize: number,
  outSize: number,
  alignCorners: boolean,
  scaleFactor: number | null,
): { index: number[][]; weight: number[][] } {
  const f = Math.fround;
  const scale = alignCorners
    ? outSize > 1
      ? f((inSize - 1) / (outSize - 1))
      : 0
    : scaleFactor !== null && scaleFactor > 0
      ? f(1 / scaleFactor)
      : f(inSize / outSize);
  const outputs = Array.from({ length: outSize }, (_, i) => i);
  if (mode === "nearest") {
    const nearestScale = scaleFactor !== null && scaleFactor > 0 ? f(1 / scaleFactor) : f(inSize / outSize);
    const index = outputs.map((i) =>
      outSize === inSize ? i : outSize === 2 * inSize ? i >> 1 : Math.min(Math.floor(f(i * nearestScale)), inSize - 1),
    );
    return { index: [index], weight: [outputs.map(() => 1)] };
  }
  const source = (i: number, cubic: boolean) => {
    if (alignCorners) return f(scale * i);
    const src = f(f(scale * (i + 0.5)) - 0.5);
    return !cubic && src < 0 ? 0 : src;
  };
  if (mode === "bicubic") {
    const A = -0.75;
    const near = (x: number) => ((A + 2) * x - (A + 3)) * x * x + 1;
    const far = (x: number) => ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    const taps = outputs.map((i) => {
      const src = source(i, true);
      const base = Math.floor(src);
      const t = src - base;
      const w = [far(t + 1), near(t), near(1 - t), far(2 - t)];
      const at = [-1, 0, 1, 2].map((k) => Math.min(Math.max(base + k, 0), inSize - 1));
      return { at, w };
    });
    return {
      index: [0, 1, 2, 3].map((k) => taps.map((t) => t.at[k]!)),
      weight: [0, 1, 2, 3].map((k) => taps.map((t) => t.w[k]!)),
    };
  }
  const pairs = outputs.map((i) => {
    if (outSize === inSize) return { i0: i, i1: i, l0: 1, l1: 0 };
    const src = source(i, false);
    const i0 = Math.trunc(src);
    const i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
    const l1 = Math.min(Math.max(src - i0, 0), 1);
    return { i0, i1, l0: 1 - l1, l1 };
  });
  return {
    index: [pairs.map((p) => p.i0), pairs.map((p) => p.i1)],
    weight: [pairs.map((p) => p.l0), pairs.map((p) => p.l1)],
  };
}

/**
 * `x` (channels-first, 1 to 3 spatial dimensions) resampled to `sizes` as PyTorch's upsample kernels, one spatial axis
 * at a time; `factors`: the scale factors given (PyTorch then samples with 1 / factor), else null. Also ops.interpolate's.
 */
export function resample(
  x: tf.Tensor,
  mode: UpsampleMode,
  alignCorners: boolean,
  sizes: readonly number[],
  factors: readonly number[] | null,
): tf.Tensor {
  return tf.tidy(() => {
    let y = x;
    for (let s = 0; s < x.rank - 2; s++) {
      const axis = s + 2;
      const { index, weight } = resampleTaps(mode, y.shape[axis]!, sizes[s]!, alignCorners, factors?.[s] ?? null);
      const along = y.shape.map((_, a) => (a === axis ? -1 : 1));
      let sum: tf.Tensor | null = null;
      index.forEach((taps, k) => {
        const gathered = tf.gather(y, tf.tensor1d(taps, "int32"), axis);
        const term = mode === "nearest" ? gathered : tf.mul(gathered, tf.reshape(tf.tensor1d(weight[k]!), along));
        sum = sum === null ? term : tf.add(sum, term);
      });
      y = sum!;
    }
    return y;
  });
}

export class TorchUpsample extends tfl.layers.Layer {
  static className = "shapecheck>Upsample";
  readonly settings: UpsampleArgs;

  constructor(args: UpsampleArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const { mode, size, scaleFactor } = this.settings;
    return upsampleRule(this.name, mode, size ?? undefined, scaleFactor ?? undefined, inputShape as Shape) as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { mode, alignCorners, scaleFactor } = this.settings;
    const out = this.computeOutputShape(x.shape) as number[];
    const factors = scaleFactor === null ? null : perSpatial(scaleFactor, x.rank - 2);
    return resample(x, mode, alignCorners, out.slice(2), factors);
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(TorchUpsample);
