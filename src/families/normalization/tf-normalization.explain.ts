// layers.batchNormalization: the shape is kept; tfjs counts gamma, beta and the moving mean and variance.
import { dimIndex } from "../../shape/dim-index.ts";
import { known, Unreadable, type Explainer } from "../../explain/kinds/support.ts";
import type { TfBatchNormalizationConfig } from "./tf-normalization.layers.ts";

/** tfjs counts all four weights: gamma and beta (when scale, center) and the moving mean and variance. */
export const tfBatchNormalization: Explainer<TfBatchNormalizationConfig> = (layer, input) => {
  const axis = dimIndex(layer.axis, input.length);
  if (axis === false) throw new Unreadable("BatchNormalization.axis");
  const features = known(input[axis]);
  const weights = 2 + (layer.args.center !== false ? 1 : 0) + (layer.args.scale !== false ? 1 : 0);
  return { arithmetic: [], params: features === null ? null : weights * features };
};
