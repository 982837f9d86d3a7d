// Explain rows of the padding layers: each padded dimension's size plus its two pads.
import type { Explainer } from "../../explain/kinds/support.ts";
import { showDim } from "../../shape/dims.ts";
import type { PadConfig } from "./torch-pad.nn.ts";

export const pad: Explainer<PadConfig> = (layer, input, output) => {
  const n = layer.pads.length / 2;
  const arithmetic: string[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const index = input.length - 1 - k;
    if (index < 0) continue;
    arithmetic.push(
      `${showDim(input[index] ?? null)} + ${layer.pads[2 * k]} + ${layer.pads[2 * k + 1]} = ${showDim(output[index] ?? null)}`,
    );
  }
  return { arithmetic, params: 0 };
};
