// multiheadAttention: the output has the query's shape with embedDim features; PyTorch's in_proj
// (3E × E, or E × E + E × kdim + E × vdim with other kdim/vdim, + 3E) and out_proj (E × E + E).
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { MultiheadAttentionConfig } from "./attention.nn.ts";

export const multiheadAttention: Explainer<MultiheadAttentionConfig> = (layer) => {
  const embedDim = count(layer.embedDim);
  const kdim = count(layer.kdim ?? layer.embedDim);
  const vdim = count(layer.vdim ?? layer.embedDim);
  return {
    arithmetic: [],
    params: embedDim * (2 * embedDim + kdim + vdim) + (layer.bias ? 4 * embedDim : 0),
  };
};
