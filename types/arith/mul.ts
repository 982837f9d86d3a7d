import type { Reverse, StripZeros } from "./digits.ts";
import type { MulDigits } from "./mul-digits.ts";
import type { Operands, Written } from "./operand.ts";
import type { Result } from "./result.ts";

/**
 * A × B of non-negative integer literal types, by long multiplication on decimal digits.
 *
 * @example
 * type R = Mul<Mul<64, 12>, 12>;
 * //=> 9216
 *
 * Note: exact up to Number.MAX_SAFE_INTEGER; a larger product is an `Invalid`.
 */
export type Mul<A, B> =
  Operands<Written<"Mul", A, B>, A, B> extends infer Checked
    ? Checked extends [infer DigitsA extends string, infer DigitsB extends string]
      ? Result<Written<"Mul", A, B>, StripZeros<Reverse<MulDigits<Reverse<DigitsA>, DigitsB>>>>
      : Checked
    : never;
