// Twin of src/families/recurrent/rnn-cell.types.ts: [batch, inputSize] → [batch, hiddenSize].
import { ShapeError } from "../../errors.ts";
import { writeRankMessage } from "../conv/conv.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";
import { writeInputSizeMessage } from "./recurrent.ts";

export const cellRankText = "[batch, inputSize] (rank 2)";

/** The cell rule: [batch, inputSize] → [batch, hiddenSize]. */
export function cellRule(layer: string, inputSize: number, hiddenSize: number, input: RuntimeShape): RuntimeShape {
  if (input.length !== 2) throw new ShapeError(writeRankMessage(layer, cellRankText, input.length));
  const [batch, features] = input;
  const known = valueOf(features!);
  if (known !== null && known !== inputSize) throw new ShapeError(writeInputSizeMessage(layer, known));
  return [batch!, hiddenSize];
}
