// Twin of src/families/normalization/instance-norm.types.ts: the shape is kept; batched or unbatched input; the
// channels must be numFeatures with weights or running statistics; more than one spatial element.
import { fail } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage } from "../conv/conv.ts";

export const instanceNormRankText = (k: number): string => {
  const spatial = ["length", "height, width", "depth, height, width"][k - 1];
  return `[batch, channels, ${spatial}] or [channels, ${spatial}] (rank ${k + 2} or ${k + 1})`;
};
/** A size argument (`numFeatures 3`, `numChannels 8`) that is not the input's channels (groupNorm's too). */
export const writeChannelsMessage = (layer: string, size: string, axis: number, channels: number, when = ""): string =>
  `${layer}: ${size} must equal the input's channels (dimension ${axis}) ${channels}${when}`;

/** Normalizing single values, which PyTorch refuses when training (`what`: the groups, `where`: the input). */
export const writeSingleValueMessage = (layer: string, what: string, where: string): string =>
  `${layer}: ${what} holds a single value (${where}): PyTorch refuses it when training`;

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
  if (input.slice(axis + 1).every((d) => d === 1))
    fail(writeSingleValueMessage(layer, "each channel of each instance", "every spatial dimension 1"));
  const features = numFeatures ?? input[1];
  const channels = input[axis];
  if (checked && typeof channels === "number" && typeof features === "number" && channels !== features)
    fail(writeChannelsMessage(layer, `numFeatures ${features}`, axis, channels, " when affine or trackRunningStats"));
  return input;
}
