// Twin of src/families/recurrent/recurrent.types.ts: [batch, seq, inputSize] → [batch, seq, outFeatures].
import { fail } from "../../errors.ts";
import { writeRankMessage } from "../conv/conv.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";

/** `name` (inputSize; attention's embedDim, a transformer's dModel) is not the input's last dimension. */
export const writeLastDimMessage = (layer: string, name: string, features: number): string =>
  `${layer}: ${name} must equal the last input dimension ${features}`;

export const sequenceRankText = (features: string): string => `[batch, seq, ${features}] (rank 3)`;

export const cellRankText = "[batch, inputSize] (rank 2)";

/**
 * The recurrent rule: [batch, seq, inputSize] → [batch, seq, outFeatures]; a cell's (`rank` 2): [batch, inputSize] →
 * [batch, hiddenSize].
 */
export function recurrentRule(
  layer: string,
  inputSize: number,
  outFeatures: number,
  input: RuntimeShape,
  rank: 2 | 3 = 3,
): RuntimeShape {
  if (input.length !== rank)
    fail(writeRankMessage(layer, rank === 3 ? sequenceRankText("features") : cellRankText, input.length));
  const known = valueOf(input.at(-1)!);
  if (known !== null && known !== inputSize) fail(writeLastDimMessage(layer, "inputSize", known));
  return [...input.slice(0, -1), outFeatures];
}
