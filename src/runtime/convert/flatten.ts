// flatten(startDim, endDim) → tfjs flatten or reshape (and unflatten → reshape), in PyTorch's order: the tensor is moved back
// to channels-first first, so [n, 64, 12, 12] flattens as 64·12·12 (channel-major), as in PyTorch.
import * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import { notConvertible, type Converter, type ConvertContext, type LayerConfig } from "./context.ts";

/** A reshape of the non-batch dimensions to `shape` (unknown dimensions become −1, at most one). */
export function reshapeTo(layer: LayerConfig, ctx: ConvertContext, shape: readonly unknown[], name = ctx.name()): tfl.SymbolicTensor {
  const target = shape.slice(1).map((dim) => (typeof dim === "number" ? dim : -1));
  if (target.filter((dim) => dim === -1).length > 1) throw notConvertible(layer, "more than one dimension of its output is unknown");
  return tfl.layers.reshape({ targetShape: target, name }).apply(ctx.x) as tfl.SymbolicTensor;
}

export const flatten: Converter = {
  layout: () => "first",
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const rank = ctx.input.length;
    const start = dimIndex(layer.startDim as number, rank) as number;
    const end = dimIndex(layer.endDim as number, rank) as number;
    if (start === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    if (start === end) return { y: ctx.x };
    if (start === 1 && end === rank - 1) return { y: tfl.layers.flatten({ name: ctx.name() }).apply(ctx.x) as tfl.SymbolicTensor };
    return { y: reshapeTo(layer, ctx, ctx.output) };
  },
};

/** unflatten(dim, sizes) → a reshape to the output shape, in PyTorch's order. */
export const unflatten: Converter = {
  layout: () => "first",
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const dim = dimIndex(layer.dim as number, ctx.input.length);
    if (dim === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    return { y: reshapeTo(layer, ctx, ctx.output), layout: "first" };
  },
};
