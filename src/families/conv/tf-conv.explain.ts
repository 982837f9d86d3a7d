// layers.conv1d/2d/3d, conv2dTranspose/conv3dTranspose, depthwiseConv2d, separableConv2d (TensorFlow.js,
// channels-last by default): tfjs-layers' convOutputLength (deconvLength transposed) per
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
import type { TfConvTransposeConfig } from "./tf-conv-transpose.layers.ts";
import type { TfDepthwiseConvConfig } from "./tf-depthwise-conv.layers.ts";

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

/** tfjs's deconvLength: `14·2 + max(3 − 2, 0) = 29` (valid), `14·2 = 28` (same). */
export const tfDeconvFormula = (
  before: string,
  kernel: number,
  stride: number,
  padding: string,
  out: string,
): string =>
  padding === "same"
    ? stride === 1
      ? `padding 'same' keeps ${before}`
      : `${before}·${stride} = ${out}`
    : `${before}·${stride} + max(${kernel} − ${stride}, 0) = ${out}`;

/** Transposed: kernel [...kernel, filters, channels] + bias filters (tfjs's countParams). */
export const tfConvTranspose: Explainer<TfConvTransposeConfig> = (layer, input, output) => {
  const { channelAxis, spatial } = channelAxes(layer.dataFormat, input);
  const channels = known(input[channelAxis]);
  const filters = count(layer.filters);
  const kernels = sizes(layer.kernelSize, spatial.length);
  const strides = sizes(layer.strides, spatial.length);
  const formulas = spatial.map((axis, i) =>
    tfDeconvFormula(dim(input[axis]), kernels[i]!, strides[i]!, layer.padding, dim(output[axis])),
  );
  return {
    arithmetic: [`C → ${dim(output[channelAxis])}`, ...perAxis(spatialLabels(spatial.length), formulas)],
    params:
      channels === null ? null : filters * channels * product(kernels) + (layer.args.useBias !== false ? filters : 0),
  };
};

/**
 * Depthwise: kernel [kh, kw, channels, depthMultiplier] + bias channels·depthMultiplier; separable: that
 * depthwise kernel, a pointwise kernel [1, 1, channels·depthMultiplier, filters] and bias filters (tfjs's countParams).
 */
export const tfDepthwiseConv: Explainer<TfDepthwiseConvConfig> = (layer, input, output) => {
  const { channelAxis } = channelAxes(layer.dataFormat, input);
  const channels = known(input[channelAxis]);
  const multiplier = count(layer.depthMultiplier);
  const depthwise = channels === null ? null : product(sizes(layer.kernelSize, 2)) * channels * multiplier;
  const bias = layer.args.useBias !== false;
  const params =
    channels === null || depthwise === null
      ? null
      : layer.filters === null
        ? depthwise + (bias ? channels * multiplier : 0)
        : depthwise + channels * multiplier * count(layer.filters) + (bias ? count(layer.filters) : 0);
  const window = { ...layer, strides: layer.args.strides ?? 1, padding: layer.args.padding ?? "valid" };
  return {
    arithmetic: spatialArithmetic(
      { ...window, dilationRate: layer.kind === "DepthwiseConv2D" ? 1 : layer.args.dilationRate },
      input,
      output,
    ),
    params,
  };
};
