// convTranspose1d/2d → tfjs conv2dTranspose ("valid": the full transposed convolution, length
// (L − 1)·stride + kernel, or L·stride when kernel < stride), then cropping PyTorch's padding from
// both ends (outputPadding keeps that much more at the end). convTranspose1d runs as a 2D one of
// width 1. Weights: PyTorch [in, out, ...kernel] ↔ tfjs [...kernel, out, in] (no flip: both are
// the gradient of the same convolution). Groups or dilations: shapecheck's ConvTranspose layer
// (conv-transpose.tfjs-layer.ts), whose kernel is PyTorch's flipped, in/out swapped per group; so is
// convTranspose3d (tfjs-layers has no 3D cropping to follow its conv3dTranspose).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { perDim } from "../../shape/args.ts";
import { notConvertible, type Converter, type ConvertContext, type ParamSpec } from "../../runtime/convert/context.ts";
import { biasParam } from "./conv.tfjs.ts";
import type { ConvTransposeConfig, LazyConvTransposeConfig } from "./conv-transpose.nn.ts";
import { ConvTranspose } from "./conv-transpose.tfjs-layer.ts";
import { torchUniform } from "../../runtime/convert/init.ts";

export const convTranspose: Converter<ConvTransposeConfig> = {
  layout: () => "last",
  convert(layer, ctx) {
    const rank = Number(layer.kind.at(-2));
    const { inChannels, outChannels, groups, bias: useBias } = layer;
    const kernels = perDim(layer.kernelSize, rank);
    const strides = perDim(layer.stride, rank);
    const paddings = perDim(layer.padding, rank);
    const dilations = perDim(layer.dilation, rank);
    if (groups !== 1 || dilations.some((d) => d !== 1) || rank === 3) {
      const outputPaddings = perDim(layer.outputPadding, rank);
      return groupedOrDilated(ctx, {
        inChannels,
        outChannels,
        kernels,
        strides,
        paddings,
        outputPaddings,
        dilations,
        groups,
        useBias,
      });
    }
    const crops = kernels.map((k, i): [number, number] => {
      const size = ctx.input[i + 2];
      const out = ctx.output[i + 2];
      if (typeof size !== "number" || typeof out !== "number")
        throw notConvertible(layer, "its input's spatial size must be known");
      const full = size * strides[i]! + Math.max(k - strides[i]!, 0);
      const after = full - paddings[i]! - out;
      if (after < 0) throw notConvertible(layer, "its outputPadding reaches past TensorFlow.js's full output");
      return [paddings[i]!, after];
    });
    // PyTorch's fan-in for ConvTranspose's init is weight.size(1) · kernel = outChannels · kernel.
    const fanIn = outChannels * kernels.reduce((a, b) => a * b, 1);
    const name = ctx.name();
    let x = ctx.x;
    const [length] = [ctx.input[2] as number];
    if (rank === 1)
      x = tfl.layers
        .reshape({ targetShape: [length, 1, inChannels], name: ctx.name("to2d") })
        .apply(x) as tfl.SymbolicTensor;
    const k2 = rank === 1 ? [kernels[0]!, 1] : kernels;
    const s2 = rank === 1 ? [strides[0]!, 1] : strides;
    const c2: [number, number][] = rank === 1 ? [crops[0]!, [0, 0]] : crops;
    x = tfl.layers
      .conv2dTranspose({
        filters: outChannels,
        kernelSize: k2 as [number, number],
        strides: s2 as [number, number],
        padding: "valid",
        useBias,
        dataFormat: "channelsLast",
        name,
        kernelInitializer: torchUniform(fanIn),
        biasInitializer: torchUniform(fanIn),
      })
      .apply(x) as tfl.SymbolicTensor;
    if (c2.some(([a, b]) => a + b > 0))
      x = tfl.layers
        .cropping2D({
          cropping: c2 as [[number, number], [number, number]],
          dataFormat: "channelsLast",
          name: ctx.name("crop"),
        })
        .apply(x) as tfl.SymbolicTensor;
    if (rank === 1)
      x = tfl.layers
        .reshape({ targetShape: [ctx.output[2] as number, outChannels], name: ctx.name("to1d") })
        .apply(x) as tfl.SymbolicTensor;
    const params: ParamSpec[] = [
      {
        key: `${ctx.path}.weight`,
        layer: name,
        weight: "kernel",
        shape: [inChannels, outChannels, ...kernels],
        // [in, out, ...k] ↔ [...k2, out, in]
        toTfjs: (w) =>
          tf.reshape(tf.transpose(w, [...kernels.map((_, i) => i + 2), 1, 0]), [...k2, outChannels, inChannels]),
        fromTfjs: (w) =>
          tf.transpose(tf.reshape(w, [...kernels, outChannels, inChannels]), [
            rank + 1,
            rank,
            ...kernels.map((_, i) => i),
          ]),
      },
    ];
    if (useBias) params.push(biasParam(ctx, outChannels));
    return { y: x, layout: "last", params };
  },
};

