// Twin of types/shape/embedding.ts: every index becomes a vector of embeddingDim.
import type { RuntimeShape } from "./dims.ts";

/** The embedding rule: [...indices] → [...indices, embeddingDim]. */
export const embeddingRule = (embeddingDim: number, input: RuntimeShape): RuntimeShape => [...input, embeddingDim];
