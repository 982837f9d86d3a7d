// layers.batchNormalization → tfjs's BatchNormalization. tfjs's is wrong on an axis other than the
// last (tf.batchNorm broadcasts the [C] statistics, gamma and beta over the last axis only, so
// elements get other channels' values): that axis is moved last around tfjs's layer with axis -1
// (the same weights), by two Permute layers.
import * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import { tfjsArgs, tfjsLayer, tfjsParams } from "../../runtime/convert/tfjs-layers.ts";
import { dimIndex } from "../../shape/dim-index.ts";
import type { TfBatchNormalizationConfig } from "./tf-normalization.layers.ts";

export const tfBatchNormalization: Converter<TfBatchNormalizationConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const rank = ctx.input.length;
    const axis = dimIndex(layer.axis, rank);
    if (axis === false || axis === 0 || axis === rank - 1) return tfjsLayer.convert(layer, ctx);
    const name = ctx.name();
    const tfLayer = tfl.layers.batchNormalization({ ...tfjsArgs(layer), axis: -1, name });
    const dims = [...Array.from({ length: rank - 1 }, (_, i) => i + 1).filter((d) => d !== axis), axis]; // tfjs's Permute numbers from 1
    const back = dims.map((_, i) => dims.indexOf(i + 1) + 1);
    const last = tfl.layers.permute({ dims, name: `${name}.axis_last` }).apply(ctx.x) as tfl.SymbolicTensor;
    const y = tfl.layers
      .permute({ dims: back, name: `${name}.axis_back` })
      .apply(tfLayer.apply(last)) as tfl.SymbolicTensor;
    return { y, layout: "first", params: tfjsParams(tfLayer, name, ctx) };
  },
};
