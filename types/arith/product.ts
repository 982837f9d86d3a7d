import type { Mul } from "./mul.ts";

/**
 * The product of a tuple of dimensions (1 for an empty tuple), as flatten computes it.
 *
 * Note: exact up to Number.MAX_SAFE_INTEGER; the first bad dimension's `Invalid` (or a product past
 * the limit) is the result. Each step's product is computed before the next, so long tuples do not
 * nest types.
 *
 * @example
 * type R = Product<[64, 12, 12]>;
 * //=> 9216
 * type U = Product<[64, number, 12]>;
 * //=> number
 */
export type Product<Dimensions extends readonly unknown[], SoFar = 1> = Dimensions extends readonly [
  infer First,
  ...infer Rest,
]
  ? Mul<SoFar, First> extends infer Next
    ? Product<Rest, Next>
    : never
  : SoFar;
