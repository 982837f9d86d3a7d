// Explain rows of extra-activations.nn.ts: the shape is kept (prelu: its weights), glu halves a dim.
import type { Explainer } from "../../explain/kinds/support.ts";
import type { ExtraActivationConfig, PReLUConfig } from "./extra-activations.nn.ts";
import { showDim } from "../../shape/dims.ts";
import { dimIndex } from "../../shape/dim-index.ts";

export const prelu: Explainer<PReLUConfig> = (layer) => ({ arithmetic: [], params: layer.numParameters });

export const glu: Explainer<ExtraActivationConfig> = (layer, input, output) => {
  const index = dimIndex(layer.dim ?? -1, input.length);
  if (index === false) return { arithmetic: [], params: 0 };
  return {
    arithmetic: [`${showDim(input[index]!)} / 2 = ${showDim(output[index]!)} (halves of dim ${index})`],
    params: 0,
  };
};
