// embedding: every index becomes a vector of embeddingDim; the table is numEmbeddings·embeddingDim.
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { EmbeddingConfig } from "./embedding.nn.ts";

/** `appends 300`; `numEmbeddings·embeddingDim` parameters. */
export const embedding: Explainer<EmbeddingConfig> = (layer) => {
  const [numEmbeddings, embeddingDim] = [count(layer.numEmbeddings), count(layer.embeddingDim)];
  return { arithmetic: [`appends ${embeddingDim}`], params: numEmbeddings * embeddingDim };
};
