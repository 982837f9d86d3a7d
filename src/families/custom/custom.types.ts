// Helpers for the shape rules users write for their own layers (defineLayer): what to do with a
// dimension that is a size, unknown (`number`) or named (a string). Twin: src/families/custom/custom.ts.
import type { FloorDiv, Mod, Mul } from "../../../types/arith/index.ts";

/**
 * `true` when dimension D can be `Size`: it is `Size`, or unknown (`number`) or named (a string), which
 * the runtime checks when data arrives; `false` when it is another size.
 *
 * @example
 * type A = DimFits<64, 64>; //=> true
 * type B = DimFits<number, 64>; //=> true
 * type C = DimFits<32, 64>; //=> false
 */
export type DimFits<D, Size extends number> = D extends Size
  ? true
  : number extends D
    ? true
    : D extends string
      ? true
      : number extends Size
        ? true
        : false;

/**
 * Dimension D times R: the product, or `number` (unknown) when D is unknown or named.
 *
 * @example
 * type A = DimTimes<8, 2>; //=> 16
 * type B = DimTimes<"h", 2>; //=> number
 */
export type DimTimes<D, R extends number> = D extends number ? (number extends D | R ? number : Mul<D, R>) : number;

/**
 * `true` when R divides dimension D, or when the compiler cannot know (D unknown or named).
 *
 * @example
 * type A = DimDivisible<12, 4>; //=> true
 * type B = DimDivisible<10, 4>; //=> false
 */
export type DimDivisible<D, R extends number> = D extends number
  ? number extends D | R
    ? true
    : Mod<D, R> extends 0
      ? true
      : false
  : true;

/**
 * Dimension D divided by R (which divides it: check with DimDivisible first), or `number` when unknown.
 *
 * @example
 * type A = DimQuotient<12, 4>; //=> 3
 */
export type DimQuotient<D, R extends number> = D extends number
  ? number extends D | R
    ? number
    : FloorDiv<D, R>
  : number;
