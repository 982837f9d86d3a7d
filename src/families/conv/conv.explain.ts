// conv1d/2d/3d and convTranspose1d/2d: PyTorch's output-size formulas per spatial dimension, and
// PyTorch's parameter counts (weight out·(in/groups)·∏kernel, or in·(out/groups)·∏kernel transposed, + bias).
import type { RuntimeShape } from "../../shape/dims.ts";
import {
  channelChange,
  count,
  dim,
  known,
  perAxis,
  product,
  spatialLabels,
  sizes,
  type Explainer,
} from "../../explain/kinds/support.ts";
import type { ConvTransposeConfig, LazyConvTransposeConfig } from "./conv-transpose.nn.ts";
import type { ConvConfig, LazyConvConfig } from "./conv.nn.ts";
import type { UnfoldConfig } from "./unfold.nn.ts";
import type { FoldConfig } from "./fold.nn.ts";

/** PyTorch's Conv formula: `⌊(28 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 26`. */
export const convFormula = (
  size: string,
  padding: number,
  dilation: number,
  kernel: number,
  stride: number,
  out: string,
): string => `⌊(${size} + 2·${padding} − ${dilation}·(${kernel} − 1) − 1) / ${stride}⌋ + 1 = ${out}`;

/** PyTorch's ConvTranspose formula: `(7 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 14`. */
export const convTransposeFormula = (
  size: string,
  stride: number,
  padding: number,
  dilation: number,
  kernel: number,
  outputPadding: number,
  out: string,
): string => `(${size} − 1)·${stride} − 2·${padding} + ${dilation}·(${kernel} − 1) + ${outputPadding} + 1 = ${out}`;

const spatialRank = (input: RuntimeShape): number => input.length - 2;

export const conv: Explainer<ConvConfig> = (layer, input, output) => {
  const rank = spatialRank(input);
  const [inChannels, outChannels, groups] = [count(layer.inChannels), count(layer.outChannels), count(layer.groups)];
  const padding = layer.padding;
  const kernels = sizes(layer.kernelSize, rank);
  const strides = sizes(layer.stride, rank);
  const dilations = sizes(layer.dilation, rank);
  const paddings = padding === "same" ? null : sizes(padding === "valid" ? 0 : padding, rank);
  const formulas = input
    .slice(2)
    .map((before, i) =>
      paddings === null
        ? `padding 'same' keeps ${dim(before)}`
        : convFormula(dim(before), paddings[i]!, dilations[i]!, kernels[i]!, strides[i]!, dim(output[i + 2])),
    );
  return {
    arithmetic: [...channelChange(input[1], output[1]), ...perAxis(spatialLabels(rank), formulas)],
    params: outChannels * (inChannels / groups) * product(kernels) + (layer.bias ? outChannels : 0),
  };
};

export const convTranspose: Explainer<ConvTransposeConfig> = (layer, input, output) => {
  const rank = spatialRank(input);
  const [inChannels, outChannels, groups] = [count(layer.inChannels), count(layer.outChannels), count(layer.groups)];
  const kernels = sizes(layer.kernelSize, rank);
  const strides = sizes(layer.stride, rank);
  const paddings = sizes(layer.padding, rank);
  const outputPaddings = sizes(layer.outputPadding, rank);
  const dilations = sizes(layer.dilation, rank);
  const formulas = input
    .slice(2)
    .map((before, i) =>
      convTransposeFormula(
        dim(before),
        strides[i]!,
        paddings[i]!,
        dilations[i]!,
        kernels[i]!,
        outputPaddings[i]!,
        dim(output[i + 2]),
      ),
    );
  return {
    arithmetic: [...channelChange(input[1], output[1]), ...perAxis(spatialLabels(rank), formulas)],
    params: inChannels * (outChannels / groups) * product(kernels) + (layer.bias ? outChannels : 0),
  };
};

/** lazyConv: conv's arithmetic and count with inChannels = the input's channel dimension (no count when unknown). */
export const lazyConv: Explainer<LazyConvConfig> = (layer, input, output) => {
  const inChannels = known(input[1]);
  const kind = layer.kind.replace("lazyConv", "conv") as ConvConfig["kind"];
  const explained = conv({ ...layer, kind, inChannels: inChannels ?? layer.groups }, input, output);
  return inChannels === null ? { ...explained, params: null } : explained;
};

/** lazyConvTranspose: convTranspose's arithmetic and count with inChannels = the input's channel dimension. */
export const lazyConvTranspose: Explainer<LazyConvTransposeConfig> = (layer, input, output) => {
  const inChannels = known(input[1]);
  const kind = layer.kind.replace("lazyConvTranspose", "convTranspose") as ConvTransposeConfig["kind"];
  const explained = convTranspose({ ...layer, kind, inChannels: inChannels ?? layer.groups }, input, output);
  return inChannels === null ? { ...explained, params: null } : explained;
};

/** unfold: `C → C·kH·kW`, the blocks as the convolution's output sizes multiplied (PyTorch's Unfold has no weights). */
export const unfold: Explainer<UnfoldConfig> = (layer, input, output) => {
  const kernels = sizes(layer.kernelSize, 2);
  const strides = sizes(layer.stride, 2);
  const paddings = sizes(layer.padding, 2);
  const dilations = sizes(layer.dilation, 2);
  const formulas = input
    .slice(2)
    .map((before, i) => convFormula(dim(before), paddings[i]!, dilations[i]!, kernels[i]!, strides[i]!, "·"));
  return {
    arithmetic: [
      `C → ${dim(input[1])}·${kernels[0]}·${kernels[1]} = ${dim(output[1])}`,
      `blocks: ${formulas.map((f) => f.replace(/ = ·$/, "")).join(" × ")} = ${dim(output[2])}`,
    ],
    params: 0,
  };
};

/** fold: `C·kH·kW → C`, the blocks summed into the output size (PyTorch's Fold has no weights). */
export const fold: Explainer<FoldConfig> = (layer, input, output) => {
  const kernels = sizes(layer.kernelSize, 2);
  return {
    arithmetic: [
      `C: ${dim(input[1])} / (${kernels[0]}·${kernels[1]}) = ${dim(output[1])}`,
      `${dim(input[2])} blocks → ${dim(output[2])} × ${dim(output[3])}`,
    ],
    params: 0,
  };
};
