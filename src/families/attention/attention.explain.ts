// multiheadAttention (self-attention): the shape is kept; PyTorch's in_proj (3E × E + 3E) and out_proj (E × E + E).
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { MultiheadAttentionConfig } from "./attention.nn.ts";

export const multiheadAttention: Explainer<MultiheadAttentionConfig> = (layer) => {
  const embedDim = count(layer.embedDim);
  return { arithmetic: [], params: 4 * embedDim * embedDim + (layer.bias ? 4 * embedDim : 0) };
};
