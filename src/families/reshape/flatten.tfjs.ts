// flatten(startDim, endDim) → tfjs flatten or reshape (and unflatten → reshape), in PyTorch's order:
// [n, 64, 12, 12] flattens as 64·12·12 (channel-major), as in PyTorch. A channels-last tensor is
// moved back to channels-first first, unless a linear follows (through elementwise layers only):
// then it is flattened as it lies and the linear's weight rows are reordered instead, which is the
// same function without a transpose per batch.
import * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import {
  notConvertible,
  type Converter,
  type ConvertContext,
  type LayerConfig,
} from "../../runtime/convert/context.ts";
import type { FlattenConfig } from "./flatten.nn.ts";
import type { UnflattenConfig } from "./unflatten.nn.ts";

/** A reshape of the non-batch dimensions to `shape` (unknown dimensions become −1, at most one). */
export function reshapeTo(
  layer: LayerConfig,
  ctx: ConvertContext,
  shape: readonly unknown[],
  name = ctx.name(),
): tfl.SymbolicTensor {
  const target = shape.slice(1).map((dim) => (typeof dim === "number" ? dim : -1));
  if (target.filter((dim) => dim === -1).length > 1)
    throw notConvertible(layer, "more than one dimension of its output is unknown");
  return tfl.layers.reshape({ targetShape: target, name }).apply(ctx.x) as tfl.SymbolicTensor;
}

const elementwise = new Set(["relu", "leakyRelu", "gelu", "sigmoid", "tanh", "identity", "dropout"]);
/** Layers that compute each feature from itself alone, so a feature order passes through them. */
export const keepsFeatureOrder = (layer: LayerConfig): boolean => elementwise.has(layer.kind);

/** A whole flatten (1 to −1) of a fully known shape whose result reaches a linear through elementwise layers. */
function foldsIntoLinear(layer: FlattenConfig, input: RuntimeShape, next: readonly LayerConfig[]): boolean {
  const rank = input.length;
  if (rank < 3 || !input.slice(1).every((dim) => typeof dim === "number")) return false;
  if (dimIndex(layer.startDim, rank) !== 1 || dimIndex(layer.endDim, rank) !== rank - 1) return false;
  const consumer = next.find((after) => !keepsFeatureOrder(after));
  return consumer?.kind === "linear" || consumer?.kind === "lazyLinear";
}

/** PyTorch's index of each feature of a channels-last [h, w, …, c] tensor flattened as it lies. */
function channelsLastOrder(input: RuntimeShape): number[] {
  const [channels, ...spatial] = input.slice(1) as number[];
  const positions = spatial.reduce((a, b) => a * b, 1);
  return Array.from(
    { length: positions * channels! },
    (_, j) => (j % channels!) * positions + Math.floor(j / channels!),
  );
}

export const flatten: Converter<FlattenConfig> = {
  layout: (layer, input, next) => (foldsIntoLinear(layer, input, next) ? "any" : "first"),
  convert(layer, ctx) {
    const rank = ctx.input.length;
    const start = dimIndex(layer.startDim, rank) as number;
    const end = dimIndex(layer.endDim, rank) as number;
    if (start === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    if (start === end) return { y: ctx.x };
    if (start === 1 && end === rank - 1) {
      // tfjs's Flatten wants every size known; a reshape to [-1] flattens an image of any size.
      const known = ctx.input.slice(1).every((dim) => typeof dim === "number");
      const y = (
        known ? tfl.layers.flatten({ name: ctx.name() }) : tfl.layers.reshape({ targetShape: [-1], name: ctx.name() })
      ).apply(ctx.x) as tfl.SymbolicTensor;
      return ctx.layout === "last" ? { y, featureOrder: channelsLastOrder(ctx.input) } : { y };
    }
    return { y: reshapeTo(layer, ctx, ctx.output) };
  },
};

/** unflatten(dim, sizes) → a reshape to the output shape, in PyTorch's order. */
export const unflatten: Converter<UnflattenConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const dim = dimIndex(layer.dim, ctx.input.length);
    if (dim === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    return { y: reshapeTo(layer, ctx, ctx.output), layout: "first" };
  },
};
