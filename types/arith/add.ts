import type { AddDigits } from "./add-digits.ts";
import type { Reverse } from "./digits.ts";
import type { Failed, Operands } from "./operand.ts";
import type { Result } from "./result.ts";

/**
 * A + B of non-negative integer literal types, computed digit by digit.
 *
 * Note: exact up to Number.MAX_SAFE_INTEGER; past it, or for a negative, fractional, union, `any`
 * or `never` operand, the result is an `Invalid` whose message says which.
 *
 * @example
 * type R = Add<9007199254740990, 1>;
 * //=> 9007199254740991
 * type U = Add<number, 1>;
 * //=> number
 */
export type Add<A, B> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? Result<"Add", A, B, AddDigits<Reverse<DigitsA>, Reverse<DigitsB>>>
    : Failed<"Add", A, B, Operands<A, B>>;
