// Where the channels are. `nn` models are channels-first (PyTorch); TensorFlow.js runs convolutions
// and pooling channels-last. A converted model permutes once into channels-last before the first
// layer that wants it and once back before a layer that needs PyTorch's order (flatten, linear on
// more than two dimensions), so flatten order and weight layouts stay PyTorch's.
import * as tfl from "@tensorflow/tfjs-layers";

/** The physical order of a tensor's dimensions: PyTorch's ("first") or channels moved last ("last"). */
export type Layout = "first" | "last";

/** The physical axis of logical (PyTorch) dimension `dim` (already non-negative) of a rank-`rank` tensor. */
export function physicalAxis(dim: number, rank: number, layout: Layout): number {
  if (layout === "first" || rank < 3 || dim === 0) return dim;
  return dim === 1 ? rank - 1 : dim - 1;
}

/** The physical shape (batch first) of a logical shape. */
export function physicalShape<Dim>(shape: readonly Dim[], layout: Layout): Dim[] {
  if (layout === "first" || shape.length < 3) return [...shape];
  const [batch, channels, ...spatial] = shape;
  return [batch!, ...spatial, channels!];
}

/** The layout two shapes' layouts mean the same thing for: any layout at rank < 3. */
export const sameLayout = (a: Layout, b: Layout, rank: number): boolean => a === b || rank < 3;

/**
 * `x` (of logical rank `rank`) in layout `to`: a Permute layer when it has to move, else `x`.
 * tfjs's Permute numbers the dimensions from 1, without the batch.
 */
export function toLayout(
  x: tfl.SymbolicTensor,
  rank: number,
  from: Layout,
  to: Layout,
  name: string,
): tfl.SymbolicTensor {
  if (sameLayout(from, to, rank)) return x;
  // One channel: the same numbers in the same order, so a reshape (free) instead of a transpose.
  const channels = x.shape[from === "first" ? 1 : rank - 1];
  if (channels === 1 && x.shape.slice(1).filter((dim) => dim === null).length <= 1) {
    const logical = from === "first" ? x.shape : [x.shape[0], x.shape[rank - 1], ...x.shape.slice(1, rank - 1)];
    const moved = physicalShape(logical, to)
      .slice(1)
      .map((dim) => dim ?? -1);
    return tfl.layers.reshape({ targetShape: moved, name: `${name}.to_channels_${to}` }).apply(x) as tfl.SymbolicTensor;
  }
  const spatial = Array.from({ length: rank - 2 }, (_, i) => i + 2);
  const dims = to === "last" ? [...spatial, 1] : [rank - 1, ...spatial.map((d) => d - 1)];
  return tfl.layers.permute({ dims, name: `${name}.to_channels_${to}` }).apply(x) as tfl.SymbolicTensor;
}
