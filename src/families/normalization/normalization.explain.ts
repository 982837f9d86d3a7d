// batchNorm1d/2d and layerNorm: the shape is kept; PyTorch counts the affine weight and bias.
import { flag, product, size, sizes, type Explainer } from "../../explain/kinds/support.ts";

/** PyTorch's BatchNorm: weight and bias of numFeatures each when affine (running stats are buffers). */
export const batchNorm: Explainer = (layer) => ({
  arithmetic: [],
  params: flag(layer, "affine", true) ? 2 * size(layer, "numFeatures") : 0,
});

/** PyTorch's LayerNorm: weight and bias of ∏normalizedShape each when elementwiseAffine (bias unless `bias: false`). */
export const layerNorm: Explainer = (layer) => {
  const shape = layer["normalizedShape"];
  const count = product(sizes(layer, "normalizedShape", Array.isArray(shape) ? shape.length : 1));
  if (!flag(layer, "elementwiseAffine", true)) return { arithmetic: [], params: 0 };
  return { arithmetic: [], params: count * (flag(layer, "bias", true) ? 2 : 1) };
};
