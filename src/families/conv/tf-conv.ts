// Twin of src/families/conv/tf-conv.types.ts: tfjs-layers' `convOutputLength`,
//   "same": ⌈n / stride⌉;  "valid": ⌈(n − dilatedKernel + 1) / stride⌉ (n ≥ dilatedKernel),
// and `deconvLength` (transposed): "same": n·stride;  "valid": n·stride + max(kernel − stride, 0).
import { ShapeError } from "../../errors.ts";
import { dilatedKernel, writeKernelTooLargeMessage, writeRankMessage } from "./conv.ts";
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
  format === "channelsFirst"
    ? rank === 1
      ? "[batch, channels, length] (rank 3)"
      : rank === 3
        ? "[batch, channels, depth, height, width] (rank 5)"
        : "[batch, channels, height, width] (rank 4)"
    : rank === 1
      ? "[batch, length, channels] (rank 3)"
      : rank === 3
        ? "[batch, depth, height, width, channels] (rank 5)"
        : "[batch, height, width, channels] (rank 4)";

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

export const writeChannelsUnknownMessage = (layer: string, axis: number): string =>
  `${layer}: the channel dimension (axis ${axis}) must be known: TensorFlow.js sizes the kernel from it`;

export interface TfConvOptions {
  filters: number;
  kernels: number[];
  strides: number[];
  padding: TfPadding;
  dilations: number[];
  dataFormat: DataFormat;
}

/** tfjs's convolution rule (Conv1D, Conv2D). */
export function tfConvRule(layer: string, rank: number, options: TfConvOptions, input: RuntimeShape): RuntimeShape {
  const { filters, kernels, strides, padding, dilations, dataFormat } = options;
  const { batch, channels, spatial, axis } = splitImage(layer, rank, dataFormat, input);
  if (valueOf(channels) === null)
    throw new ShapeError(writeChannelsUnknownMessage(layer, dataFormat === "channelsFirst" ? 1 : rank + 1));
  const sizes = spatial.map((size, i) =>
    tfConvLength(layer, axis + i, size, kernels[i]!, strides[i]!, padding, dilations[i]!),
  );
  return joinImage(dataFormat, batch, sizes, filters);
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
  const { batch, channels, spatial } = splitImage(layer, rank, dataFormat, input);
  if (valueOf(channels) === null)
    throw new ShapeError(writeChannelsUnknownMessage(layer, dataFormat === "channelsFirst" ? 1 : rank + 1));
  const sizes = spatial.map((size, i) => tfDeconvLength(size, kernels[i]!, strides[i]!, padding));
  return joinImage(dataFormat, batch, sizes, filters);
}

/** tfjs's depthwise convolution rule (DepthwiseConv2D): no dilation, channels × depthMultiplier. */
export function tfDepthwiseRule(
  layer: string,
  options: Omit<TfConvOptions, "dilations" | "filters"> & { depthMultiplier: number },
  input: RuntimeShape,
): RuntimeShape {
  const { depthMultiplier, kernels, strides, padding, dataFormat } = options;
  const { batch, channels, spatial, axis } = splitImage(layer, 2, dataFormat, input);
  const known = valueOf(channels);
  if (known === null) throw new ShapeError(writeChannelsUnknownMessage(layer, dataFormat === "channelsFirst" ? 1 : 3));
  const sizes = spatial.map((size, i) => tfConvLength(layer, axis + i, size, kernels[i]!, strides[i]!, padding, 1));
  return joinImage(dataFormat, batch, sizes, known * depthMultiplier);
}

export const writeIgnoredDilationMessage = (layer: string, className: string): string =>
  `${layer}: dilationRate above 1 is ignored by TensorFlow.js's ${className} (its output would not be dilated)`;
