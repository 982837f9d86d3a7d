// layers.conv1d / conv2d → tfjs's layer of the same name; with a dilationRate above 1, tfjs's layer
// whose forward pass trains (shapecheck>Conv1D / >Conv2D, dilated-conv.tfjs-layer.ts).
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import { tfjsArgs, tfjsLayer, tfjsParams } from "../../runtime/convert/tfjs-layers.ts";
import { DILATED_CONVS, needsTrainableDilation } from "./dilated-conv.tfjs-layer.ts";
import type { TfConvConfig } from "./tf-conv.layers.ts";

export const tfConv: Converter<TfConvConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const args = tfjsArgs(layer);
    if (!needsTrainableDilation(layer.kind, args)) return tfjsLayer.convert(layer, ctx);
    const name = ctx.name();
    const tfLayer = new DILATED_CONVS[layer.kind]!({ ...args, name });
    const y = tfLayer.apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: tfjsParams(tfLayer, name, ctx) };
  },
};
