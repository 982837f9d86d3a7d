// linear and lazyLinear: the last dimension becomes outFeatures; weight in·out + bias out (PyTorch; no bias with `bias: false`).
import { count, known, type Explainer } from "../../explain/kinds/support.ts";
import type { LazyLinearConfig, LinearConfig } from "./linear.nn.ts";

/** `→ 128`; `in·out + out` parameters (`in·out` with `bias: false`). */
export const linear: Explainer<LinearConfig> = (layer) => {
  const [inFeatures, outFeatures] = [count(layer.inFeatures), count(layer.outFeatures)];
  return {
    arithmetic: [`→ ${outFeatures}`],
    params: inFeatures * outFeatures + (layer.bias === false ? 0 : outFeatures),
  };
};

/** `→ 128 (inFeatures 9216 inferred)`; the count needs the inferred inFeatures. */
export const lazyLinear: Explainer<LazyLinearConfig> = (layer, input) => {
  const outFeatures = count(layer.outFeatures);
  const inFeatures = known(input.at(-1));
  return {
    arithmetic: [inFeatures === null ? `→ ${outFeatures}` : `→ ${outFeatures} (inFeatures ${inFeatures} inferred)`],
    params: inFeatures === null ? null : inFeatures * outFeatures + outFeatures,
  };
};
