// Twin of src/families/recurrent/recurrent.types.ts: [batch, seq, inputSize] → [batch, seq, outFeatures].
import { ShapeError } from "../../errors.ts";
import { writeRankMessage } from "../conv/conv.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";

export const writeInputSizeMessage = (layer: string, features: number): string =>
  `${layer}: inputSize must equal the last input dimension ${features}`;

export const sequenceRankText = (features: string): string => `[batch, seq, ${features}] (rank 3)`;

/** The recurrent rule: [batch, seq, inputSize] → [batch, seq, outFeatures]. */
export function recurrentRule(
  layer: string,
  inputSize: number,
  outFeatures: number,
  input: RuntimeShape,
): RuntimeShape {
  if (input.length !== 3) throw new ShapeError(writeRankMessage(layer, sequenceRankText("features"), input.length));
  const [batch, seq, features] = input;
  const known = valueOf(features!);
  if (known !== null && known !== inputSize) throw new ShapeError(writeInputSizeMessage(layer, known));
  return [batch!, seq!, outFeatures];
}
