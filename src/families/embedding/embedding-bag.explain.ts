// Explain row of embeddingBag: each bag of n indices → one vector (its mode); PyTorch's table numEmbeddings × embeddingDim.
import { count, dim, type Explainer } from "../../explain/kinds/support.ts";
import type { EmbeddingBagConfig } from "./embedding-bag.nn.ts";

export const embeddingBag: Explainer<EmbeddingBagConfig> = (layer, input) => ({
  arithmetic: [`${layer.mode} of ${dim(input[1])} → ${count(layer.embeddingDim)}`],
  params: count(layer.numEmbeddings) * count(layer.embeddingDim),
});
