// unfold → shapecheck's Unfold layer (unfold.tfjs-layer.ts) on the channels-first tensor: tfjs has no im2col layer.
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import { perDim } from "../../shape/args.ts";
import type { UnfoldConfig } from "./unfold.nn.ts";
import { Fold, Unfold } from "./unfold.tfjs-layer.ts";
import type { FoldConfig } from "./fold.nn.ts";

export const unfold: Converter<UnfoldConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const y = new Unfold({
      kernels: perDim(layer.kernelSize, 2),
      strides: perDim(layer.stride, 2),
      paddings: perDim(layer.padding, 2),
      dilations: perDim(layer.dilation, 2),
      name: ctx.name(),
    }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first" };
  },
};

/** fold → shapecheck's Fold layer (unfold.tfjs-layer.ts) on the channels-first tensor. */
export const fold: Converter<FoldConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const y = new Fold({
      outputSize: perDim(layer.outputSize, 2),
      kernels: perDim(layer.kernelSize, 2),
      strides: perDim(layer.stride, 2),
      paddings: perDim(layer.padding, 2),
      dilations: perDim(layer.dilation, 2),
      name: ctx.name(),
    }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first" };
  },
};
