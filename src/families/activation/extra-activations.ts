// Twin of src/families/activation/extra-activations.types.ts: the rules of prelu, glu and softmax2d, with the same
// messages.
import { fail } from "../../errors.ts";
import { checkedDimIndex } from "../../shape/dim-index.ts";
import { writeInputRankMessage, type RuntimeShape } from "../../shape/dims.ts";

export const writeHardtanhRangeMessage = (layer: string): string => `${layer}: maxVal must be greater than minVal`;
export const writeNegativeLambdMessage = (layer: string): string => `${layer}: lambd must be at least 0`;
export const writeCeluAlphaMessage = (layer: string): string => `${layer}: alpha cannot be 0`;

export const writePreluChannelsMessage = (layer: string, n: number, channels: number | string): string =>
  `${layer}: numParameters ${n} must be 1 or the number of channels (dimension 1 of the input; 1 for an input of rank 1), ${channels}`;
export function preluRule(layer: string, n: number, input: RuntimeShape): RuntimeShape {
  if (n === 1) return input;
  const channels = input.length >= 2 ? input[1] : 1;
  if (typeof channels === "number" && channels !== n) fail(writePreluChannelsMessage(layer, n, channels));
  return input;
}

export const writeGluOddMessage = (layer: string, index: number, size: number): string =>
  `${layer}: the halved dimension ${index} must have an even size, got ${size}`;
export function gluRule(layer: string, dim: number, input: RuntimeShape): RuntimeShape {
  const index = checkedDimIndex(layer, "dim", dim, input.length);
  const size = input[index];
  if (typeof size === "number" && size % 2 !== 0) fail(writeGluOddMessage(layer, index, size));
  return input.map((d, i) => (i === index ? (typeof d === "number" ? d / 2 : null) : d));
}

export function softmax2dRule(input: RuntimeShape): RuntimeShape {
  if (input.length !== 3 && input.length !== 4)
    fail(
      writeInputRankMessage(
        "softmax2d()",
        "3 or 4 ([channels, height, width] or [batch, channels, height, width])",
        input.length,
      ),
    );
  return input;
}
