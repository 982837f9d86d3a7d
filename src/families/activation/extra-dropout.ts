// Twin of src/families/activation/extra-dropout.types.ts.
import { fail } from "../../errors.ts";
import { writeInputRankMessage, type RuntimeShape } from "../../shape/dims.ts";

export { writeInputRankMessage as writeDropoutRankMessage };

const ranks: Record<string, [string, (rank: number) => boolean]> = {
  dropout1d: ["2 or 3", (rank) => rank === 2 || rank === 3],
  dropout3d: ["4 or 5", (rank) => rank === 4 || rank === 5],
  featureAlphaDropout: ["2 or more", (rank) => rank >= 2],
  alphaDropout: ["any", () => true],
};

export function dropoutRankRule(layer: string, kind: string, p: number, input: RuntimeShape): RuntimeShape {
  if (kind === "featureAlphaDropout" && (p === 0 || p === 1)) return input; // PyTorch returns before its check
  const [expected, fits] = ranks[kind]!;
  if (!fits(input.length)) fail(writeInputRankMessage(layer, expected, input.length));
  return input;
}
