// Twin of src/families/pool/tf-pool.types.ts: tfjs's pooling (convOutputLength with dilation 1) and global pooling.
import type { RuntimeShape } from "../../shape/dims.ts";
import { imageRule, splitImage, tfConvLength, type TfPadding } from "../conv/tf-conv.ts";
import type { DataFormat } from "../../shape/tf-options.ts";

export interface TfPoolOptions {
  kernels: number[];
  strides: number[];
  padding: TfPadding;
  dataFormat: DataFormat;
}

/** tfjs's pooling rule: the spatial dimensions shrink, the channels stay. */
export const tfPoolRule = (layer: string, rank: number, options: TfPoolOptions, input: RuntimeShape): RuntimeShape =>
  imageRule(layer, rank, options.dataFormat, input, (size, i, axis) =>
    tfConvLength(layer, axis, size, options.kernels[i]!, options.strides[i]!, options.padding, 1),
  );

/** tfjs's global pooling rule: [batch, channels]. */
export function tfGlobalPoolRule(
  layer: string,
  rank: number,
  dataFormat: DataFormat,
  input: RuntimeShape,
): RuntimeShape {
  const { batch, channels } = splitImage(layer, rank, dataFormat, input);
  return [batch, channels];
}
