// Twin of src/families/normalization/layer-norm.types.ts: the shape is kept; its last dimensions must be normalizedShape.
import { fail } from "../../errors.ts";
import { showShape, type RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage } from "../conv/conv.ts";

export const writeNormalizedShapeMessage = (layer: string, last: RuntimeShape): string =>
  `${layer}: normalizedShape must equal the last ${last.length === 1 ? `input dimension ${last[0]}` : `${last.length} input dimensions ${showShape(last)}`}`;

/** The layer norm rule: [..., ...normalizedShape] → the same shape (unknown dims there become the sizes). */
export function layerNormRule(layer: string, normalized: readonly number[], input: RuntimeShape): RuntimeShape {
  if (input.length < normalized.length)
    fail(writeRankMessage(layer, `[..., ${normalized.join(", ")}] (rank ${normalized.length} or more)`, input.length));
  const lead = input.length - normalized.length;
  const last = input.slice(lead);
  const refined = last.map((dim, i) => (typeof dim === "string" ? dim : dim === null ? normalized[i]! : dim));
  if (refined.some((dim, i) => typeof dim === "number" && dim !== normalized[i]))
    fail(writeNormalizedShapeMessage(layer, last));
  return [...input.slice(0, lead), ...refined];
}
