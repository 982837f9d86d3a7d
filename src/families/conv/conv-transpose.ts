// Twin of src/families/conv/conv-transpose.types.ts: PyTorch's transposed convolution output size,
//   out = (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1   (at least 1)
import { fail } from "../../ops/fail.ts";
import { channelsFirstRule, checkedChannels } from "./conv.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const writeOutputTooSmallMessage = (layer: string, axis: number, size: string): string =>
  `${layer}: the output size in input dimension ${axis} would be ${size}; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1`;

export const writeOutputPaddingMessage = (
  layer: string,
  outputPadding: number,
  stride: number,
  dilation: number,
): string =>
  `${layer}: outputPadding (${outputPadding}) must be smaller than either stride (${stride}) or dilation (${dilation})`;

/** One spatial output size; throws when it would be below 1. Unknown sizes stay unknown (`null`). */
export function convTransposeSize(
  layer: string,
  axis: number,
  size: RuntimeDim,
  kernel: number,
  stride: number,
  padding: number,
  outputPadding: number,
  dilation: number,
): number | null {
  const known = valueOf(size);
  if (known === null) return null;
  const grown = known * stride + dilation * (kernel - 1) + outputPadding + 1;
  const cut = 2 * padding + stride;
  if (grown <= cut) fail(writeOutputTooSmallMessage(layer, axis, String(grown - cut)));
  return grown - cut;
}

export interface ConvTransposeOptions {
  kernels: number[];
  strides: number[];
  paddings: number[];
  outputPaddings: number[];
  dilations: number[];
}

/** The channels-first transposed convolution rule: [batch, inChannels, ...spatial] → [batch, outChannels, ...spatial′]. */
export function convTransposeRule(
  layer: string,
  rank: number,
  inChannels: number,
  outChannels: number,
  options: ConvTransposeOptions,
  input: RuntimeShape,
): RuntimeShape {
  const { kernels, strides, paddings, outputPaddings, dilations } = options;
  return channelsFirstRule(
    layer,
    rank,
    input,
    (size, i, axis) =>
      convTransposeSize(layer, axis, size, kernels[i]!, strides[i]!, paddings[i]!, outputPaddings[i]!, dilations[i]!),
    checkedChannels(layer, inChannels, outChannels),
  );
}
