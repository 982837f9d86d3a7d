// Explain row of the instance norms: the shape is kept; weight and bias of numFeatures each when affine
// (running statistics are buffers); lazy: numFeatures inferred from dimension 1.
import { count, known, type Explainer } from "../../explain/kinds/support.ts";
import type { InstanceNormConfig } from "./instance-norm.nn.ts";

export const instanceNorm: Explainer<InstanceNormConfig> = ({ affine, numFeatures }, input) => {
  const features = numFeatures === null ? known(input[1]) : count(numFeatures);
  return {
    arithmetic: numFeatures === null && features !== null ? [`numFeatures ${features} inferred`] : [],
    params: !affine ? 0 : features === null ? null : 2 * features,
  };
};
