import type { AddDigits } from "./add-digits.ts";
import type { Reverse, StripZeros, ToNumber } from "./digits.ts";
import type { DivideDigits, Want } from "./divide-digits.ts";
import type { Invalid } from "./invalid.ts";
import type { Failed, Operands, Written } from "./operand.ts";

/** The digits A ÷ B asks for, or `number`, or an `Invalid` (division by zero included). */
type Divide<Name extends string, A, B, Wanted extends Want> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? DigitsB extends "0" ? Invalid<`${Written<Name, A, B>}: division by zero`> : DivideDigits<DigitsA, DigitsB, Wanted>
    : Operands<A, B> extends number
      ? B extends 0 ? Invalid<`${Written<Name, A, B>}: division by zero`> : number
      : Failed<Name, A, B, Operands<A, B>>;

/**
 * ⌊A / B⌋ of non-negative integer literal types, by long division.
 *
 * @example
 * type R = FloorDiv<25, 2>;
 * //=> 12
 * type E = FloorDiv<1, 0>;
 * //=> Invalid<"FloorDiv<1, 0>: division by zero">
 *
 * Note: division by zero is an `Invalid`, also when A is `number`.
 */
export type FloorDiv<A, B> =
  Divide<"FloorDiv", A, B, "quotient"> extends infer Done
    ? Done extends string ? ToNumber<StripZeros<Done>> : Done
    : never;

/**
 * ⌈A / B⌉ of non-negative integer literal types (tfjs's "same" padding: ⌈28 / 3⌉ = 10).
 *
 * @example
 * type R = CeilDiv<28, 3>;
 * //=> 10
 */
export type CeilDiv<A, B> =
  Divide<"CeilDiv", A, B, "exact"> extends infer Done
    ? Done extends [infer Quotient extends string, infer Exact]
      ? Exact extends true ? ToNumber<StripZeros<Quotient>> : ToNumber<AddDigits<Reverse<StripZeros<Quotient>>, "1">>
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
  Divide<"Mod", A, B, "remainder"> extends infer Done
    ? Done extends string ? ToNumber<StripZeros<Done>> : Done
    : never;
