// Twin of src/families/normalization/batch-norm.types.ts: the shape is kept; the channel dimension must be numFeatures.
import { fail } from "../../errors.ts";
import { rankText, writeRankMessage } from "../conv/conv.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

export const writeNumFeaturesMessage = (layer: string, channels: number): string =>
  `${layer}: numFeatures must equal the input's channel dimension ${channels}`;

/** `ranks` empty: any rank from 2 (syncBatchNorm). */
export const batchNormRankText = (ranks: readonly number[]): string =>
  ranks.length === 0
    ? "[batch, channels, ...] (rank 2 or more)"
    : ranks.includes(2)
      ? "[batch, channels] or [batch, channels, length] (rank 2 or 3)"
      : rankText(ranks[0]! - 2); // a convolution's input: [batch, channels, height, width] (rank 4), or rank 5
/**
 * The batch norm rule: [batch, numFeatures, ...] → the same shape (an unknown channel dimension becomes numFeatures;
 * `ranks` empty: any rank from 2; numFeatures null: lazy, or neither affine nor trackRunningStats: any channels).
 */
export function batchNormRule(
  layer: string,
  ranks: readonly number[],
  numFeatures: number | null,
  input: RuntimeShape,
): RuntimeShape {
  if (ranks.length === 0 ? input.length < 2 : !ranks.includes(input.length))
    fail(writeRankMessage(layer, batchNormRankText(ranks), input.length));
  const [batch, channels, ...rest] = input;
  if (typeof channels === "string" || numFeatures === null) return input;
  if (channels === null) return [batch!, numFeatures, ...rest];
  if (channels !== numFeatures) fail(writeNumFeaturesMessage(layer, channels!));
  return input;
}
