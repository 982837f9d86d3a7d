// adaptiveLogSoftmaxWithLoss → shapecheck's AdaptiveLogSoftmaxWithLoss layer (adaptive-log-softmax.tfjs-layer.ts),
// called on input and target (graph node "call"). state_dict keys as PyTorch 1.13's: head.weight,
// head.bias (headBias), tail.{i}.0.weight, tail.{i}.1.weight.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter, type ParamSpec } from "../../runtime/convert/context.ts";
import type { CallConverter } from "../../runtime/convert/call.ts";
import { AdaptiveLogSoftmaxWithLoss } from "./adaptive-log-softmax.tfjs-layer.ts";
import { clusterHidden, type AdaptiveLogSoftmaxWithLossConfig } from "./adaptive-log-softmax.nn.ts";

/** In `pipe` it has one input: refused when the model is built, never converted. */
export const adaptiveLogSoftmaxWithLoss: Converter<AdaptiveLogSoftmaxWithLossConfig> = {
  layout: () => "first",
  convert(layer) {
    throw notConvertible(layer, "it takes an input and a target: call it on them");
  },
};

export const adaptiveLogSoftmaxWithLossCall: CallConverter<AdaptiveLogSoftmaxWithLossConfig> = {
  call(layer, ctx) {
    const name = ctx.name();
    const { inFeatures, nClasses, cutoffs, divValue, headBias } = layer;
    const hidden = cutoffs.map((_, i) => clusterHidden(inFeatures, divValue, i));
    const ys = new AdaptiveLogSoftmaxWithLoss({
      inFeatures,
      nClasses,
      cutoffs: [...cutoffs],
      hidden,
      headBias,
      name,
    }).apply([...ctx.inputs]) as tfl.SymbolicTensor[];
    const param = (key: string, weight: string, shape: number[]): ParamSpec => ({
      key: `${ctx.path}.${key}`,
      layer: name,
      weight,
      shape,
      toTfjs: (w) => tf.clone(w),
      fromTfjs: (w) => tf.clone(w),
    });
    const bounds = [...cutoffs, nClasses];
    const params = [param("head.weight", "head_weight", [cutoffs[0]! + cutoffs.length, inFeatures])];
    if (headBias) params.push(param("head.bias", "head_bias", [cutoffs[0]! + cutoffs.length]));
    hidden.forEach((h, i) => {
      params.push(param(`tail.${i}.0.weight`, `tail_${i}_0`, [h, inFeatures]));
      params.push(param(`tail.${i}.1.weight`, `tail_${i}_1`, [bounds[i + 1]! - bounds[i]!, h]));
    });
    return { ys, params };
  },
};
