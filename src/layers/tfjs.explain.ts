// The `layers` vocabulary (TensorFlow.js, channels-last by default): tfjs-layers' convOutputLength per
// spatial dimension, and the parameter counts tfjs's `model.countParams()` reports.
import { dimIndex } from "../shape/dim-index.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import type { DataFormat } from "../shape/tf-options.ts";
import {
  dim,
  known,
  perAxis,
  product,
  count,
  sizes,
  spatialLabels,
  Unreadable,
  type Explainer,
} from "../explain/kinds/support.ts";
import type { TfConvConfig } from "../families/conv/tf-conv.layers.ts";
import type { TfEmbeddingConfig } from "../families/embedding/tf-embedding.layers.ts";
import type { TfBatchNormalizationConfig } from "../families/normalization/tf-normalization.layers.ts";
import type { TfUpSamplingConfig, TfZeroPaddingConfig } from "../families/padding/tf-padding.layers.ts";
import type { TfGlobalPoolConfig, TfPoolConfig } from "../families/pool/tf-pool.layers.ts";
import type { TfDenseConfig, TfPermuteConfig } from "./core.ts";

/** The input split by data format: channel axis and spatial axes. */
function image(dataFormat: DataFormat, shape: RuntimeShape): { channelAxis: number; spatial: number[] } {
  const channelsFirst = dataFormat === "channelsFirst";
  const axes = Array.from({ length: shape.length - 2 }, (_, i) => (channelsFirst ? i + 2 : i + 1));
  return { channelAxis: channelsFirst ? 1 : shape.length - 1, spatial: axes };
}

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
interface Window {
  readonly dataFormat: DataFormat;
  readonly kernelSize: number | readonly number[];
  readonly strides: number | readonly number[];
  readonly dilationRate?: number | readonly number[];
  readonly padding: string;
}

function spatialArithmetic(window: Window, input: RuntimeShape, output: RuntimeShape): string[] {
  const { channelAxis, spatial } = image(window.dataFormat, input);
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
  const { channelAxis, spatial } = image(layer.dataFormat, input);
  const channels = known(input[channelAxis]);
  const filters = count(layer.filters);
  const kernels = sizes(layer.kernelSize, spatial.length);
  const bias = layer.args.useBias !== false ? filters : 0;
  return {
    arithmetic: spatialArithmetic(layer, input, output),
    params: channels === null ? null : filters * channels * product(kernels) + bias,
  };
};

export const tfPool: Explainer<TfPoolConfig> = (layer, input, output) => ({
  arithmetic: spatialArithmetic({ ...layer, kernelSize: layer.poolSize }, input, output),
  params: 0,
});

/** Global pooling: `mean over H, W` / `max over L`. */
export const tfGlobalPool: Explainer<TfGlobalPoolConfig> = (layer, input) => {
  const rank = image(layer.dataFormat, input).spatial.length;
  return {
    arithmetic: [`${layer.kind.startsWith("GlobalMax") ? "max" : "mean"} over ${spatialLabels(rank).join(", ")}`],
    params: 0,
  };
};

export const tfDense: Explainer<TfDenseConfig> = (layer, input) => {
  const units = count(layer.units);
  const features = known(input.at(-1));
  return {
    arithmetic: [`→ ${units}`],
    params: features === null ? null : features * units + (layer.args.useBias !== false ? units : 0),
  };
};

/** `5 × 5 × 64 = 1600`: every dimension after the batch. */
export const tfFlatten: Explainer = (_layer, input, output) => ({
  arithmetic: input.length <= 2 ? [] : [`${input.slice(1).map(dim).join(" × ")} = ${dim(output[1])}`],
  params: 0,
});

/** `1600 = 40 × 40`. */
export const tfReshape: Explainer = (_layer, input, output) => {
  const before = input.slice(1);
  const elements = before.every((one) => known(one) !== null)
    ? String(product(before.map((one) => one as number)))
    : before.map(dim).join(" × ");
  return { arithmetic: [`${elements} = ${output.slice(1).map(dim).join(" × ")}`], params: 0 };
};

/** `axes 2, 1`: the order of the dimensions after the batch. */
export const tfPermute: Explainer<TfPermuteConfig> = ({ dims }) => ({
  arithmetic: [`axes in the order ${dims.join(", ")}`],
  params: 0,
});

/** tfjs counts all four weights: gamma and beta (when scale, center) and the moving mean and variance. */
export const tfBatchNormalization: Explainer<TfBatchNormalizationConfig> = (layer, input) => {
  const axis = dimIndex(layer.axis, input.length);
  if (axis === false) throw new Unreadable("BatchNormalization.axis");
  const features = known(input[axis]);
  const weights = 2 + (layer.args.center !== false ? 1 : 0) + (layer.args.scale !== false ? 1 : 0);
  return { arithmetic: [], params: features === null ? null : weights * features };
};

export const tfEmbedding: Explainer<TfEmbeddingConfig> = (layer) => ({
  arithmetic: [`appends ${count(layer.outputDim)}`],
  params: count(layer.inputDim) * count(layer.outputDim),
});

/** `H: 28 + 1 + 1 = 30`. */
export const tfZeroPadding: Explainer<TfZeroPaddingConfig> = (layer, input, output) => {
  const { spatial } = image(layer.dataFormat, input);
  const formulas = spatial.map((axis, i) => {
    const [before, after] = layer.padding[i]!;
    return before === 0 && after === 0 ? null : `${dim(input[axis])} + ${before} + ${after} = ${dim(output[axis])}`;
  });
  return { arithmetic: perAxis(spatialLabels(spatial.length), formulas), params: 0 };
};

/** `H: 14 × 2 = 28`. */
export const tfUpSampling: Explainer<TfUpSamplingConfig> = (layer, input, output) => {
  const { spatial } = image(layer.dataFormat, input);
  const factors = sizes(layer.size, spatial.length);
  const formulas = spatial.map((axis, i) =>
    factors[i] === 1 ? null : `${dim(input[axis])} × ${factors[i]} = ${dim(output[axis])}`,
  );
  return { arithmetic: perAxis(spatialLabels(spatial.length), formulas), params: 0 };
};
