// Activations, dropout, identity, softmax and logSoftmax over a dim. They work in either layout;
// softmax's dim and dropout2d's channel axis are mapped to where the dimension physically is.
import * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import { notConvertible, type Converter, type ConvertContext } from "../../runtime/convert/context.ts";
import type { DropoutConfig, LeakyReluConfig, SoftmaxConfig } from "./activation.nn.ts";
import { AxisSoftmax } from "./axis-softmax.tfjs-layer.ts";
import { physicalAxis } from "../../runtime/convert/layout.ts";

const apply = (layer: tfl.layers.Layer, ctx: ConvertContext) => ({ y: layer.apply(ctx.x) as tfl.SymbolicTensor });

/** An elementwise activation by tfjs's name for it. */
const activation = (name: string): Converter => ({
  layout: () => "any",
  convert: (_layer, ctx) => apply(tfl.layers.activation({ activation: name as "relu", name: ctx.name() }), ctx),
});

export const relu = activation("relu");
export const gelu = activation("gelu"); // exact: x·Φ(x) with erf, as PyTorch's default
export const sigmoid = activation("sigmoid");
export const tanh = activation("tanh");

export const leakyRelu: Converter<LeakyReluConfig> = {
  layout: () => "any",
  convert: (layer, ctx) => apply(tfl.layers.leakyReLU({ alpha: layer.negativeSlope, name: ctx.name() }), ctx),
};

export const identity: Converter = { layout: () => "any", convert: (_layer, ctx) => ({ y: ctx.x }) };

export const dropout: Converter<DropoutConfig> = {
  layout: () => "any",
  convert: (layer, ctx) => apply(tfl.layers.dropout({ rate: layer.p, name: ctx.name() }), ctx),
};

/** dropout2d zeroes whole channels: the noise is shared by every position of a channel. */
export const dropout2d: Converter<DropoutConfig> = {
  layout: () => "any",
  convert(layer, ctx) {
    const rank = ctx.input.length;
    if (rank !== 3 && rank !== 4) throw notConvertible(layer, `it expects an input of rank 3 or 4, got rank ${rank}`);
    const channelAxis = physicalAxis(1, rank, ctx.layout);
    const noiseShape = Array.from({ length: rank }, (_, axis) => (axis === 0 || axis === channelAxis ? null : 1));
    return apply(tfl.layers.dropout({ rate: layer.p, noiseShape: noiseShape as number[], name: ctx.name() }), ctx);
  },
};

/** softmax(dim) / logSoftmax(dim): tfjs's layers over the last axis, shapecheck's AxisSoftmax over another. */
const softmaxLike = (log: boolean): Converter<SoftmaxConfig> => ({
  layout: () => "any",
  convert(layer, ctx) {
    const rank = ctx.input.length;
    const dim = dimIndex(layer.dim, rank) as number;
    if (dim === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    const axis = physicalAxis(dim, rank, ctx.layout);
    const name = ctx.name();
    if (axis !== rank - 1) return apply(new AxisSoftmax({ axis, log, name }), ctx);
    return apply(
      log
        ? tfl.layers.activation({ activation: "logSoftmax" as "softmax", name })
        : tfl.layers.softmax({ axis: -1, name }),
      ctx,
    );
  },
});
export const softmax = softmaxLike(false);
export const logSoftmax = softmaxLike(true);
