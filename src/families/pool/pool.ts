// Twin of src/families/pool/pool.types.ts: PyTorch's pooling output size, with ceil mode's last-window rule.
import { fail } from "../../ops/fail.ts";
import { channelsFirstRule, dilatedKernel, paddedSize, writeKernelTooLargeMessage } from "../conv/conv.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export function poolSize(
  layer: string,
  axis: number,
  size: RuntimeDim,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode: boolean,
): number | null {
  const known = valueOf(size);
  if (known === null) return null;
  const { count, padded, reach, extent } = poolWindows(known, kernel, stride, padding, dilation, ceilMode);
  if (reach < extent) fail(writeKernelTooLargeMessage(layer, axis, extent, padded));
  return count;
}
export function poolWindows(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode: boolean,
): { count: number; lastDropped: boolean; padded: number; reach: number; extent: number } {
  const padded = paddedSize(size, padding);
  const reach = ceilMode ? padded + stride - 1 : padded;
  const extent = dilatedKernel(kernel, dilation);
  const count = Math.floor((reach - extent) / stride) + 1;
  const lastDropped = ceilMode && (count - 1) * stride >= size + padding;
  return { count: lastDropped ? count - 1 : count, lastDropped, padded, reach, extent };
}

export interface PoolOptions {
  kernels: number[];
  strides: number[];
  paddings: number[];
  dilations: number[];
  ceilMode: boolean;
}

export function poolRule(layer: string, rank: number, options: PoolOptions, input: RuntimeShape): RuntimeShape {
  const { kernels, strides, paddings, dilations, ceilMode } = options;
  return channelsFirstRule(layer, rank, input, (size, i, axis) =>
    poolSize(layer, axis, size, kernels[i]!, strides[i]!, paddings[i]!, dilations[i]!, ceilMode),
  );
}

export const writePoolPaddingMessage = (layer: string, padding: number, kernel: number): string =>
  `${layer}: padding (${padding}) must be at most half the kernel size (${kernel})`;

export const writeUnpaddedKernelMessage = (layer: string, axis: number, kernel: number, size: number): string =>
  `${layer}: the kernel (${kernel}) is larger than the input (${size}) in input dimension ${axis} (PyTorch's avgPool3d does not count the padding here)`;

/** Twin of `UnpaddedKernelProblem`: throws when a known spatial size is below the kernel (PyTorch's avg_pool3d). */
export function checkUnpaddedKernel(layer: string, kernels: number[], input: RuntimeShape): void {
  input.slice(2).forEach((size, i) => {
    const known = valueOf(size);
    if (known !== null && known < kernels[i]!) fail(writeUnpaddedKernelMessage(layer, i + 2, kernels[i]!, known));
  });
}
