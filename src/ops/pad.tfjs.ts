// ops.pad on tensors (the `shapecheck>Op` layer's "pad", src/ops/ops.tfjs.ts): PyTorch 1.13's values, each mode
// from ops with gradients. "constant": tf.pad; "reflect": reversed slices concatenated (not tf.mirrorPad: its
// gradient in tfjs 4.22 drops the reflected part); "replicate": edge slices tiled and concatenated; then the
// negative pads crop (tf.slice) — PyTorch pads the input, then crops.
// "circular" crops first, then wraps what is left (its end before, its start after, concatenated).
import * as tf from "@tensorflow/tfjs-core";
import type { PadMode } from "./pad.ts";

/** [before, after] per axis of a tensor of `rank`, from F.pad's list (last dimension first). */
function pairs(pad: readonly number[], rank: number): [number, number][] {
  return Array.from({ length: rank }, (_, axis) => {
    const k = rank - 1 - axis;
    return 2 * k < pad.length ? [pad[2 * k]!, pad[2 * k + 1]!] : [0, 0];
  });
}

/** `count` slices along `axis` from `begin` (sizes of the other axes kept). */
const along = (x: tf.Tensor, axis: number, begin: number, count: number): tf.Tensor =>
  tf.slice(
    x,
    x.shape.map((_, i) => (i === axis ? begin : 0)),
    x.shape.map((d, i) => (i === axis ? count : d)),
  );

/**
 * The edge slice (first or last along `axis`) repeated `count` times, by a broadcasting product with ones
 * (tf.tile and tf.broadcastTo have no gradient at rank 5 in tfjs 4.22).
 */
const edge = (x: tf.Tensor, axis: number, last: boolean, count: number): tf.Tensor =>
  tf.mul(along(x, axis, last ? x.shape[axis]! - 1 : 0, 1), tf.ones(x.shape.map((d, i) => (i === axis ? count : d))));

/** The negative pads as a crop of every axis. */
function crop(x: tf.Tensor, p: readonly [number, number][]): tf.Tensor {
  if (p.every(([b, a]) => b >= 0 && a >= 0)) return x;
  return tf.slice(
    x,
    p.map(([b]) => Math.max(-b, 0)),
    x.shape.map((d, i) => d - Math.max(-p[i]![0], 0) - Math.max(-p[i]![1], 0)),
  );
}

export function padTensor(x: tf.Tensor, pad: readonly number[], mode: PadMode, value: number): tf.Tensor {
  const p = pairs(pad, x.rank);
  const out = x.shape.map((d, i) => d + p[i]![0] + p[i]![1]);
  // An empty result: no values, and none of x's (tfjs's slice of an empty tensor fails on the cpu backend)
  if (out.includes(0)) return tf.reshape(tf.slice(tf.reshape(x, [-1]), [0], [0]), out);
  const grow = p.map(([b, a]): [number, number] => [Math.max(b, 0), Math.max(a, 0)]);
  const grows = grow.some(([b, a]) => b > 0 || a > 0);
  if (mode === "constant") return crop(grows ? tf.pad(x, grow, value) : x, p);
  let y = mode === "circular" ? crop(x, p) : x;
  grow.forEach(([b, a], axis) => {
    if (b === 0 && a === 0) return;
    const size = y.shape[axis]!;
    const t = y;
    const [first, last] =
      mode === "replicate"
        ? [() => edge(t, axis, false, b), () => edge(t, axis, true, a)]
        : mode === "reflect" // x[b], …, x[1] before; x[n − 2], …, x[n − 1 − a] after
          ? [() => tf.reverse(along(t, axis, 1, b), axis), () => tf.reverse(along(t, axis, size - 1 - a, a), axis)]
          : [() => along(t, axis, size - b, b), () => along(t, axis, 0, a)]; // circular: the end before, the start after
    y = tf.concat([...(b > 0 ? [first()] : []), t, ...(a > 0 ? [last()] : [])], axis);
  });
  return mode === "circular" ? y : crop(y, p);
}
