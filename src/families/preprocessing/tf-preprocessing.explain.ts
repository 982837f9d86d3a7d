// Explain text of the preprocessing layers: the sizes they set; no parameters.
import { dim, type Explainer } from "../../explain/kinds/support.ts";
import type {
  TfCategoryEncodingConfig,
  TfCenterCropConfig,
  TfRandomWidthConfig,
  TfResizingConfig,
} from "./tf-preprocessing.layers.ts";

/** resizing and centerCrop: `H: 28 → 14`, `W: 28 → 14`. */
export const tfResize: Explainer<TfResizingConfig | TfCenterCropConfig> = (layer, input, output) => ({
  arithmetic: [`H: ${dim(input[1])} → ${dim(output[1])}`, `W: ${dim(input[2])} → ${dim(output[2])}`],
  params: 0,
});
/** randomWidth: `W: 28 · (1 + f), f in [-0.2, 0.2], rounded: unknown`. */
export const tfRandomWidth: Explainer<TfRandomWidthConfig> = (layer, input) => ({
  arithmetic: [
    `W: ${dim(input[2])} · (1 + f), f drawn in [${layer.factor[0]}, ${layer.factor[1]}] at each call, rounded`,
  ],
  params: 0,
});
/** categoryEncoding: `numTokens = 10 (multiHot)`. */
export const tfCategoryEncoding: Explainer<TfCategoryEncodingConfig> = (layer) => ({
  arithmetic: layer.outputMode === "int" ? [] : [`${layer.numTokens} tokens (${layer.outputMode})`],
  params: 0,
});
