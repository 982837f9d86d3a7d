// linear / lazyLinear → tfjs dense on the last dimension. Weight: PyTorch [out, in] ↔ tfjs [in, out],
// whose rows follow the input's feature order when a channels-last flatten comes before (flatten.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import {
  notConvertible,
  type Converter,
  type ConvertContext,
  type LayerConfig,
  type ParamSpec,
} from "../../runtime/convert/context.ts";
import { biasParam } from "../conv/conv.tfjs.ts";
import type { LazyLinearConfig, LinearConfig } from "./linear.nn.ts";
import { torchUniform } from "../../runtime/convert/init.ts";

export const linear: Converter<LinearConfig | LazyLinearConfig> = {
  // The last dimension must be PyTorch's last dimension.
  layout: (_layer, input) => (input.length < 3 ? "any" : "first"),
  fusesRelu: true,
  convert(layer, ctx) {
    const inFeatures = layer.kind === "lazyLinear" ? ctx.input.at(-1) : layer.inFeatures;
    if (typeof inFeatures !== "number")
      throw notConvertible(layer, "its inFeatures (the last input dimension) is unknown");
    const outFeatures = layer.outFeatures;
    // nn.linear(in, out, { bias: false }): no bias parameter (lazyLinear always has one).
    const useBias = layer.kind === "lazyLinear" || layer.bias !== false;
    const name = ctx.name();
    const x = typeof ctx.input.at(-1) === "number" ? ctx.x : withLastDimension(layer, ctx, inFeatures);
    const y = tfl.layers
      .dense({
        units: outFeatures,
        useBias,
        name,
        activation: ctx.activation,
        kernelInitializer: torchUniform(inFeatures),
        biasInitializer: torchUniform(inFeatures),
      })
      .apply(x) as tfl.SymbolicTensor;
    const params: ParamSpec[] = [
      ctx.featureOrder
        ? reorderedWeight(ctx, name, outFeatures, inFeatures, ctx.featureOrder)
        : {
            key: `${ctx.path}.weight`,
            layer: name,
            weight: "kernel",
            shape: [outFeatures, inFeatures],
            toTfjs: (w) => tf.transpose(w),
            fromTfjs: (w) => tf.transpose(w),
          },
    ];
    if (useBias) params.push(biasParam(ctx, outFeatures));
    return { y, params };
  },
};

/** The kernel when the input's features are in `order` (physical j is PyTorch's `order[j]`): rows gathered in that order. */
function reorderedWeight(
  ctx: ConvertContext,
  name: string,
  outFeatures: number,
  inFeatures: number,
  order: readonly number[],
): ParamSpec {
  const inverse = new Array<number>(order.length);
  order.forEach((torchIndex, j) => {
    inverse[torchIndex] = j;
  });
  return {
    key: `${ctx.path}.weight`,
    layer: name,
    weight: "kernel",
    shape: [outFeatures, inFeatures],
    toTfjs: (w) => tf.tidy(() => tf.gather(tf.transpose(w), order as number[])),
    fromTfjs: (w) => tf.tidy(() => tf.transpose(tf.gather(w, inverse))),
  };
}

/**
 * The input with its last dimension declared as `inFeatures` where only data will tell (a flatten of
 * an image of any size): tfjs builds a dense layer only on a known size. Whether the data fits is
 * checked before tfjs sees it, with this linear's own message (the typed model walks the layers on
 * the data's shape).
 */
function withLastDimension(layer: LayerConfig, ctx: ConvertContext, inFeatures: number): tfl.SymbolicTensor {
  const middle = ctx.input.slice(1, -1).map((dim) => (typeof dim === "number" ? dim : -1));
  if (middle.filter((dim) => dim === -1).length > 1)
    throw notConvertible(layer, "more than one dimension of its input is unknown");
  return tfl.layers
    .reshape({ targetShape: [...middle, inFeatures], name: ctx.name("features") })
    .apply(ctx.x) as tfl.SymbolicTensor;
}
