// PyTorch's recurrent cells (RNNCell, LSTMCell, GRUCell), one step: [batch, inputSize] → [batch, hiddenSize].
// PyTorch also takes an unbatched [inputSize]; here the input needs its batch dimension (the rank message).
// Twin: src/families/recurrent/rnn-cell.ts.
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";
import type { writeInputSizeMessage } from "./recurrent.types.ts";

/** How messages name the input of a cell. */
export type CellRankText = "[batch, inputSize] (rank 2)";

/**
 * The cell rule: [batch, inputSize] → [batch, hiddenSize].
 *
 * @example
 * type S = CellRule<"lstmCell(10, 20)", 10, 20, [number, 10]>; //=> [number, 20]
 */
export type CellRule<Layer extends string, InputSize, HiddenSize, Input> = Input extends readonly [
  infer Batch,
  infer Features extends Dim,
]
  ? IsUnknown<Features> extends true
    ? [Batch, HiddenSize]
    : Features extends InputSize
      ? [Batch, HiddenSize]
      : writeInputSizeMessage<Layer, Features>
  : writeRankMessage<Layer, CellRankText, Input extends Shape ? Input["length"] : 0>;
