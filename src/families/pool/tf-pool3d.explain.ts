// Explain text of layers.maxPooling3d / averagePooling3d: tfjs's convOutputLength per spatial dimension
// (`⌈(16 − 2 + 1) / 2⌉ = 8` valid, `⌈16 / 2⌉ = 8` same); no parameters.
import { channelAxes, dim, perAxis, sizes, spatialLabels, type Explainer } from "../../explain/kinds/support.ts";
import type { TfPool3DConfig } from "./tf-pool3d.layers.ts";

export const tfPool3d: Explainer<TfPool3DConfig> = (layer, input, output) => {
  const { spatial } = channelAxes(layer.dataFormat, input);
  const kernels = sizes(layer.poolSize, 3);
  const strides = sizes(layer.strides, 3);
  const formulas = spatial.map((axis, i) =>
    layer.padding === "same"
      ? strides[i] === 1
        ? `padding 'same' keeps ${dim(input[axis])}`
        : `⌈${dim(input[axis])} / ${strides[i]}⌉ = ${dim(output[axis])}`
      : `⌈(${dim(input[axis])} − ${kernels[i]} + 1) / ${strides[i]}⌉ = ${dim(output[axis])}`,
  );
  return { arithmetic: perAxis(spatialLabels(3), formulas), params: 0 };
};
