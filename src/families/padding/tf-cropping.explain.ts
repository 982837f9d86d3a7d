// Explain text of layers.cropping2D: `H: 8 − 1 − 2 = 5` per spatial dimension; no parameters.
import { channelAxes, dim, perAxis, type Explainer } from "../../explain/kinds/support.ts";
import type { TfCroppingConfig } from "./tf-cropping.layers.ts";

export const tfCropping: Explainer<TfCroppingConfig> = (layer, input, output) => {
  const { spatial } = channelAxes(layer.dataFormat, input);
  const formulas = spatial.map((axis, i) => {
    const [before, after] = layer.cropping[i] ?? [0, 0];
    return `${dim(input[axis])} − ${before} − ${after} = ${dim(output[axis])}`;
  });
  return { arithmetic: perAxis(["H", "W"], formulas), params: 0 };
};