interface Options {
  inChannels: number;
  outChannels: number;
  kernels: number[];
  strides: number[];
  paddings: number[];
  outputPaddings: number[];
  dilations: number[];
  groups: number;
  useBias: boolean;
}

/** Groups or dilations: the ConvTranspose layer; weights PyTorch [in, out/g, ...k] ↔ [...k (flipped), in/g, out]. */
function groupedOrDilated(ctx: ConvertContext, o: Options) {
  const { inChannels, outChannels, kernels, groups } = o;
  const rank = kernels.length;
  const fanIn = (outChannels / groups) * kernels.reduce((a, b) => a * b, 1);
  const name = ctx.name();
  const y = new ConvTranspose({
    filters: outChannels,
    kernelSize: kernels,
    strides: o.strides,
    paddings: o.paddings,
    outputPaddings: o.outputPaddings,
    dilations: o.dilations,
    groups,
    useBias: o.useBias,
    initBound: 1 / Math.sqrt(fanIn),
    name,
  }).apply(ctx.x) as tfl.SymbolicTensor;
  const spatial = kernels.map((_, i) => i);
  const params: ParamSpec[] = [
    {
      key: `${ctx.path}.weight`,
      layer: name,
      weight: "kernel",
      shape: [inChannels, outChannels / groups, ...kernels],
      // [g·in/g, out/g, ...k] → [g, in/g, out/g, ...k], flipped → [...k, in/g, g, out/g] → [...k, in/g, out]
      toTfjs: (w) => {
        const flipped = tf.reverse(
          tf.reshape(w, [groups, inChannels / groups, outChannels / groups, ...kernels]),
          spatial.map((i) => i + 3),
        );
        return tf.reshape(tf.transpose(flipped, [...spatial.map((i) => i + 3), 1, 0, 2]), [
          ...kernels,
          inChannels / groups,
          outChannels,
        ]);
      },
      fromTfjs: (w) => {
        const split = tf.transpose(tf.reshape(w, [...kernels, inChannels / groups, groups, outChannels / groups]), [
          rank + 1,
          rank,
          rank + 2,
          ...spatial,
        ]);
        return tf.reshape(
          tf.reverse(
            split,
            spatial.map((i) => i + 3),
          ),
          [inChannels, outChannels / groups, ...kernels],
        );
      },
    },
  ];
  if (o.useBias) params.push(biasParam(ctx, outChannels));
  return { y, layout: "last" as const, params };
}

/** lazyConvTranspose1d/2d/3d → convTranspose's conversion, inChannels being the input's channel dimension. */
export const lazyConvTranspose: Converter<LazyConvTransposeConfig> = {
  layout: () => "last",
  convert(layer, ctx) {
    const inChannels = ctx.input[1];
    if (typeof inChannels !== "number") throw notConvertible(layer, "its input's channel dimension is unknown");
    const kind = layer.kind.replace("lazyConvTranspose", "convTranspose") as ConvTransposeConfig["kind"];
    return convTranspose.convert(
      { ...layer, kind, inChannels, outputShape: layer.outputShape, written: layer.written },
      ctx,
    );
  },
};
