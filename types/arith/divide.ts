import type { AddDigits } from "./add-digits.ts";
import type { Reverse, ToNumber } from "./digits.ts";
import type { DivModDigits } from "./divmod-digits.ts";
import type { Invalid } from "./invalid.ts";
import type { Operands, Written } from "./operand.ts";

/** [quotient digits, remainder digits] of A / B, or `number`, or an `Invalid`. */
type Divide<Name extends string, A, B> =
  Operands<Written<Name, A, B>, A, B> extends infer Checked
    ? Checked extends [infer DigitsA extends string, infer DigitsB extends string]
      ? DigitsB extends "0"
        ? Invalid<`${Written<Name, A, B>}: division by zero`>
        : DivModDigits<DigitsA, DigitsB>
      : Checked
    : never;

/**
 * ⌊A / B⌋ of non-negative integer literal types, by long division.
 *
 * @example
 * type R = FloorDiv<25, 2>;
 * //=> 12
 * type E = FloorDiv<1, 0>;
 * //=> Invalid<"FloorDiv<1, 0>: division by zero">
 */
export type FloorDiv<A, B> =
  Divide<"FloorDiv", A, B> extends infer Done
    ? Done extends [infer Quotient extends string, string] ? ToNumber<Quotient> : Done
    : never;

/**
 * ⌈A / B⌉ of non-negative integer literal types (tfjs's "same" padding: ⌈28 / 3⌉ = 10).
 *
 * @example
 * type R = CeilDiv<28, 3>;
 * //=> 10
 */
export type CeilDiv<A, B> =
  Divide<"CeilDiv", A, B> extends infer Done
    ? Done extends [infer Quotient extends string, infer Remainder extends string]
      ? Remainder extends "0" ? ToNumber<Quotient> : ToNumber<Reverse<AddDigits<Reverse<Quotient>, "1">>>
      : Done
    : never;

/**
 * A mod B of non-negative integer literal types.
 *
 * @example
 * type R = Mod<28, 3>;
 * //=> 1
 */
export type Mod<A, B> =
  Divide<"Mod", A, B> extends infer Done
    ? Done extends [string, infer Remainder extends string] ? ToNumber<Remainder> : Done
    : never;
