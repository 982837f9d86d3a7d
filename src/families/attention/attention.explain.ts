// multiheadAttention (self-attention): the shape is kept; PyTorch's in_proj (3E × E + 3E) and out_proj (E × E + E).
import { flag, size, type Explainer } from "../../explain/kinds/support.ts";

export const multiheadAttention: Explainer = (layer) => {
  const embedDim = size(layer, "embedDim");
  const bias = flag(layer, "bias", true);
  return { arithmetic: [], params: 4 * embedDim * embedDim + (bias ? 4 * embedDim : 0) };
};
