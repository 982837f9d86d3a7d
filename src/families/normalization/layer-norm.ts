// Twin of src/families/normalization/layer-norm.types.ts: the shape is kept; its last dimensions must be normalizedShape.
import { fail } from "../../errors.ts";
import { showShape, type RuntimeShape } from "../../shape/dims.ts";

export const writeNormalizedShapeMessage = (layer: string, last: RuntimeShape): string =>
  last.length === 1
    ? `${layer}: normalizedShape must equal the last input dimension ${last[0]}`
    : `${layer}: normalizedShape must equal the last ${last.length} input dimensions ${showShape(last)}`;

export const writeLayerNormRankMessage = (layer: string, normalized: readonly number[], got: number): string =>
  `${layer}: expects an input [..., ${normalized.join(", ")}] (rank ${normalized.length} or more), got rank ${got}`;

/** The layer norm rule: [..., ...normalizedShape] → the same shape (unknown dims there become the sizes). */
export function layerNormRule(layer: string, normalized: readonly number[], input: RuntimeShape): RuntimeShape {
  if (input.length < normalized.length) fail(writeLayerNormRankMessage(layer, normalized, input.length));
  const lead = input.length - normalized.length;
  const last = input.slice(lead);
  const refined = last.map((dim, i) => (typeof dim === "string" ? dim : dim === null ? normalized[i]! : dim));
  if (refined.some((dim, i) => typeof dim === "number" && dim !== normalized[i]))
    fail(writeNormalizedShapeMessage(layer, last));
  return [...input.slice(0, lead), ...refined];
}
