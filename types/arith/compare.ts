import type { CompareDigits } from "./compare-digits.ts";
import type { Failed, Operands } from "./operand.ts";

/**
 * How A compares with B: "lt", "eq" or "gt".
 *
 * Note: `number` for either operand gives `"lt" | "eq" | "gt"` (not known); a bad operand gives
 * an `Invalid`.
 *
 * @example
 * type R = Compare<9216, 9000>;
 * //=> "gt"
 */
export type Compare<A, B> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? CompareDigits<DigitsA, DigitsB>
    : Failed<"Compare", A, B, Operands<A, B>> extends infer Done
      ? Done extends number
        ? "lt" | "eq" | "gt"
        : Done
      : never;
