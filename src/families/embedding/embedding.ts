// Twin of src/families/embedding/embedding.types.ts: every index becomes a vector of embeddingDim.
import type { RuntimeShape } from "../../shape/dims.ts";

/** The embedding rule: [...indices] → [...indices, embeddingDim]. */
export const embeddingRule = (embeddingDim: number, input: RuntimeShape): RuntimeShape => [...input, embeddingDim];
