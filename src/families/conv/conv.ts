// Twin of src/families/conv/conv.types.ts: PyTorch's convolution output size,
//   out = ⌊(L + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1
import { fail } from "../../ops/fail.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const dilatedKernel = (kernel: number, dilation: number): number => dilation * (kernel - 1) + 1;
export const paddedSize = (size: number, padding: number): number => size + 2 * padding;
/** How many windows of `extent` fit in `padded` at `stride`: the conv output-size formula (fold counts blocks with it). */
export const windowCount = (padded: number, extent: number, stride: number): number =>
  Math.floor((padded - extent) / stride) + 1;

/** Fold's kernel is checked against its output (`"output"`): "the padded output size … in output dimension …". */
export const writeKernelTooLargeMessage = (
  layer: string,
  axis: number,
  extent: number,
  padded: number,
  of: "input" | "output" = "input",
): string =>
  `${layer}: the kernel (extent ${extent}) is larger than the padded ${of === "input" ? "input" : "output size"} (${padded}) in ${of} dimension ${axis}`;

/**
 * One spatial output size; throws when the kernel does not fit. Unknown sizes stay unknown (`null`);
 * a size-keeping convolution (stride 1, an odd kernel padded by half) keeps a named one.
 */
export function convSize(
  layer: string,
  axis: number,
  size: RuntimeDim,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
): RuntimeDim {
  const known = valueOf(size);
  if (known === null)
    return stride === 1 && dilation === 1 && kernel % 2 === 1 && 2 * padding === kernel - 1 ? size : null;
  const padded = paddedSize(known, padding);
  const extent = dilatedKernel(kernel, dilation);
  if (padded < extent) fail(writeKernelTooLargeMessage(layer, axis, extent, padded));
  return windowCount(padded, extent, stride);
}

export const writeInChannelsMessage = (layer: string, channels: number): string =>
  `${layer}: inChannels must equal the input's channel dimension ${channels}`;

export const writeRankMessage = (layer: string, expected: string, got: number): string =>
  `${layer}: expects an input ${expected}, got rank ${got}`;

/** The spatial dimensions of a rank-1, 2 or 3 layer, as messages name them. */
export const spatialText = (rank: number): string => ["length", "height, width", "depth, height, width"][rank - 1]!;
/** `[batch, channels, height, width] (rank 4)`. */
export const rankText = (rank: number): string => `[batch, channels, ${spatialText(rank)}] (rank ${rank + 2})`;

export interface ConvOptions {
  kernels: number[];
  strides: number[];
  paddings: number[] | "same";
  dilations: number[];
}

/**
 * A channels-first rule on [batch, channels, ...`rank` spatial dimensions] (the rank message otherwise): the output's
 * channels from the input's (`channels`, first), then each spatial size from the input's (`size`, with its axis).
 */
export function channelsFirstRule(
  layer: string,
  rank: number,
  input: RuntimeShape,
  size: (dim: RuntimeDim, i: number, axis: number) => RuntimeDim,
  channels: (dim: RuntimeDim) => RuntimeDim = (dim) => dim,
): RuntimeShape {
  if (input.length !== rank + 2) fail(writeRankMessage(layer, rankText(rank), input.length));
  const [batch, first, ...spatial] = input;
  const out = channels(first!);
  return [batch!, out, ...spatial.map((dim, i) => size(dim, i, i + 2))];
}

/** The input's channels must be inChannels (when known); the output has outChannels. */
export const checkedChannels =
  (layer: string, inChannels: number, outChannels: number) =>
  (channels: RuntimeDim): RuntimeDim => {
    const known = valueOf(channels);
    if (known !== null && known !== inChannels) fail(writeInChannelsMessage(layer, known));
    return outChannels;
  };

/** The channels-first convolution rule: [batch, inChannels, ...spatial] → [batch, outChannels, ...spatial′]. */
export function convRule(
  layer: string,
  rank: number,
  inChannels: number,
  outChannels: number,
  options: ConvOptions,
  input: RuntimeShape,
): RuntimeShape {
  const { kernels, strides, paddings, dilations } = options;
  return channelsFirstRule(
    layer,
    rank,
    input,
    (size, i, axis) =>
      paddings === "same" ? size : convSize(layer, axis, size, kernels[i]!, strides[i]!, paddings[i]!, dilations[i]!),
    checkedChannels(layer, inChannels, outChannels),
  );
}
