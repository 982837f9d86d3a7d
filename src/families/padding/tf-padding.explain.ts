// layers.zeroPadding2d / upSampling2d: the spatial dimensions grow by the padding, or by the factors.
import { channelAxes, dim, perAxis, sizes, spatialLabels, type Explainer } from "../../explain/kinds/support.ts";
import type { TfUpSamplingConfig, TfZeroPaddingConfig } from "./tf-padding.layers.ts";

/** `H: 28 + 1 + 1 = 30`. */
export const tfZeroPadding: Explainer<TfZeroPaddingConfig> = (layer, input, output) => {
  const { spatial } = channelAxes(layer.dataFormat, input);
  const formulas = spatial.map((axis, i) => {
    const [before, after] = layer.padding[i]!;
    return before === 0 && after === 0 ? null : `${dim(input[axis])} + ${before} + ${after} = ${dim(output[axis])}`;
  });
  return { arithmetic: perAxis(spatialLabels(spatial.length), formulas), params: 0 };
};

/** `H: 14 × 2 = 28`. */
export const tfUpSampling: Explainer<TfUpSamplingConfig> = (layer, input, output) => {
  const { spatial } = channelAxes(layer.dataFormat, input);
  const factors = sizes(layer.size, spatial.length);
  const formulas = spatial.map((axis, i) =>
    factors[i] === 1 ? null : `${dim(input[axis])} × ${factors[i]} = ${dim(output[axis])}`,
  );
  return { arithmetic: perAxis(spatialLabels(spatial.length), formulas), params: 0 };
};
