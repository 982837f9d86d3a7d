// Twin of src/families/conv/unfold.types.ts: [batch, C, H, W] → [batch, C·kH·kW, L], L = the product of the
// convolution's output sizes (conv.ts's convSize).
import { fail } from "../../ops/fail.ts";
import { convSize, rankText, writeRankMessage } from "./conv.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export interface UnfoldOptions {
  kernels: number[];
  strides: number[];
  paddings: number[];
  dilations: number[];
}

/** a · b, or null when either is named or unknown. */
const times = (a: RuntimeDim, b: RuntimeDim): number | null =>
  typeof a === "number" && typeof b === "number" ? a * b : null;

/** The unfold rule: [batch, channels, height, width] → [batch, channels·kH·kW, blocks]. */
export function unfoldRule(layer: string, options: UnfoldOptions, input: RuntimeShape): RuntimeShape {
  if (input.length !== 4) fail(writeRankMessage(layer, rankText(2), input.length));
  const [batch, channels, ...spatial] = input;
  const { kernels, strides, paddings, dilations } = options;
  const [height, width] = spatial.map((size, i) =>
    convSize(layer, i + 2, size, kernels[i]!, strides[i]!, paddings[i]!, dilations[i]!),
  );
  return [batch!, times(channels!, kernels[0]! * kernels[1]!), times(height!, width!)];
}

export const writeFoldChannelsMessage = (layer: string, channels: number, kernel: number): string =>
  `${layer}: the input's dimension 1 (${channels}) must be divisible by the kernel's size (${kernel})`;
export const writeFoldBlocksMessage = (layer: string, blocks: number, expected: number): string =>
  `${layer}: the input's dimension 2 (${blocks}) must equal the number of blocks of the output size (${expected})`;

/** The fold rule: [batch, C·kH·kW, L] → [batch, C, ...outputSize], L = `blocks` (outputSize's). */
export function foldRule(
  layer: string,
  kernel: number,
  outputSizes: readonly number[],
  blocks: number,
  input: RuntimeShape,
): RuntimeShape {
  if (input.length !== 3) fail(writeRankMessage(layer, "[batch, channels·kH·kW, blocks] (rank 3)", input.length));
  const [batch, channels, length] = input;
  const known = valueOf(channels!);
  if (known !== null && known % kernel !== 0) fail(writeFoldChannelsMessage(layer, known, kernel));
  const given = valueOf(length!);
  if (given !== null && given !== blocks) fail(writeFoldBlocksMessage(layer, given, blocks));
  return [batch!, known === null ? null : known / kernel, ...outputSizes];
}
