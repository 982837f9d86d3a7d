// Twin of src/families/normalization/instance-norm.types.ts: the shape is kept; batched or unbatched input; the
// channels must be numFeatures with weights or running statistics; more than one spatial element.
import { fail } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage } from "../conv/conv.ts";

export const instanceNormRankText = (k: number): string => {
  const spatial = ["length", "height, width", "depth, height, width"][k - 1];
  return `[batch, channels, ${spatial}] or [channels, ${spatial}] (rank ${k + 2} or ${k + 1})`;
};
export const writeInstanceNormChannelsMessage = (
  layer: string,
  numFeatures: string,
  axis: number,
  channels: number,
): string =>
  `${layer}: numFeatures ${numFeatures} must equal the input's channels (dimension ${axis}) ${channels} when affine or trackRunningStats`;

export const writeInstanceNormSpatialMessage = (layer: string): string =>
  `${layer}: each channel of each instance holds a single value (every spatial dimension 1): PyTorch refuses it when training`;

/**
 * The instance norm rule over `k` spatial dimensions; `numFeatures` null: lazy (dimension 1); `checked`: affine or
 * trackRunningStats.
 */
export function instanceNormRule(
  layer: string,
  k: number,
  numFeatures: number | null,
  checked: boolean,
  input: RuntimeShape,
): RuntimeShape {
  if (input.length !== k + 2 && input.length !== k + 1)
    fail(writeRankMessage(layer, instanceNormRankText(k), input.length));
  const axis = input.length === k + 2 ? 1 : 0;
  if (input.slice(axis + 1).every((d) => d === 1)) fail(writeInstanceNormSpatialMessage(layer));
  const features = numFeatures ?? input[1];
  const channels = input[axis];
  if (checked && typeof channels === "number" && typeof features === "number" && channels !== features)
    fail(writeInstanceNormChannelsMessage(layer, String(features), axis, channels));
  return input;
}
