// The activations of extra-activations.nn.ts → shapecheck's Activation and PReLU layers (tf ops);
// they work in either layout: the axis of softmin, softmax2d, glu and prelu's channels is mapped to
// where the dimension physically is.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import { notConvertible, type Converter, type ConvertContext } from "../../runtime/convert/context.ts";
import { physicalAxis } from "../../runtime/convert/layout.ts";
import type { ExtraActivationConfig, PReLUConfig } from "./extra-activations.nn.ts";
import { TorchActivation, TorchPReLU } from "./extra-activations.tfjs-layer.ts";

const numbers = ["alpha", "beta", "threshold", "minVal", "maxVal", "lambd", "value"] as const;

/** Every activation of extra-activations.nn.ts but prelu. */
export const extraActivation: Converter<ExtraActivationConfig> = {
  layout: () => "any",
  convert(layer, ctx: ConvertContext) {
    const rank = ctx.input.length;
    const params: Record<string, number> = {};
    for (const key of numbers) {
      const value = layer[key];
      if (value !== undefined) params[key] = value;
    }
    let axis = -1;
    const dim = layer.kind === "softmax2d" ? -3 : layer.dim;
    if (dim !== undefined) {
      const index = dimIndex(dim, rank) as number;
      if (index === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
      axis = physicalAxis(index, rank, ctx.layout);
    }
    const y = new TorchActivation({ fn: layer.kind, params, axis, name: ctx.name() }).apply(ctx.x);
    return { y: y as tfl.SymbolicTensor };
  },
};

export const prelu: Converter<PReLUConfig> = {
  layout: () => "any",
  convert(layer, ctx: ConvertContext) {
    const rank = ctx.input.length;
    const name = ctx.name();
    const axis = rank >= 2 ? physicalAxis(1, rank, ctx.layout) : 0;
    const y = new TorchPReLU({ numParameters: layer.numParameters, init: layer.init, axis, name }).apply(ctx.x);
    return {
      y: y as tfl.SymbolicTensor,
      params: [
        {
          key: `${ctx.path}.weight`,
          layer: name,
          weight: "weight",
          shape: [layer.numParameters],
          toTfjs: (w: tf.Tensor) => tf.clone(w),
          fromTfjs: (w: tf.Tensor) => tf.clone(w),
        },
      ],
    };
  },
};
