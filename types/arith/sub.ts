import type { Reverse, StripZeros, ToNumber } from "./digits.ts";
import type { Invalid } from "./invalid.ts";
import type { Failed, Operands, Written } from "./operand.ts";
import type { SubDigits } from "./sub-digits.ts";

/**
 * A − B of non-negative integer literal types.
 *
 * Note: a result below zero is an `Invalid`, never a negative number.
 *
 * @example
 * type R = Sub<28, 3>;
 * //=> 25
 * type E = Sub<3, 5>;
 * //=> Invalid<"Sub<3, 5>: the result would be below zero">
 */
export type Sub<A, B> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? SubDigits<Reverse<DigitsA>, Reverse<DigitsB>> extends `${infer Difference}`
      ? Difference extends "-"
        ? Invalid<`${Written<"Sub", A, B>}: the result would be below zero`>
        : ToNumber<StripZeros<Difference>>
      : never
    : Failed<"Sub", A, B, Operands<A, B>>;
