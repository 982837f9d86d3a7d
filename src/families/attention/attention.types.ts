// PyTorch's multi-head self-attention (MultiheadAttention with batch_first=True, query = key = value):
// [batch, seq, embedDim] → the same shape. Twin: src/families/attention/attention.ts.
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";
import type { SequenceRankText } from "../recurrent/recurrent.types.ts";

/** The message when the input's last dimension differs from embedDim. */
export type writeEmbedDimMessage<
  Layer extends string,
  Features extends Dim,
> = `${Layer}: embedDim must equal the last input dimension ${Features & number}`;

/**
 * The self-attention rule: [batch, seq, embedDim] → [batch, seq, embedDim].
 *
 * @example
 * type S = AttentionRule<"multiheadAttention(512, 8)", 512, [number, 10, 512]>;
 * //=> [number, 10, 512]
 */
export type AttentionRule<Layer extends string, EmbedDim, Input> = Input extends readonly [
  infer Batch,
  infer Seq,
  infer Features extends Dim,
]
  ? Features extends string
    ? Input
    : IsUnknown<Features> extends true
      ? [Batch, Seq, EmbedDim]
      : Features extends EmbedDim
        ? Input
        : writeEmbedDimMessage<Layer, Features>
  : writeRankMessage<Layer, SequenceRankText<"embedDim">, Input extends Shape ? Input["length"] : 0>;
