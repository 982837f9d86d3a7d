// Explain row of groupNorm: the shape is kept; weight and bias per channel when affine.
import type { Explainer } from "../../explain/kinds/support.ts";
import type { GroupNormConfig } from "./group-norm.nn.ts";

export const groupNorm: Explainer<GroupNormConfig> = (layer) => ({
  arithmetic: [`${layer.numChannels} channels in ${layer.numGroups} groups of ${layer.numChannels / layer.numGroups}`],
  params: layer.affine ? 2 * layer.numChannels : 0,
});
