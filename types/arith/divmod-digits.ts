import type { CompareDigits } from "./compare-digits.ts";
import type { Reverse, StripZeros } from "./digits.ts";
import type { MulDigit } from "./mul-digits.ts";
import type { SubDigits } from "./sub-digits.ts";

/** B × 1 … B × 9 as most-significant-first digit strings (index 0 is B × 1). */
type Multiples<B extends string, ReversedB extends string = Reverse<B>> = [
  Reverse<MulDigit<ReversedB, "1">>, Reverse<MulDigit<ReversedB, "2">>, Reverse<MulDigit<ReversedB, "3">>,
  Reverse<MulDigit<ReversedB, "4">>, Reverse<MulDigit<ReversedB, "5">>, Reverse<MulDigit<ReversedB, "6">>,
  Reverse<MulDigit<ReversedB, "7">>, Reverse<MulDigit<ReversedB, "8">>, Reverse<MulDigit<ReversedB, "9">>,
];

/** The largest q in 0–9 with B × q ≤ Value, as [q, B × q]. */
type QuotientDigit<Value extends string, Table extends string[], Count extends unknown[] = []> =
  Count["length"] extends 9
    ? [9, Table[8]]
    : CompareDigits<Table[Count["length"]], Value> extends "gt"
      ? Count extends [unknown, ...infer Fewer] ? [Count["length"], Table[Fewer["length"]]] : [0, "0"]
      : QuotientDigit<Value, Table, [...Count, unknown]>;

type Minus<A extends string, B extends string> = StripZeros<Reverse<SubDigits<Reverse<A>, Reverse<B>>>>;

/**
 * Long division of most-significant-first digit strings, B ≠ "0": [quotient, remainder].
 * Appending a digit to the running remainder is "× 10 + digit".
 */
export type DivModDigits<
  A extends string,
  B extends string,
  Table extends string[] = Multiples<B>,
  Quotient extends string = "",
  Remainder extends string = "0",
> = A extends `${infer Digit}${infer Rest}`
  ? StripZeros<`${Remainder}${Digit}`> extends infer Value extends string
    ? QuotientDigit<Value, Table> extends [infer Q extends number, infer Taken extends string]
      ? Minus<Value, Taken> extends infer Left extends string
        ? DivModDigits<Rest, B, Table, `${Quotient}${Q}`, Left>
        : never
      : never
    : never
  : [StripZeros<Quotient>, Remainder];
