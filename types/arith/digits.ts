// Decimal digit strings: the representation the arithmetic works on.
// A number N is written `${N}`; the digit loops walk strings reversed (least significant digit
// first) so that carries travel in the direction template-literal inference reads.

/** Reverses a string, four characters per step to keep recursion short. */
export type Reverse<Text extends string, Done extends string = ""> =
  Text extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
    ? Reverse<Rest, `${D}${C}${B}${A}${Done}`>
    : Text extends `${infer A}${infer Rest}`
      ? Reverse<Rest, `${A}${Done}`>
      : Done;

/** Drops leading zeros of a most-significant-first digit string ("007" → "7", "000" → "0"). */
export type StripZeros<Digits extends string> = Digits extends `0${infer Rest}`
  ? Rest extends ""
    ? "0"
    : StripZeros<Rest>
  : Digits;

/** A most-significant-first digit string as a number literal type. */
export type ToNumber<Digits extends string> = Digits extends `${infer Value extends number}` ? Value : never;

/** Number.MAX_SAFE_INTEGER as digits: the largest value the arithmetic is exact for. */
export type MaxSafeDigits = "9007199254740991";
