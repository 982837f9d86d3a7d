// A dimension argument (`dim`, `startDim`, …), negative counting from the end as in PyTorch.
// Twin: src/shape/dim-index.ts.
import type { Sub, Compare } from "../arith/index.ts";

/** The index a dimension argument names in a shape of rank `Rank`, or `false` when out of range. */
export type DimIndex<D extends number, Rank extends number> =
  `${D}` extends `-${infer Back extends number}`
    ? Sub<Rank, Back> extends infer Index extends number ? Index : false
    : Compare<D, Rank> extends "lt" ? D : false;

/** The message when a dimension argument is out of range. */
export type writeDimRangeMessage<Layer extends string, Name extends string, D extends number, Rank extends number> =
  `${Layer}: ${Name} ${D} is out of range for an input of rank ${Rank} (expected -${Rank} to ${Sub<Rank, 1> & number})`;
