// Twin of src/families/normalization/group-norm.types.ts.
import { fail } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

export const writeGroupNormRankMessage = (layer: string, rank: number): string =>
  `${layer}: expects an input of rank 2 or more ([batch, channels, ...]), got rank ${rank}`;
export const writeGroupNormChannelsMessage = (layer: string, c: number, got: number | string): string =>
  `${layer}: numChannels ${c} must equal the input's channels (dimension 1) ${got}`;
export const writeGroupNormGroupsMessage = (layer: string, g: number, got: number): string =>
  `${layer}: the input's channels (dimension 1) ${got} must be divisible by numGroups ${g}`;
export const writeGroupNormDivisibleMessage = (layer: string, c: number, g: number): string =>
  `${layer}: numChannels ${c} must be divisible by numGroups ${g}`;

export const writeGroupNormSingleMessage = (layer: string): string =>
  `${layer}: each group holds a single value (batch 1, one channel per group, every other dimension 1): PyTorch refuses it when training`;

export function groupNormRule(layer: string, g: number, c: number, affine: boolean, input: RuntimeShape): RuntimeShape {
  if (input.length >= 2 && input[0] === 1 && input[1] === g && input.slice(2).every((d) => d === 1))
    fail(writeGroupNormSingleMessage(layer));
  if (input.length < 2) fail(writeGroupNormRankMessage(layer, input.length));
  const channels = input[1];
  if (typeof channels !== "number") return input;
  if (!affine) {
    if (channels % g !== 0) fail(writeGroupNormGroupsMessage(layer, g, channels));
  } else if (channels !== c) fail(writeGroupNormChannelsMessage(layer, c, channels));
  return input;
}
