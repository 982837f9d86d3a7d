// batchNorm1d/2d and layerNorm: the shape is kept; PyTorch counts the affine weight and bias.
import { count, known, product, sizes, type Explainer } from "../../explain/kinds/support.ts";
import type { BatchNormConfig } from "./batch-norm.nn.ts";
import type { LayerNormConfig } from "./layer-norm.nn.ts";

/** PyTorch's BatchNorm: weight and bias of numFeatures each when affine (running stats are buffers); lazy: the channels. */
export const batchNorm: Explainer<BatchNormConfig> = ({ affine, numFeatures }, input) => {
  const features = numFeatures === null ? known(input[1]) : count(numFeatures);
  return {
    arithmetic: numFeatures === null && features !== null ? [`numFeatures ${features} inferred`] : [],
    params: !affine ? 0 : features === null ? null : 2 * features,
  };
};

/** PyTorch's LayerNorm: weight and bias of ∏normalizedShape each when elementwiseAffine. */
export const layerNorm: Explainer<LayerNormConfig> = ({ normalizedShape, elementwiseAffine }) => ({
  arithmetic: [],
  params: elementwiseAffine
    ? 2 * product(sizes(normalizedShape, typeof normalizedShape === "number" ? 1 : normalizedShape.length))
    : 0,
});
