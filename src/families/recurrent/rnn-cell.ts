// Twin of src/families/recurrent/rnn-cell.types.ts: [batch, inputSize] → [batch, hiddenSize].
import type { RuntimeShape } from "../../shape/dims.ts";
import { recurrentRule } from "./recurrent.ts";

/** The cell rule: [batch, inputSize] → [batch, hiddenSize] (the recurrent rule without seq). */
export const cellRule = (layer: string, inputSize: number, hiddenSize: number, input: RuntimeShape): RuntimeShape =>
  recurrentRule(layer, inputSize, hiddenSize, input, 2);
