// Rules of layers that keep their input's shape: activations, dropout, and softmax over a `dim`.
// Twin: src/families/activation/activation.ts.
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

/** Softmax-like rules: the shape is kept, `Dim` must name one of its dimensions. */
export type DimRule<Layer extends string, Dim extends number, Input> = Input extends Shape
  ? DimIndex<Dim, Input["length"]> extends false
    ? writeDimRangeMessage<Layer, "dim", Dim, Input["length"]>
    : Input
  : never;
