// Rule of nn.embeddingBag (PyTorch's EmbeddingBag without offsets): [bags, n] indices → [bags, embeddingDim], each
// bag's n vectors reduced (sum, mean or max). PyTorch's 1-d form needs offsets, a second input: refused here.
// Twin: src/families/embedding/embedding-bag.ts.
import type { Shape } from "../../../types/shape/dims.ts";

/** The message for a 1-d input (PyTorch needs offsets with it). */
export type writeEmbeddingBagOffsetsMessage<Layer extends string> =
  `${Layer}: a 1-d input needs offsets (PyTorch's second argument), which a layer of a model does not take; give [bags, n] (rank 2)`;
/** The message for another rank. */
export type writeEmbeddingBagRankMessage<
  Layer extends string,
  Rank extends number,
> = `${Layer}: expects an input [bags, n] (rank 2), got rank ${Rank}`;

/**
 * The embedding bag rule: [bags, n] → [bags, embeddingDim].
 *
 * @example
 * type S = EmbeddingBagRule<"embeddingBag(1000, 64)", 64, [number, 20]>;
 * //=> [number, 64]
 */
export type EmbeddingBagRule<Layer extends string, EmbeddingDim, Input> = Input extends [infer Bags, unknown]
  ? [Bags, EmbeddingDim]
  : Input extends readonly [infer Bags, unknown]
    ? [Bags, EmbeddingDim]
    : Input extends readonly [unknown]
      ? writeEmbeddingBagOffsetsMessage<Layer>
      : writeEmbeddingBagRankMessage<Layer, Input extends Shape ? Input["length"] : 0>;
