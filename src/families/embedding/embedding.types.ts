// PyTorch's embedding lookup (Embedding): every index becomes a vector of embeddingDim.
// Twin: src/families/embedding/embedding.ts.
import type { Shape } from "../../../types/shape/dims.ts";

/**
 * The embedding rule: [...indices] → [...indices, embeddingDim] (any input shape; its values are indices).
 *
 * @example
 * type S = EmbeddingRule<300, [number, 12]>;
 * //=> [number, 12, 300]
 */
export type EmbeddingRule<EmbeddingDim, Input> = Input extends Shape ? [...Input, EmbeddingDim] : never;
