// Twin of src/families/activation/activation.types.ts: softmax-like rules keep the shape; `dim` must be in range.
import { checkedDimIndex } from "../../shape/dim-index.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

export function dimRule(layer: string, dim: number, input: RuntimeShape): RuntimeShape {
  checkedDimIndex(layer, "dim", dim, input.length);
  return input;
}
