// maxPool1d/2d/3d, avgPool1d/2d/3d → tfjs pooling, channels-last, "valid" after explicit padding.
// PyTorch pads max pooling with −∞ and average pooling with zeros counted in the mean
// (count_include_pad); ceilMode's last window reaches past the input, which is padding too
// (−∞ for max). Average pooling whose ceilMode window leaves the padded input divides that window by
// fewer elements in PyTorch, and so does countIncludePad false or a divisorOverride: shapecheck's
// CeilAvgPool layer (ceil-avg-pool.tfjs-layer.ts). A dilation
// (tfjs pooling has none) is shapecheck's DilatedPool layer (pool.tfjs-layer.ts).
import * as tfl from "@tensorflow/tfjs-layers";
import { perDim } from "../../shape/args.ts";
import { notConvertible, type Converter } from "../../runtime/convert/context.ts";
import { CeilAvgPool } from "./ceil-avg-pool.tfjs-layer.ts";
import { padLayer } from "../padding/tf-padding.tfjs.ts";
import { DilatedPool } from "./pool.tfjs-layer.ts";
import type { PoolConfig } from "./pool.nn.ts";
import { dilatedKernel } from "../conv/conv.ts";

export const pool: Converter<PoolConfig> = {
  layout: () => "last",
  convert(layer, ctx) {
    const rank = Number(layer.kind.at(-2));
    const max = layer.kind.startsWith("max");
    const kernels = perDim(layer.kernelSize, rank);
    const strides = perDim(layer.stride, rank);
    const paddings = perDim(layer.padding, rank);
    const dilations = perDim(layer.dilation, rank);
    const pads = paddings.map((p, i): [number, number] => {
      if (!layer.ceilMode) return [p, p];
      const size = ctx.input[i + 2];
      const out = ctx.output[i + 2];
      if (typeof size !== "number" || typeof out !== "number")
        throw notConvertible(layer, "ceilMode needs the input's spatial size");
      const extra = Math.max(0, (out - 1) * strides[i]! + dilatedKernel(kernels[i]!, dilations[i]!) - (size + 2 * p));
      return [p, p + extra];
    });
    const counted = !layer.countIncludePad && paddings.some((p) => p > 0);
    if (!max && (pads.some(([before, after]) => after > before) || counted || layer.divisorOverride !== null)) {
      const overhangs = pads.map(([before, after]) => after - before);
      const y = new CeilAvgPool({
        poolSize: kernels,
        strides,
        paddings,
        overhangs,
        countIncludePad: layer.countIncludePad,
        divisorOverride: layer.divisorOverride,
        name: ctx.name(),
      }).apply(ctx.x) as tfl.SymbolicTensor;
      return { y, layout: "last" };
    }
    let x = ctx.x;
    if (pads.some(([before, after]) => before + after > 0))
      x = padLayer(pads, max ? "-Infinity" : 0, ctx.name("pad")).apply(x) as tfl.SymbolicTensor;
    const name = ctx.name();
    // 3D max pooling: tfjs's MaxPool3D is wrong on wasm (pool.tfjs-layer.ts), DilatedPool pools in 2D.
    const tfLayer =
      dilations.some((d) => d > 1) || (max && rank === 3)
        ? new DilatedPool({ max, poolSize: kernels, strides, dilations, name })
        : rank === 1
          ? (max ? tfl.layers.maxPooling1d : tfl.layers.averagePooling1d)({
              poolSize: kernels[0]!,
              strides: strides[0]!,
              padding: "valid",
              name,
            })
          : rank === 2
            ? (max ? tfl.layers.maxPooling2d : tfl.layers.averagePooling2d)({
                poolSize: kernels as [number, number],
                strides: strides as [number, number],
                padding: "valid",
                dataFormat: "channelsLast",
                name,
              })
            : (max ? tfl.layers.maxPooling3d : tfl.layers.averagePooling3d)({
                poolSize: kernels as [number, number, number],
                strides: strides as [number, number, number],
                padding: "valid",
                dataFormat: "channelsLast",
                name,
              });
    return { y: tfLayer.apply(x) as tfl.SymbolicTensor, layout: "last" };
  },
};
