// dropout1d / dropout3d → tfjs's dropout with the noise shared by a channel; alphaDropout → tfjs's
// alphaDropout; featureAlphaDropout → shapecheck's FeatureAlphaDropout. The channel axis is mapped to where it
// physically is; on an input with no batch dimension of its own (dropout1d rank 2, dropout3d rank 4) PyTorch's
// channels are the batch: the noise is then per example.
import * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import { physicalAxis } from "../../runtime/convert/layout.ts";
import type { ExtraDropoutConfig } from "./extra-dropout.nn.ts";
import { FeatureAlphaDropout } from "./extra-dropout.tfjs-layer.ts";

export const extraDropout: Converter<ExtraDropoutConfig> = {
  layout: () => "any",
  convert(layer, ctx) {
    const rank = ctx.input.length;
    const name = ctx.name();
    if (layer.kind === "alphaDropout")
      return { y: tfl.layers.alphaDropout({ rate: layer.p, name }).apply(ctx.x) as tfl.SymbolicTensor };
    const batched = layer.kind === "dropout1d" ? rank === 3 : layer.kind === "dropout3d" ? rank === 5 : true;
    const channelAxis = batched && rank >= 2 ? physicalAxis(1, rank, ctx.layout) : 0;
    if (layer.kind === "featureAlphaDropout")
      return {
        y: new FeatureAlphaDropout({ p: layer.p, axis: channelAxis, name }).apply(ctx.x) as tfl.SymbolicTensor,
      };
    const noiseShape = Array.from({ length: rank }, (_, axis) => (axis === 0 || axis === channelAxis ? null : 1));
    return {
      y: tfl.layers
        .dropout({ rate: layer.p, noiseShape: noiseShape as number[], name })
        .apply(ctx.x) as tfl.SymbolicTensor,
    };
  },
};
