// localResponseNorm → shapecheck's LocalResponseNorm layer on a channels-first tensor.
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import type { LocalResponseNormConfig } from "./local-response-norm.nn.ts";
import { TorchLocalResponseNorm } from "./local-response-norm.tfjs-layer.ts";

export const localResponseNorm: Converter<LocalResponseNormConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const { size, alpha, beta, k } = layer;
    const y = new TorchLocalResponseNorm({ size, alpha, beta, k, name: ctx.name() }).apply(ctx.x);
    return { y: y as tfl.SymbolicTensor, layout: "first" };
  },
};
