// conv1d / conv2d / conv3d → tfjs conv1d / conv2d / conv3d (or depthwiseConv2d), channels-last.
// PyTorch's explicit padding becomes a padding layer before a "valid" convolution; "same" is tfjs's
// "same" (both put the odd pixel after). Groups (not depthwise) and dilations become shapecheck's
// Conv layer (conv.tfjs-layer.ts), which also trains with a dilation and takes a stride with it.
// Weights: PyTorch [out, in/groups, ...kernel] ↔ tfjs [...kernel, in/groups, out] (depthwise:
// [...kernel, in, out/in]).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { perDim } from "../../shape/args.ts";
import {
  notConvertible,
  type Converter,
  type ConvertContext,
  type LayerConfig,
  type ParamSpec,
} from "../../runtime/convert/context.ts";
import { Conv } from "./conv.tfjs-layer.ts";
import type { ConvConfig, LazyConvConfig, PaddingArg } from "./conv.nn.ts";
import { dilatedKernel } from "./conv.ts";
import { torchUniform } from "../../runtime/convert/init.ts";
import { padLayer } from "../padding/tf-padding.tfjs.ts";

const rankOf = (kind: string): number => Number(kind.at(-2));

/** [before, after] paddings per spatial dimension, or "same" (tfjs's "same" when `explicit` is not given). */
function paddings(
  padding: PaddingArg,
  rank: number,
  explicit?: { kernels: number[]; dilations: number[] },
): [number, number][] | "same" {
  if (padding === "same" && explicit) {
    // PyTorch's "same" (stride 1): the dilated kernel's reach − 1 split, the odd one after.
    return explicit.kernels.map((k, i) => {
      const total = dilatedKernel(k, explicit.dilations[i]!) - 1;
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    });
  }
  if (padding === "same") return "same";
  if (padding === "valid") return perDim(0, rank).map(() => [0, 0]);
  return perDim(padding, rank).map((p) => [p, p]);
}

export const conv: Converter<ConvConfig> = {
  layout: () => "last",
  fusesRelu: true,
  convert(layer, ctx) {
    const rank = rankOf(layer.kind);
    const { inChannels, outChannels, groups, bias: useBias } = layer;
    const kernels = perDim(layer.kernelSize, rank);
    const strides = perDim(layer.stride, rank);
    const dilations = perDim(layer.dilation, rank);
    const depthwise = groups > 1 && groups === inChannels && rank === 2;
    // tfjs's conv layers take no groups, no stride with a dilation, and do not train with a dilation.
    const custom = (groups > 1 && !depthwise) || dilations.some((d) => d > 1);
    const pads = paddings(layer.padding, rank, custom ? { kernels, dilations } : undefined);
    let x = ctx.x;
    if (pads !== "same" && pads.some(([before, after]) => before + after > 0))
      x = padLayer(pads, 0, ctx.name("pad")).apply(x) as tfl.SymbolicTensor;
    const fanIn = (inChannels / groups) * kernels.reduce((a, b) => a * b, 1);
    const padding: "same" | "valid" = pads === "same" ? "same" : "valid";
    const common = {
      kernelSize: [...kernels],
      strides: [...strides],
      padding, // no dilationRate: a dilated conv is the custom layer (tfjs's default 1 here)
      useBias,
      biasInitializer: torchUniform(fanIn),
      name: ctx.name(),
      activation: ctx.activation,
    };
    const tfLayer = custom
      ? new Conv({
          rank: rank as 1 | 2 | 3,
          filters: outChannels,
          kernelSize: kernels,
          strides,
          dilations,
          groups,
          useBias,
          activation: ctx.activation,
          initBound: 1 / Math.sqrt(fanIn),
          name: ctx.name(),
        })
      : depthwise
        ? tfl.layers.depthwiseConv2d({
            ...common,
            kernelSize: [kernels[0]!, kernels[1]!], // rank 2
            depthMultiplier: outChannels / inChannels,
            depthwiseInitializer: torchUniform(fanIn),
            dataFormat: "channelsLast",
          })
        : rank === 1
          ? tfl.layers.conv1d({ ...common, filters: outChannels, kernelInitializer: torchUniform(fanIn) })
          : rank === 2
            ? tfl.layers.conv2d({
                ...common,
                filters: outChannels,
                kernelInitializer: torchUniform(fanIn),
                dataFormat: "channelsLast",
              })
            : tfl.layers.conv3d({
                ...common,
                filters: outChannels,
                kernelInitializer: torchUniform(fanIn),
                dataFormat: "channelsLast",
              });
    const y = tfLayer.apply(x) as tfl.SymbolicTensor;

    const weightShape = [outChannels, inChannels / groups, ...kernels];
    const params: ParamSpec[] = [
      depthwise && !custom
        ? depthwiseWeight(ctx, inChannels, outChannels, kernels)
        : {
            key: `${ctx.path}.weight`,
            layer: ctx.name(),
            weight: "kernel",
            shape: weightShape,
            // [out, in, ...k] → [...k, in, out] and back
            toTfjs: (w) => tf.transpose(w, [...kernels.map((_, i) => i + 2), 1, 0]),
            fromTfjs: (w) => tf.transpose(w, [rank + 1, rank, ...kernels.map((_, i) => i)]),
          },
    ];
    if (useBias) params.push(biasParam(ctx, outChannels));
    return { y, layout: "last", params };
  },
};

function depthwiseWeight(ctx: ConvertContext, inChannels: number, outChannels: number, kernels: number[]): ParamSpec {
  const multiplier = outChannels / inChannels;
  // PyTorch's output channel c·m + j comes from input channel c, as tfjs's depthwise output c·m + j.
  return {
    key: `${ctx.path}.weight`,
    layer: ctx.name(),
    weight: "depthwise_kernel",
    shape: [outChannels, 1, ...kernels],
    toTfjs: (w) => tf.transpose(tf.reshape(w, [inChannels, multiplier, ...kernels]), [2, 3, 0, 1]),
    fromTfjs: (w) => tf.reshape(tf.transpose(w, [2, 3, 0, 1]), [outChannels, 1, ...kernels]),
  };
}

/** A bias: the same vector in both frameworks. */
export const biasParam = (
  ctx: ConvertContext,
  size: number,
  layer = ctx.name(),
  key = "bias",
  weight = "bias",
): ParamSpec => ({
  key: `${ctx.path}.${key}`,
  layer,
  weight,
  shape: [size],
  toTfjs: (b) => tf.clone(b),
  fromTfjs: (b) => tf.clone(b),
});

/** lazyConv1d/2d/3d → conv's conversion, inChannels being the input's channel dimension (known when built). */
export const lazyConv: Converter<LazyConvConfig> = {
  layout: () => "last",
  fusesRelu: true,
  convert(layer, ctx) {
    const inChannels = ctx.input[1];
    if (typeof inChannels !== "number") throw notConvertible(layer, "its input's channel dimension is unknown");
    const kind = layer.kind.replace("lazyConv", "conv") as ConvConfig["kind"];
    return conv.convert({ ...layer, kind, inChannels, outputShape: layer.outputShape, written: layer.written }, ctx);
  },
};
