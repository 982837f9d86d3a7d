// embedding: every index becomes a vector of embeddingDim; the table is numEmbeddings·embeddingDim.
import { size, type Explainer } from "../../explain/kinds/support.ts";

/** `appends 300`; `numEmbeddings·embeddingDim` parameters. */
export const embedding: Explainer = (layer) => {
  const [count, width] = [size(layer, "numEmbeddings"), size(layer, "embeddingDim")];
  return { arithmetic: [`appends ${width}`], params: count * width };
};
