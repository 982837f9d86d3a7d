// PyTorch's recurrent layers (LSTM, GRU) with batch_first=True: [batch, seq, inputSize] →
// [batch, seq, directions × hiddenSize] (LSTM with projSize: directions × projSize). Twin: src/families/recurrent/recurrent.ts.
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";

/** The message when the input's feature dimension differs from inputSize. */
export type writeInputSizeMessage<
  Layer extends string,
  Features extends Dim,
> = `${Layer}: inputSize must equal the last input dimension ${Features & number}`;

/** How messages name the input of a sequence layer. */
export type SequenceRankText<Features extends string> = `[batch, seq, ${Features}] (rank 3)`;

/**
 * The recurrent rule: [batch, seq, inputSize] → [batch, seq, outFeatures].
 *
 * @example
 * type S = RecurrentRule<"lstm(300, 128, { bidirectional: true })", 300, 256, [number, 12, 300]>;
 * //=> [number, 12, 256]
 */
export type RecurrentRule<Layer extends string, InputSize, OutFeatures, Input> = Input extends readonly [
  infer Batch,
  infer Seq,
  infer Features extends Dim,
]
  ? IsUnknown<Features> extends true
    ? [Batch, Seq, OutFeatures]
    : Features extends InputSize
      ? [Batch, Seq, OutFeatures]
      : writeInputSizeMessage<Layer, Features>
  : writeRankMessage<Layer, SequenceRankText<"features">, Input extends Shape ? Input["length"] : 0>;
