// adaptiveAvgPool1d/2d/3d, adaptiveMaxPool1d/2d/3d → tfjs pooling with kernel = stride = input / output when
// the input's size is a multiple of the output's (PyTorch's windows are then exactly these), or
// global pooling for an output of 1 on an input of any size (1d, 2d: tfjs has no 3D global pooling). Other sizes (windows of varying sizes
// in PyTorch), and inputs of unknown size, are shapecheck's AdaptivePool layer (adaptive-pool.tfjs-layer.ts).
import * as tfl from "@tensorflow/tfjs-layers";
import { AdaptivePool } from "./adaptive-pool.tfjs-layer.ts";
import { notConvertible, type Converter } from "../../runtime/convert/context.ts";
import type { AdaptivePoolConfig } from "./adaptive-pool.nn.ts";

export const adaptivePool: Converter<AdaptivePoolConfig> = {
  layout: () => "last",
  convert(layer, ctx) {
    const rank = Number(layer.kind.at(-2));
    const max = layer.kind.startsWith("adaptiveMax");
    const spatialIn = ctx.input.slice(2);
    const spatialOut = ctx.output.slice(2);
    const channels = ctx.output[1];
    const name = ctx.name();
    if (
      rank < 3 &&
      spatialOut.every((size) => size === 1) &&
      spatialIn.some((size) => typeof size !== "number") &&
      typeof channels === "number"
    ) {
      const pooled = (
        rank === 1
          ? (max ? tfl.layers.globalMaxPooling1d : tfl.layers.globalAveragePooling1d)({ name })
          : (max ? tfl.layers.globalMaxPooling2d : tfl.layers.globalAveragePooling2d)({
              dataFormat: "channelsLast",
              name,
            })
      ).apply(ctx.x) as tfl.SymbolicTensor;
      const y = tfl.layers
        .reshape({ targetShape: [...spatialOut.map(() => 1), channels], name: ctx.name("keepdims") })
        .apply(pooled) as tfl.SymbolicTensor;
      return { y, layout: "last" };
    }
    if (spatialOut.some((out) => typeof out !== "number"))
      throw notConvertible(layer, "its output's spatial size must be known");
    const divides = spatialIn.every((size, i) => typeof size === "number" && size % (spatialOut[i] as number) === 0);
    // 3D max pooling: tfjs-backend-wasm's MaxPool3D is wrong on negative windows (pool.tfjs-layer.ts)
    if (!divides || (max && rank === 3)) {
      // windows of varying sizes (or an input size known only when data arrives)
      const y = new AdaptivePool({ max, outputSize: spatialOut as number[], name }).apply(ctx.x) as tfl.SymbolicTensor;
      return { y, layout: "last" };
    }
    const kernels = spatialIn.map((size, i) => (size as number) / (spatialOut[i] as number));
    const tfLayer =
      rank === 1
        ? (max ? tfl.layers.maxPooling1d : tfl.layers.averagePooling1d)({
            poolSize: kernels[0]!,
            strides: kernels[0]!,
            padding: "valid",
            name,
          })
        : rank === 2
          ? (max ? tfl.layers.maxPooling2d : tfl.layers.averagePooling2d)({
              poolSize: kernels as [number, number],
              strides: kernels as [number, number],
              padding: "valid",
              dataFormat: "channelsLast",
              name,
            })
          : (max ? tfl.layers.maxPooling3d : tfl.layers.averagePooling3d)({
              poolSize: kernels as [number, number, number],
              strides: kernels as [number, number, number],
              padding: "valid",
              dataFormat: "channelsLast",
              name,
            });
    return { y: tfLayer.apply(ctx.x) as tfl.SymbolicTensor, layout: "last" };
  },
};
