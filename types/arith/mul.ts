import type { StripZeros } from "./digits.ts";
import type { MulDigits, Rows, Start } from "./mul-digits.ts";
import type { Failed, Operands } from "./operand.ts";
import type { Result } from "./result.ts";

/**
 * A × B of non-negative integer literal types, by long multiplication on decimal digits.
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
