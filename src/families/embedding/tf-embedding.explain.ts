// layers.embedding: every index becomes a vector of outputDim; the table is inputDim·outputDim.
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { TfEmbeddingConfig } from "./tf-embedding.layers.ts";

export const tfEmbedding: Explainer<TfEmbeddingConfig> = (layer) => ({
  arithmetic: [`appends ${count(layer.outputDim)}`],
  params: count(layer.inputDim) * count(layer.outputDim),
});
