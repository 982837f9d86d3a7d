// The `layers` vocabulary (TensorFlow.js, channels-last by default): tfjs-layers' convOutputLength per
// spatial dimension, and the parameter counts tfjs's `model.countParams()` reports.
import { dimIndex } from "../shape/dim-index.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import {
  dim,
  known,
  perAxis,
  product,
  size,
  sizes,
  spatialLabels,
  Unreadable,
  type Explainer,
  type LayerConfig,
} from "../explain/kinds/support.ts";

/** tfjs's option (from `args`), with tfjs's default. */
function option<Value>(layer: LayerConfig, name: string, fallback: Value): Value {
  const args = layer["args"];
  const value = typeof args === "object" && args !== null ? (args as Record<string, unknown>)[name] : undefined;
  return (value ?? fallback) as Value;
}

/** The input split by data format: channel axis and spatial axes. */
function image(layer: LayerConfig, shape: RuntimeShape): { channelAxis: number; spatial: number[] } {
  const channelsFirst = (layer["dataFormat"] ?? "channelsLast") === "channelsFirst";
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

function spatialArithmetic(
  layer: LayerConfig,
  input: RuntimeShape,
  output: RuntimeShape,
  kernelField: string,
  strideFallback: "kernel" | 1,
  dilationField?: string,
): string[] {
  const { channelAxis, spatial } = image(layer, input);
  const rank = spatial.length;
  const kernels = sizes(layer, kernelField, rank);
  const strides = sizes(layer, "strides", rank, strideFallback === "kernel" ? kernels : 1);
  const dilations = dilationField === undefined ? kernels.map(() => 1) : sizes(layer, dilationField, rank, 1);
  const padding = String(layer["padding"] ?? "valid");
  const formulas = spatial.map((axis, i) =>
    tfConvFormula(dim(input[axis]), kernels[i]!, strides[i]!, dilations[i]!, padding, dim(output[axis])),
  );
  const channels = input[channelAxis] === output[channelAxis] ? [] : [`C → ${dim(output[channelAxis])}`];
  return [...channels, ...perAxis(spatialLabels(rank), formulas)];
}

const useBias = (layer: LayerConfig): boolean => option<unknown>(layer, "useBias", true) !== false;

export const tfConv: Explainer = (layer, input, output) => {
  const { channelAxis, spatial } = image(layer, input);
  const channels = known(input[channelAxis]);
  const filters = size(layer, "filters");
  const kernels = sizes(layer, "kernelSize", spatial.length);
  return {
    arithmetic: spatialArithmetic(layer, input, output, "kernelSize", 1, "dilationRate"),
    params: channels === null ? null : filters * channels * product(kernels) + (useBias(layer) ? filters : 0),
  };
};

export const tfPool: Explainer = (layer, input, output) => ({
  arithmetic: spatialArithmetic(layer, input, output, "poolSize", "kernel"),
  params: 0,
});

/** Global pooling: `mean over H, W` / `max over L`. */
export const tfGlobalPool: Explainer = (layer, input) => {
  const rank = image(layer, input).spatial.length;
  return {
    arithmetic: [`${layer.kind.startsWith("GlobalMax") ? "max" : "mean"} over ${spatialLabels(rank).join(", ")}`],
    params: 0,
  };
};

export const tfDense: Explainer = (layer, input) => {
  const units = size(layer, "units");
  const features = known(input.at(-1));
  return {
    arithmetic: [`→ ${units}`],
    params: features === null ? null : features * units + (useBias(layer) ? units : 0),
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
export const tfPermute: Explainer = (layer) => {
  const dims = layer["dims"];
  if (!Array.isArray(dims)) throw new Unreadable("Permute.dims");
  return { arithmetic: [`axes in the order ${dims.join(", ")}`], params: 0 };
};

/** tfjs counts all four weights: gamma and beta (when scale, center) and the moving mean and variance. */
export const tfBatchNormalization: Explainer = (layer, input) => {
  const axis = dimIndex(typeof layer["axis"] === "number" ? layer["axis"] : -1, input.length);
  if (axis === false) throw new Unreadable("BatchNormalization.axis");
  const features = known(input[axis]);
  const weights =
    2 +
    (option<unknown>(layer, "center", true) !== false ? 1 : 0) +
    (option<unknown>(layer, "scale", true) !== false ? 1 : 0);
  return { arithmetic: [], params: features === null ? null : weights * features };
};

export const tfEmbedding: Explainer = (layer) => {
  const [inputDim, outputDim] = [size(layer, "inputDim"), size(layer, "outputDim")];
  return { arithmetic: [`appends ${outputDim}`], params: inputDim * outputDim };
};

/** `H: 28 + 1 + 1 = 30`. */
export const tfZeroPadding: Explainer = (layer, input, output) => {
  const pairs = layer["padding"];
  if (!Array.isArray(pairs)) throw new Unreadable("ZeroPadding2D.padding");
  const { spatial } = image(layer, input);
  const formulas = spatial.map((axis, i) => {
    const [before, after] = pairs[i] as [number, number];
    return before === 0 && after === 0 ? null : `${dim(input[axis])} + ${before} + ${after} = ${dim(output[axis])}`;
  });
  return { arithmetic: perAxis(spatialLabels(spatial.length), formulas), params: 0 };
};

/** `H: 14 × 2 = 28`. */
export const tfUpSampling: Explainer = (layer, input, output) => {
  const { spatial } = image(layer, input);
  const factors = sizes(layer, "size", spatial.length);
  const formulas = spatial.map((axis, i) =>
    factors[i] === 1 ? null : `${dim(input[axis])} × ${factors[i]} = ${dim(output[axis])}`,
  );
  return { arithmetic: perAxis(spatialLabels(spatial.length), formulas), params: 0 };
};
