// multiheadAttention (batch first) → shapecheck's MultiheadAttention layer (attention.tfjs-layer.ts),
// as self-attention in a chain (`pipe`) or called on query, key, value and masks (graph node "call").
// state_dict keys as PyTorch 1.13's: in_proj_weight (or q_proj_weight, k_proj_weight, v_proj_weight
// when kdim or vdim differ from embedDim), in_proj_bias, out_proj.weight, out_proj.bias.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { MultiheadAttention } from "./attention.tfjs-layer.ts";
import type { Converter, ParamSpec } from "../../runtime/convert/context.ts";
import type { CallConverter } from "../../runtime/convert/call.ts";
import type { MultiheadAttentionConfig } from "./attention.nn.ts";

/** PyTorch's parameters of the layer named `name` in tfjs, keys under `path`. */
export function attentionParams(layer: MultiheadAttentionConfig, path: string, name: string): ParamSpec[] {
  const { embedDim: e, kdim, vdim, bias } = layer;
  const param = (key: string, weight: string, shape: number[]): ParamSpec => ({
    key: `${path}.${key}`,
    layer: name,
    weight,
    shape,
    toTfjs: (w) => tf.clone(w),
    fromTfjs: (w) => tf.clone(w),
  });
  const params =
    kdim === e && vdim === e
      ? [param("in_proj_weight", "in_proj_weight", [3 * e, e])]
      : [
          param("q_proj_weight", "q_proj_weight", [e, e]),
          param("k_proj_weight", "k_proj_weight", [e, kdim]),
          param("v_proj_weight", "v_proj_weight", [e, vdim]),
        ];
  if (bias) params.push(param("in_proj_bias", "in_proj_bias", [3 * e]));
  params.push(param("out_proj.weight", "out_proj_weight", [e, e]));
  if (bias) params.push(param("out_proj.bias", "out_proj_bias", [e]));
  return params;
}

const settingsOf = (layer: MultiheadAttentionConfig, name: string) => ({
  embedDim: layer.embedDim,
  numHeads: layer.numHeads,
  dropout: layer.dropout,
  useBias: layer.bias,
  ...(layer.kdim === layer.embedDim ? {} : { kdim: layer.kdim }),
  ...(layer.vdim === layer.embedDim ? {} : { vdim: layer.vdim }),
  name,
});

export const multiheadAttention: Converter<MultiheadAttentionConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    const y = new MultiheadAttention(settingsOf(layer, name)).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: attentionParams(layer, ctx.path, name) };
  },
};

export const multiheadAttentionCall: CallConverter<MultiheadAttentionConfig> = {
  call(layer, ctx) {
    const name = ctx.name();
    const attention = new MultiheadAttention({
      ...settingsOf(layer, name),
      inputs: [...ctx.names],
      needWeights: ctx.options["needWeights"] !== false,
      averageAttnWeights: ctx.options["averageAttnWeights"] !== false,
    });
    const ys = attention.apply([...ctx.inputs]) as tfl.SymbolicTensor | tfl.SymbolicTensor[];
    return { ys: Array.isArray(ys) ? ys : [ys], params: attentionParams(layer, ctx.path, name) };
  },
};
