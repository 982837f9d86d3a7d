// multiheadAttention (self-attention, batch first) → shapecheck's MultiheadAttention layer
// (attention.tfjs-layer.ts). state_dict keys as PyTorch 1.13's: in_proj_weight, in_proj_bias,
// out_proj.weight, out_proj.bias, in PyTorch's layout.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { MultiheadAttention } from "./attention.tfjs-layer.ts";
import type { Converter, ParamSpec } from "../../runtime/convert/context.ts";
import type { MultiheadAttentionConfig } from "./attention.nn.ts";

export const multiheadAttention: Converter<MultiheadAttentionConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const embedDim = layer.embedDim;
    const useBias = layer.bias;
    const name = ctx.name();
    const attention = new MultiheadAttention({
      embedDim,
      numHeads: layer.numHeads,
      dropout: layer.dropout,
      useBias,
      name,
    });
    const y = attention.apply(ctx.x) as tfl.SymbolicTensor;
    const param = (key: string, weight: string, shape: number[]): ParamSpec => ({
      key: `${ctx.path}.${key}`,
      layer: name,
      weight,
      shape,
      toTfjs: (w) => tf.clone(w),
      fromTfjs: (w) => tf.clone(w),
    });
    const params = [param("in_proj_weight", "in_proj_weight", [3 * embedDim, embedDim])];
    if (useBias) params.push(param("in_proj_bias", "in_proj_bias", [3 * embedDim]));
    params.push(param("out_proj.weight", "out_proj_weight", [embedDim, embedDim]));
    if (useBias) params.push(param("out_proj.bias", "out_proj_bias", [embedDim]));
    return { y, layout: "first", params };
  },
};
