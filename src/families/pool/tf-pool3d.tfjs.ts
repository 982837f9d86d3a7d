// layers.maxPooling3d / averagePooling3d → tfjs's AveragePooling3D, and shapecheck's MaxPooling3D for max pooling
// (tf-pool3d.tfjs-layer.ts: tfjs-backend-wasm's MaxPool3D is wrong on negative windows).
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import { tfjsLayer } from "../../runtime/convert/tfjs-layers.ts";
import { perDim } from "../../shape/args.ts";
import type { TfPool3DConfig } from "./tf-pool3d.layers.ts";
import { MaxPooling3D } from "./tf-pool3d.tfjs-layer.ts";

export const tfPool3d: Converter<TfPool3DConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    if (layer.kind === "AveragePooling3D") return tfjsLayer.convert(layer, ctx);
    const y = new MaxPooling3D({
      poolSize: perDim(layer.poolSize, 3),
      strides: perDim(layer.strides, 3),
      padding: layer.padding,
      dataFormat: layer.dataFormat,
      name: ctx.name(),
    }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first" };
  },
};
