// bilinear → shapecheck's Bilinear layer (bilinear.tfjs-layer.ts), called on its two inputs (graph
// node "call"). state_dict keys as PyTorch 1.13's: weight [out, in1, in2], bias [out].
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter, type ParamSpec } from "../../runtime/convert/context.ts";
import type { CallConverter } from "../../runtime/convert/call.ts";
import { Bilinear } from "./bilinear.tfjs-layer.ts";
import type { BilinearConfig } from "./bilinear.nn.ts";

/** In `pipe` it has one input: refused when the model is built (bilinear.nn.ts), never converted. */
export const bilinear: Converter<BilinearConfig> = {
  layout: () => "first",
  convert(layer) {
    throw notConvertible(layer, "it takes two inputs: call it on input1 and input2");
  },
};

export const bilinearCall: CallConverter<BilinearConfig> = {
  call(layer, ctx) {
    const name = ctx.name();
    const y = new Bilinear({
      in1Features: layer.in1Features,
      in2Features: layer.in2Features,
      outFeatures: layer.outFeatures,
      useBias: layer.bias,
      name,
    }).apply([...ctx.inputs]) as tfl.SymbolicTensor;
    const param = (key: string, shape: number[]): ParamSpec => ({
      key: `${ctx.path}.${key}`,
      layer: name,
      weight: key,
      shape,
      toTfjs: (w) => tf.clone(w),
      fromTfjs: (w) => tf.clone(w),
    });
    const params = [param("weight", [layer.outFeatures, layer.in1Features, layer.in2Features])];
    if (layer.bias) params.push(param("bias", [layer.outFeatures]));
    return { ys: [y], params };
  },
};
