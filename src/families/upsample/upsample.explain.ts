// Explain row of upsample: each spatial dimension's new size (size, or ⌊size × scaleFactor⌋); no parameters.
import { dim, type Explainer } from "../../explain/kinds/support.ts";
import type { UpsampleConfig } from "./upsample.nn.ts";
import { perSpatial } from "./upsample.ts";

export const upsample: Explainer<UpsampleConfig> = (layer, input, output) => {
  const spatial = input.slice(2);
  const factors = layer.scaleFactor === null ? null : perSpatial(layer.scaleFactor, spatial.length);
  return {
    arithmetic: spatial.map((d, i) =>
      factors === null ? `${dim(d)} → ${dim(output[i + 2])}` : `⌊${dim(d)} × ${factors[i]}⌋ = ${dim(output[i + 2])}`,
    ),
    params: 0,
  };
};
