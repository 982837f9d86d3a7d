// batchNorm1d/2d and layerNorm: the shape is kept; PyTorch counts the affine weight and bias.
import { count, product, sizes, type Explainer } from "../../explain/kinds/support.ts";
import type { BatchNormConfig } from "./batch-norm.nn.ts";
import type { LayerNormConfig } from "./layer-norm.nn.ts";

/** PyTorch's BatchNorm: weight and bias of numFeatures each when affine (running stats are buffers). */
export const batchNorm: Explainer<BatchNormConfig> = ({ affine, numFeatures }) => ({
  arithmetic: [],
  params: affine ? 2 * count(numFeatures) : 0,
});

/** PyTorch's LayerNorm: weight and bias of ∏normalizedShape each when elementwiseAffine. */
export const layerNorm: Explainer<LayerNormConfig> = ({ normalizedShape, elementwiseAffine }) => ({
  arithmetic: [],
  params: elementwiseAffine
    ? 2 * product(sizes(normalizedShape, typeof normalizedShape === "number" ? 1 : normalizedShape.length))
    : 0,
});
