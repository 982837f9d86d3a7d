// Twin of src/families/normalization/local-response-norm.types.ts.
import { fail } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

export const writeLocalResponseNormRankMessage = (layer: string, rank: number): string =>
  `${layer}: expects an input of rank 3 or more ([batch, channels, ...]), got rank ${rank}`;

export function localResponseNormRule(layer: string, input: RuntimeShape): RuntimeShape {
  if (input.length < 3) fail(writeLocalResponseNormRankMessage(layer, input.length));
  return input;
}
