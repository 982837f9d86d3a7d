// Twin of types/shape/activation.ts: softmax-like rules keep the shape; `dim` must be in range.
import { ShapeError } from "../errors.ts";
import { dimIndex, writeDimRangeMessage } from "./dim-index.ts";
import type { RuntimeShape } from "./dims.ts";

export function dimRule(layer: string, dim: number, input: RuntimeShape): RuntimeShape {
  if (dimIndex(dim, input.length) === false) throw new ShapeError(writeDimRangeMessage(layer, "dim", dim, input.length));
  return input;
}
