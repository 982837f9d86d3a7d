import type { CompareDigits } from "./compare-digits.ts";
import type { Operands, Written } from "./operand.ts";

/**
 * How A compares with B: "lt", "eq" or "gt".
 *
 * @example
 * type R = Compare<9216, 9000>;
 * //=> "gt"
 *
 * Note: `number` for either operand gives `"lt" | "eq" | "gt"` (not known); a bad operand gives
 * an `Invalid`.
 */
export type Compare<A, B> =
  Operands<Written<"Compare", A, B>, A, B> extends infer Checked
    ? Checked extends [infer DigitsA extends string, infer DigitsB extends string]
      ? CompareDigits<DigitsA, DigitsB>
      : Checked extends number ? "lt" | "eq" | "gt" : Checked
    : never;
