// linear and lazyLinear: the last dimension becomes outFeatures; weight in·out + bias out (PyTorch).
import { flag, known, size, type Explainer } from "../../explain/kinds/support.ts";

const bias = (layer: Parameters<Explainer>[0], outFeatures: number): number =>
  flag(layer, "bias", true) ? outFeatures : 0;

/** `→ 128`; `in·out + out` parameters. */
export const linear: Explainer = (layer) => {
  const [inFeatures, outFeatures] = [size(layer, "inFeatures"), size(layer, "outFeatures")];
  return { arithmetic: [`→ ${outFeatures}`], params: inFeatures * outFeatures + bias(layer, outFeatures) };
};

/** `→ 128 (inFeatures 9216 inferred)`; the count needs the inferred inFeatures. */
export const lazyLinear: Explainer = (layer, input) => {
  const outFeatures = size(layer, "outFeatures");
  const inFeatures = known(input.at(-1));
  return {
    arithmetic: [inFeatures === null ? `→ ${outFeatures}` : `→ ${outFeatures} (inFeatures ${inFeatures} inferred)`],
    params: inFeatures === null ? null : inFeatures * outFeatures + bias(layer, outFeatures),
  };
};
