// multiheadAttention (self-attention, batch first) → shapecheck's MultiheadAttention layer
// (attention-layer.ts). state_dict keys as PyTorch 1.13's: in_proj_weight, in_proj_bias,
// out_proj.weight, out_proj.bias, in PyTorch's layout.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { MultiheadAttention } from "./attention.tfjs-layer.ts";
import type { Converter, ConvertContext, LayerConfig, ParamSpec } from "../../runtime/convert/context.ts";

export const multiheadAttention: Converter = {
  layout: () => "first",
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const embedDim = layer.embedDim as number;
    const useBias = (layer.bias as boolean | undefined) ?? true;
    const name = ctx.name();
    const attention = new MultiheadAttention({
      embedDim,
      numHeads: layer.numHeads as number,
      dropout: (layer.dropout as number | undefined) ?? 0,
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
