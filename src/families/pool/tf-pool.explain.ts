// layers.maxPooling / averagePooling (tfjs-layers' convOutputLength, as convolutions) and global pooling.
import { channelAxes, spatialLabels, type Explainer } from "../../explain/kinds/support.ts";
import { spatialArithmetic } from "../conv/tf-conv.explain.ts";
import type { TfGlobalPoolConfig, TfPoolConfig } from "./tf-pool.layers.ts";

export const tfPool: Explainer<TfPoolConfig> = (layer, input, output) => ({
  arithmetic: spatialArithmetic({ ...layer, kernelSize: layer.poolSize }, input, output),
  params: 0,
});

/** Global pooling: `mean over H, W` / `max over L`. */
export const tfGlobalPool: Explainer<TfGlobalPoolConfig> = (layer, input) => {
  const rank = channelAxes(layer.dataFormat, input).spatial.length;
  return {
    arithmetic: [`${layer.kind.startsWith("GlobalMax") ? "max" : "mean"} over ${spatialLabels(rank).join(", ")}`],
    params: 0,
  };
};
