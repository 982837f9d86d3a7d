// layers.conv1d / conv2d (TensorFlow.js, channels-last by default): tfjs-layers' convOutputLength per
// spatial dimension (also pooling's, tf-pool.explain.ts), and the parameter count tfjs's countParams reports.
import {
  channelAxes,
  count,
  dim,
  known,
  perAxis,
  product,
  sizes,
  spatialLabels,
  type Explainer,
} from "../../explain/kinds/support.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { DataFormat } from "../../shape/tf-options.ts";
import type { TfConvConfig } from "./tf-conv.layers.ts";

/** tfjs's convOutputLength: `⌈(28 − 3 + 1) / 1⌉ = 26` (valid), `⌈28 / 2⌉ = 14` (same). */
export function tfConvFormula(
  before: string,
  kernel: number,
  stride: number,
  dilation: number,
  padding: string,
  out: string,
): string {
  if (padding === "same") return stride === 1 ? `padding 'same' keeps ${before}` : `⌈${before} / ${stride}⌉ = ${out}`;
  const extent = dilation === 1 ? `${kernel}` : `(${dilation}·(${kernel} − 1) + 1)`;
  return `⌈(${before} − ${extent} + 1) / ${stride}⌉ = ${out}`;
}

/** A window per spatial dimension (a convolution's or a pooling's), as tfjs computes its output. */
export interface Window {
  readonly dataFormat: DataFormat;
  readonly kernelSize: number | readonly number[];
  readonly strides: number | readonly number[];
  readonly dilationRate?: number | readonly number[];
  readonly padding: string;
}

export function spatialArithmetic(window: Window, input: RuntimeShape, output: RuntimeShape): string[] {
  const { channelAxis, spatial } = channelAxes(window.dataFormat, input);
  const rank = spatial.length;
  const kernels = sizes(window.kernelSize, rank);
  const strides = sizes(window.strides, rank);
  const dilations = sizes(window.dilationRate ?? 1, rank);
  const formulas = spatial.map((axis, i) =>
    tfConvFormula(dim(input[axis]), kernels[i]!, strides[i]!, dilations[i]!, window.padding, dim(output[axis])),
  );
  const channels = input[channelAxis] === output[channelAxis] ? [] : [`C → ${dim(output[channelAxis])}`];
  return [...channels, ...perAxis(spatialLabels(rank), formulas)];
}

export const tfConv: Explainer<TfConvConfig> = (layer, input, output) => {
  const { channelAxis, spatial } = channelAxes(layer.dataFormat, input);
  const channels = known(input[channelAxis]);
  const filters = count(layer.filters);
  const kernels = sizes(layer.kernelSize, spatial.length);
  const bias = layer.args.useBias !== false ? filters : 0;
  return {
    arithmetic: spatialArithmetic(layer, input, output),
    params: channels === null ? null : filters * channels * product(kernels) + bias,
  };
};
