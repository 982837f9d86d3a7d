// upsample, upsamplingNearest2d, upsamplingBilinear2d → shapecheck's Upsample layer on a channels-first tensor
// (upsample.tfjs-layer.ts: PyTorch's sampling, all modes, 1 to 3 spatial dimensions); no parameters.
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import type { UpsampleConfig } from "./upsample.nn.ts";
import { TorchUpsample } from "./upsample.tfjs-layer.ts";

export const upsample: Converter<UpsampleConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const y = new TorchUpsample({
      mode: layer.mode,
      alignCorners: layer.alignCorners,
      size: layer.size === null ? null : typeof layer.size === "number" ? layer.size : [...layer.size],
      scaleFactor:
        layer.scaleFactor === null
          ? null
          : typeof layer.scaleFactor === "number"
            ? layer.scaleFactor
            : [...layer.scaleFactor],
      name: ctx.name(),
    }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first" };
  },
};
