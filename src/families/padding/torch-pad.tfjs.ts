// The padding layers → shapecheck's TorchPad on a channels-first tensor (the padded dimensions are the last N).
import type * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter } from "../../runtime/convert/context.ts";
import type { PadConfig } from "./torch-pad.nn.ts";
import { TorchPad } from "./torch-pad.tfjs-layer.ts";

export const pad: Converter<PadConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    if (ctx.input.length <= layer.pads.length / 2)
      throw notConvertible(layer, "it pads the batch dimension, which TensorFlow.js layers keep apart");
    const y = new TorchPad({ mode: layer.mode, pads: [...layer.pads], value: layer.value, name: ctx.name() }).apply(
      ctx.x,
    );
    return { y: y as tfl.SymbolicTensor, layout: "first" };
  },
};
