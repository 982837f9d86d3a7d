// A dimension argument (`dim`, `startDim`, …), negative counting from the end as in PyTorch.
// Twin: src/shape/dim-index.ts.
import type { Sub, Compare } from "../arith/index.ts";
import type { IsUnion } from "./args.ts";

/** The index a dimension argument names in a shape of rank `Rank`, or `false` when out of range (a union too). */
export type DimIndex<D extends number, Rank extends number> =
  IsUnion<D> extends true
    ? false
    : Rank extends keyof SmallRanks
      ? `${D}` extends infer Key extends keyof SmallRanks[Rank]
        ? SmallRanks[Rank][Key]
        : false
      : `${D}` extends `-${infer Back extends number}`
        ? Sub<Rank, Back> extends infer Index extends number
          ? Index
          : false
        : Compare<D, Rank> extends "lt"
          ? D
          : false;

// The indices of shapes up to rank 8, written out: a lookup instead of the arithmetic (which a new
// checker, after each edit in an editor, would read again: ~5 ms the first time).
interface SmallRanks {
  0: {};
  1: { "0": 0; "-1": 0 };
  2: { "0": 0; "1": 1; "-1": 1; "-2": 0 };
  3: { "0": 0; "1": 1; "2": 2; "-1": 2; "-2": 1; "-3": 0 };
  4: { "0": 0; "1": 1; "2": 2; "3": 3; "-1": 3; "-2": 2; "-3": 1; "-4": 0 };
  5: { "0": 0; "1": 1; "2": 2; "3": 3; "4": 4; "-1": 4; "-2": 3; "-3": 2; "-4": 1; "-5": 0 };
  6: { "0": 0; "1": 1; "2": 2; "3": 3; "4": 4; "5": 5; "-1": 5; "-2": 4; "-3": 3; "-4": 2; "-5": 1; "-6": 0 };
  7: {
    "0": 0;
    "1": 1;
    "2": 2;
    "3": 3;
    "4": 4;
    "5": 5;
    "6": 6;
    "-1": 6;
    "-2": 5;
    "-3": 4;
    "-4": 3;
    "-5": 2;
    "-6": 1;
    "-7": 0;
  };
  8: {
    "0": 0;
    "1": 1;
    "2": 2;
    "3": 3;
    "4": 4;
    "5": 5;
    "6": 6;
    "7": 7;
    "-1": 7;
    "-2": 6;
    "-3": 5;
    "-4": 4;
    "-5": 3;
    "-6": 2;
    "-7": 1;
    "-8": 0;
  };
}

/** The message when a dimension argument is out of range. */
export type writeDimRangeMessage<
  Layer extends string,
  Name extends string,
  D extends number,
  Rank extends number,
> = `${Layer}: ${Name} ${D} is out of range for an input of rank ${Rank} (expected -${Rank} to ${Sub<Rank, 1> & number})`;
