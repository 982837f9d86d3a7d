// Twin of src/families/normalization/local-response-norm.types.ts.
import { fail } from "../../errors.ts";
import { writeInputRankMessage, type RuntimeShape } from "../../shape/dims.ts";

export function localResponseNormRule(layer: string, input: RuntimeShape): RuntimeShape {
  if (input.length < 3) fail(writeInputRankMessage(layer, "3 or more ([batch, channels, ...])", input.length));
  return input;
}
