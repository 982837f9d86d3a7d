import type { AddDigits } from "./add-digits.ts";
import type { Reverse, StripZeros, ToNumber } from "./digits.ts";
import type { DivideDigits, Want } from "./divide-digits.ts";
import type { Invalid } from "./invalid.ts";
import type { Failed, Operands, Written } from "./operand.ts";

/** The digits A ÷ B asks for, or `number`, or an `Invalid` (division by zero included). */
type Divide<Name extends string, A, B, Wanted extends Want> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? DigitsB extends "0"
      ? Invalid<`${Written<Name, A, B>}: division by zero`>
      : DivideDigits<DigitsA, DigitsB, Wanted>
    : Operands<A, B> extends number
      ? B extends 0
        ? Invalid<`${Written<Name, A, B>}: division by zero`>
        : number
      : Failed<Name, A, B, Operands<A, B>>;

/**
 * ⌊A / B⌋ of non-negative integer literal types, by long division on decimal digits.
 *
 * Note: exact up to Number.MAX_SAFE_INTEGER. Division by zero is an `Invalid`, also when A is
 * `number`. Dividing by one digit is cheapest; a divisor of two or three digits (not a product of
 * two digits) costs most per quotient digit.
 *
 * @example
 * type R = FloorDiv<25, 2>;
 * //=> 12
 * type E = FloorDiv<1, 0>;
 * //=> Invalid<"FloorDiv<1, 0>: division by zero">
 */
export type FloorDiv<A, B> =
  Divide<"FloorDiv", A, B, "quotient"> extends infer Done
    ? Done extends string
      ? ToNumber<StripZeros<Done>>
      : Done
    : never;

/**
 * ⌈A / B⌉ of non-negative integer literal types (tfjs's "same" padding: ⌈28 / 3⌉ = 10).
 *
 * Note: as `FloorDiv`: exact up to Number.MAX_SAFE_INTEGER, division by zero is an `Invalid`.
 *
 * @example
 * type R = CeilDiv<28, 3>;
 * //=> 10
 */
export type CeilDiv<A, B> =
  Divide<"CeilDiv", A, B, "exact"> extends infer Done
    ? Done extends [infer Quotient extends string, infer Exact]
      ? Exact extends true
        ? ToNumber<StripZeros<Quotient>>
        : ToNumber<AddDigits<Reverse<StripZeros<Quotient>>, "1">>
      : Done
    : never;

/**
 * A mod B of non-negative integer literal types: what is left of A after ⌊A / B⌋ times B.
 *
 * Note: as `FloorDiv`: exact up to Number.MAX_SAFE_INTEGER, division by zero is an `Invalid`.
 *
 * @example
 * type R = Mod<28, 3>;
 * //=> 1
 */
export type Mod<A, B> =
  Divide<"Mod", A, B, "remainder"> extends infer Done
    ? Done extends string
      ? ToNumber<StripZeros<Done>>
      : Done
    : never;
