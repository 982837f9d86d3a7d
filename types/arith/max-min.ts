import type { CompareDigits } from "./compare-digits.ts";
import type { Failed, Operands } from "./operand.ts";

/**
 * The larger of A and B.
 *
 * Note: `number` for either operand gives `number`; a bad operand gives an `Invalid`.
 *
 * @example
 * type R = Max<3, 12>;
 * //=> 12
 * type U = Max<3, number>;
 * //=> number
 */
export type Max<A, B> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? CompareDigits<DigitsA, DigitsB> extends "lt"
      ? B
      : A
    : Failed<"Max", A, B, Operands<A, B>>;

/**
 * The smaller of A and B.
 *
 * Note: `number` for either operand gives `number`; a bad operand gives an `Invalid`.
 *
 * @example
 * type R = Min<3, 12>;
 * //=> 3
 */
export type Min<A, B> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? CompareDigits<DigitsA, DigitsB> extends "gt"
      ? B
      : A
    : Failed<"Min", A, B, Operands<A, B>>;
