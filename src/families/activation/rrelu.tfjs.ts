// rrelu → shapecheck's RReLU layer (random slopes in training, the mean slope in inference); any layout, no parameters.
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import type { RReLUConfig } from "./rrelu.nn.ts";
import { TorchRReLU } from "./rrelu.tfjs-layer.ts";

export const rrelu: Converter<RReLUConfig> = {
  layout: () => "any",
  convert: (layer, ctx) => ({
    y: new TorchRReLU({ lower: layer.lower, upper: layer.upper, name: ctx.name() }).apply(ctx.x) as tfl.SymbolicTensor,
  }),
};
