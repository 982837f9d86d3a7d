// layers.conv1d / conv2d / conv3d → tfjs's layer of the same name; with a dilationRate above 1, tfjs's layer
// whose forward pass trains (shapecheck>Conv1D / >Conv2D, dilated-conv.tfjs-layer.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter } from "../../runtime/convert/context.ts";
import { tfjsArgs, tfjsLayer, tfjsParams } from "../../runtime/convert/tfjs-layers.ts";
import { DILATED_CONVS, needsTrainableDilation } from "./dilated-conv.tfjs-layer.ts";
import type { TfConvConfig } from "./tf-conv.layers.ts";
import type { TfConvTransposeConfig } from "./tf-conv-transpose.layers.ts";
import type { TfDepthwiseConvConfig } from "./tf-depthwise-conv.layers.ts";

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

/** tfjs's factory of each kind below (tfjs-layers exports no classes; these names are its factories). */
const ownFactories = {
  Conv2DTranspose: "conv2dTranspose",
  Conv3DTranspose: "conv3dTranspose",
  DepthwiseConv2D: "depthwiseConv2d",
  SeparableConv2D: "separableConv2d",
} as const;

/**
 * layers.conv2dTranspose / conv3dTranspose / depthwiseConv2d / separableConv2d → tfjs's own layer, same arguments,
 * its weights under its names. A separable convolution with a dilationRate above 1 computes in tfjs but cannot train
 * (tfjs-core's depthwise gradient refuses dilations): not convertible.
 */
export const tfOwnConv: Converter<TfConvTransposeConfig | TfDepthwiseConvConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const args = tfjsArgs(layer);
    const rate = (args as { dilationRate?: number | number[] }).dilationRate ?? 1;
    if (layer.kind === "SeparableConv2D" && (typeof rate === "number" ? [rate] : rate).some((d) => d > 1))
      throw notConvertible(layer, "TensorFlow.js cannot train a dilated separable convolution (dilationRate above 1)");
    const name = ctx.name();
    const factory = (tfl.layers as unknown as Record<string, (args: object) => tfl.layers.Layer>)[
      ownFactories[layer.kind]
    ]!;
    const tfLayer = factory({ ...args, name });
    const y = tfLayer.apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: tfjsParams(tfLayer, name, ctx) };
  },
};

// tfjs-core 4.22 has no gradient for Conv3DBackpropInputV2 (conv3dTranspose's kernel): Conv3DTranspose would not
// train. As tfjs's Conv2DBackpropInput gradient, in 3D: dy by the forward convolution of the incoming gradient,
// the filter by conv3d's filter gradient of (incoming gradient, dy).
if (tf.getGradient("Conv3DBackpropInputV2") === undefined) {
  tf.registerGradient({
    kernelName: "Conv3DBackpropInputV2",
    inputsToSave: ["dy", "filter"],
    gradFunc: (ddx, saved, attrs) => {
      const [dy, filter] = saved as [tf.Tensor5D, tf.Tensor5D];
      const { strides, pad } = attrs as unknown as { strides: [number, number, number]; pad: "valid" | "same" };
      return {
        dy: () => tf.conv3d(ddx as tf.Tensor5D, filter, strides, pad),
        filter: () =>
          tf.engine().runKernel(
            "Conv3DBackpropFilterV2",
            { x: ddx as tf.Tensor, dy },
            {
              strides,
              pad,
              filterShape: filter.shape,
            },
          ) as tf.Tensor,
      };
    },
  });
}
