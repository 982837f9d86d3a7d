// groupNorm → shapecheck's GroupNorm layer on a channels-first tensor; PyTorch's weight and bias ([C]).
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter, ParamSpec } from "../../runtime/convert/context.ts";
import type { GroupNormConfig } from "./group-norm.nn.ts";
import { TorchGroupNorm } from "./group-norm.tfjs-layer.ts";

export const groupNorm: Converter<GroupNormConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    const channels = ctx.input[1] as number;
    const y = new TorchGroupNorm({
      numGroups: layer.numGroups,
      numChannels: channels,
      eps: layer.eps,
      affine: layer.affine,
      name,
    }).apply(ctx.x) as tfl.SymbolicTensor;
    const param = (key: string, weight: string): ParamSpec => ({
      key: `${ctx.path}.${key}`,
      layer: name,
      weight,
      shape: [channels],
      toTfjs: (w: tf.Tensor) => tf.clone(w),
      fromTfjs: (w: tf.Tensor) => tf.clone(w),
    });
    return { y, layout: "first", params: layer.affine ? [param("weight", "weight"), param("bias", "bias")] : [] };
  },
};
