// Twin of src/families/conv/tf-conv.types.ts: tfjs-layers' `convOutputLength`,
//   "same": ⌈n / stride⌉;  "valid": ⌈(n − dilatedKernel + 1) / stride⌉ (n ≥ dilatedKernel),
// and `deconvLength` (transposed): "same": n·stride;  "valid": n·stride + max(kernel − stride, 0).
import { ShapeError } from "../../errors.ts";
import { dilatedKernel, rankText, spatialText, writeKernelTooLargeMessage, writeRankMessage } from "./conv.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import type { DataFormat } from "../../shape/tf-options.ts";

export type TfPadding = "valid" | "same";

/** One spatial output size; throws when the kernel does not fit. Unknown sizes stay unknown (`null`). */
export function tfConvLength(
  layer: string,
  axis: number,
  size: RuntimeDim,
  kernel: number,
  stride: number,
  padding: TfPadding,
  dilation: number,
): RuntimeDim {
  if (padding === "same") {
    if (stride === 1) return size;
    const known = valueOf(size);
    return known === null ? null : Math.ceil(known / stride);
  }
  const known = valueOf(size);
  if (known === null) return null;
  const extent = dilatedKernel(kernel, dilation);
  if (known < extent) throw new ShapeError(writeKernelTooLargeMessage(layer, axis, extent, known));
  return Math.ceil((known - extent + 1) / stride);
}

export const tfRankText = (rank: number, format: DataFormat): string =>
  format === "channelsFirst" ? rankText(rank) : `[batch, ${spatialText(rank)}, channels] (rank ${rank + 2})`;

export interface Image {
  batch: RuntimeDim;
  channels: RuntimeDim;
  spatial: RuntimeDim[];
  /** The input axis of the first spatial dimension. */
  axis: number;
}

/** An input split into batch, spatial dimensions and channels by the data format; throws the rank message. */
export function splitImage(layer: string, rank: number, format: DataFormat, input: RuntimeShape): Image {
  if (input.length !== rank + 2) throw new ShapeError(writeRankMessage(layer, tfRankText(rank, format), input.length));
  const [batch, ...rest] = input;
  return format === "channelsFirst"
    ? { batch: batch!, channels: rest[0]!, spatial: rest.slice(1), axis: 2 }
    : { batch: batch!, channels: rest.at(-1)!, spatial: rest.slice(0, -1), axis: 1 };
}

/** An image shape put back together in the data format's order. */
export const joinImage = (
  format: DataFormat,
  batch: RuntimeDim,
  spatial: readonly RuntimeDim[],
  channels: RuntimeDim,
): RuntimeShape => (format === "channelsFirst" ? [batch, channels, ...spatial] : [batch, ...spatial, channels]);

/**
 * A rule on an image: the input split by the data format (the rank message when it does not fit), then the output
 * channels from the input's (`channels`, first), and each spatial size from the input's (`size`, with its axis).
 */
export function imageRule(
  layer: string,
  rank: number,
  format: DataFormat,
  input: RuntimeShape,
  size: (dim: RuntimeDim, i: number, axis: number) => RuntimeDim,
  channels: (dim: RuntimeDim) => RuntimeDim = (dim) => dim,
): RuntimeShape {
  const image = splitImage(layer, rank, format, input);
  const out = channels(image.channels);
  return joinImage(
    format,
    image.batch,
    image.spatial.map((dim, i) => size(dim, i, image.axis + i)),
    out,
  );
}

export const writeChannelsUnknownMessage = (layer: string, axis: number): string =>
  `${layer}: the channel dimension (axis ${axis}) must be known: TensorFlow.js sizes the kernel from it`;
/** The input's channels, which tfjs's convolutions must know (their kernel's size). */
function knownChannels(layer: string, rank: number, format: DataFormat, channels: RuntimeDim): number {
  const known = valueOf(channels);
  if (known === null)
    throw new ShapeError(writeChannelsUnknownMessage(layer, format === "channelsFirst" ? 1 : rank + 1));
  return known;
}

export interface TfConvOptions {
  filters: number;
  kernels: number[];
  strides: number[];
  padding: TfPadding;
  dilations: number[];
  dataFormat: DataFormat;
}

/** tfjs's convolution rule (Conv1D, Conv2D, Conv3D, SeparableConv2D). */
export function tfConvRule(layer: string, rank: number, options: TfConvOptions, input: RuntimeShape): RuntimeShape {
  const { filters, kernels, strides, padding, dilations, dataFormat } = options;
  return imageRule(
    layer,
    rank,
    dataFormat,
    input,
    (size, i, axis) => tfConvLength(layer, axis, size, kernels[i]!, strides[i]!, padding, dilations[i]!),
    (channels) => {
      knownChannels(layer, rank, dataFormat, channels);
      return filters;
    },
  );
}

export const writeCausalMessage = (layer: string): string =>
  `${layer}: padding 'causal' is not implemented in TensorFlow.js`;

export const writeStridesDilationMessage = (layer: string): string =>
  `${layer}: strides and dilationRate cannot both be above 1 (TensorFlow.js)`;

/** One spatial output size of a transposed convolution (tfjs's `deconvLength`); unknown stays unknown. */
export function tfDeconvLength(size: RuntimeDim, kernel: number, stride: number, padding: TfPadding): RuntimeDim {
  if (padding === "same" && stride === 1) return size;
  const known = valueOf(size);
  if (known === null) return null;
  return padding === "same" ? known * stride : known * stride + Math.max(kernel - stride, 0);
}

/** tfjs's transposed convolution rule (Conv2DTranspose, Conv3DTranspose). */
export function tfConvTransposeRule(
  layer: string,
  rank: number,
  options: Omit<TfConvOptions, "dilations">,
  input: RuntimeShape,
): RuntimeShape {
  const { filters, kernels, strides, padding, dataFormat } = options;
  return imageRule(
    layer,
    rank,
    dataFormat,
    input,
    (size, i) => tfDeconvLength(size, kernels[i]!, strides[i]!, padding),
    (channels) => {
      knownChannels(layer, rank, dataFormat, channels);
      return filters;
    },
  );
}

/** tfjs's depthwise convolution rule (DepthwiseConv2D): no dilation, channels × depthMultiplier. */
export function tfDepthwiseRule(
  layer: string,
  options: Omit<TfConvOptions, "dilations" | "filters"> & { depthMultiplier: number },
  input: RuntimeShape,
): RuntimeShape {
  const { depthMultiplier, kernels, strides, padding, dataFormat } = options;
  return imageRule(
    layer,
    2,
    dataFormat,
    input,
    (size, i, axis) => tfConvLength(layer, axis, size, kernels[i]!, strides[i]!, padding, 1),
    (channels) => knownChannels(layer, 2, dataFormat, channels) * depthMultiplier,
  );
}

export const writeIgnoredDilationMessage = (layer: string, className: string): string =>
  `${layer}: dilationRate above 1 is ignored by TensorFlow.js's ${className} (its output would not be dilated)`;
