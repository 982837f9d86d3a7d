import type { CompareDigits } from "./compare-digits.ts";
import type { Reverse, StripZeros, ToNumber } from "./digits.ts";
import type { Invalid } from "./invalid.ts";
import type { Operands, Written } from "./operand.ts";
import type { SubDigits } from "./sub-digits.ts";

/**
 * A − B of non-negative integer literal types.
 *
 * @example
 * type R = Sub<28, 3>;
 * //=> 25
 * type E = Sub<3, 5>;
 * //=> Invalid<"Sub<3, 5>: the result would be below zero">
 */
export type Sub<A, B> =
  Operands<Written<"Sub", A, B>, A, B> extends infer Checked
    ? Checked extends [infer DigitsA extends string, infer DigitsB extends string]
      ? CompareDigits<DigitsA, DigitsB> extends "lt"
        ? Invalid<`${Written<"Sub", A, B>}: the result would be below zero`>
        : ToNumber<StripZeros<Reverse<SubDigits<Reverse<DigitsA>, Reverse<DigitsB>>>>>
      : Checked
    : never;
