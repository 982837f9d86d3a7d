// Twin of src/families/linear/linear.types.ts: [..., inFeatures] → [..., outFeatures].
import { fail } from "../../ops/fail.ts";
import { lastDim, valueOf, withoutLast, type RuntimeShape } from "../../shape/dims.ts";

export const writeInFeaturesMessage = (layer: string, expected: number): string =>
  `${layer}: inFeatures must equal the last input dimension ${expected}`;

export const writeNoFeaturesMessage = (layer: string): string =>
  `${layer}: expects an input with a feature dimension (rank 1 or more)`;

/** The runtime rule; `inFeatures` null (lazyLinear) accepts any known size. */
export function linearRule(
  layer: string,
  inFeatures: number | null,
  outFeatures: number,
  input: RuntimeShape,
): RuntimeShape {
  if (input.length === 0) fail(writeNoFeaturesMessage(layer));
  const last = valueOf(lastDim(input));
  if (inFeatures !== null && last !== null && last !== inFeatures) fail(writeInFeaturesMessage(layer, last));
  return [...withoutLast(input), outFeatures];
}
