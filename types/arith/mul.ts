import type { StripZeros } from "./digits.ts";
import type { MulDigits, Rows, Start } from "./mul-digits.ts";
import type { Failed, Operands } from "./operand.ts";
import type { Result } from "./result.ts";
import type { SmallProduct } from "./tables.ts";

/**
 * A × B of non-negative integer literal types, by long multiplication on decimal digits (two factors
 * from 2 to 64: from a table).
 *
 * Note: exact up to Number.MAX_SAFE_INTEGER; a larger product is an `Invalid` whose message shows
 * its digits.
 *
 * @example
 * type R = Mul<Mul<64, 12>, 12>;
 * //=> 9216
 */
export type Mul<A, B> =
  Operands<A, B> extends [infer DigitsA extends string, infer DigitsB extends string]
    ? DigitsA extends "0" | "1"
      ? DigitsA extends "0"
        ? 0
        : B
      : DigitsB extends "0" | "1"
        ? DigitsB extends "0"
          ? 0
          : A
        : SmallProductOf<DigitsA, DigitsB> extends infer Product extends number
          ? Product // both from 2 to 64: heads × head size, 4 × 16
          : Result<
              "Mul",
              A,
              B,
              StripZeros<
                Rows<DigitsA, DigitsB> extends "B"
                  ? MulDigits<Start<DigitsA>, DigitsB>
                  : MulDigits<Start<DigitsB>, DigitsA>
              >
            >
    : Failed<"Mul", A, B, Operands<A, B>>;

/** A × B from the table when both are from 2 to 64 (a tenth of the digits' cost), else `false`. */
type SmallProductOf<A extends string, B extends string> = A extends keyof SmallProduct
  ? B extends keyof SmallProduct[A]
    ? SmallProduct[A][B]
    : false
  : false;
