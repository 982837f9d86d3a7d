// Twin of src/families/normalization/group-norm.types.ts.
import { fail } from "../../errors.ts";
import { writeInputRankMessage, type RuntimeShape } from "../../shape/dims.ts";
import { writeChannelsMessage, writeSingleValueMessage } from "./instance-norm.ts";

/** numChannels, or the input's channels (`of`), not divisible by numGroups. */
export const writeGroupNormDivisibleMessage = (layer: string, of: string, g: number): string =>
  `${layer}: ${of} must be divisible by numGroups ${g}`;

export function groupNormRule(layer: string, g: number, c: number, affine: boolean, input: RuntimeShape): RuntimeShape {
  if (input.length >= 2 && input[0] === 1 && input[1] === g && input.slice(2).every((d) => d === 1))
    fail(writeSingleValueMessage(layer, "each group", "batch 1, one channel per group, every other dimension 1"));
  if (input.length < 2) fail(writeInputRankMessage(layer, "2 or more ([batch, channels, ...])", input.length));
  const channels = input[1];
  if (typeof channels !== "number") return input;
  if (!affine) {
    if (channels % g !== 0)
      fail(writeGroupNormDivisibleMessage(layer, `the input's channels (dimension 1) ${channels}`, g));
  } else if (channels !== c) fail(writeChannelsMessage(layer, `numChannels ${c}`, 1, channels));
  return input;
}
