// pixelShuffle, pixelUnshuffle, channelShuffle → shapecheck's Shuffle layer, on a channels-first tensor.
import type * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter } from "../../runtime/convert/context.ts";
import type { ShuffleConfig } from "./shuffle.nn.ts";
import { Shuffle } from "./shuffle.tfjs-layer.ts";

export const shuffle: Converter<ShuffleConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    if (layer.kind !== "channelShuffle" && ctx.input.length < 4)
      throw notConvertible(
        layer,
        "on an input of rank 3 its channels are the batch dimension, which TensorFlow.js layers keep apart",
      );
    const factor = layer.upscaleFactor ?? layer.downscaleFactor ?? layer.groups!;
    const y = new Shuffle({ fn: layer.kind, factor, name: ctx.name() }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first" };
  },
};
