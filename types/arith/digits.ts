// Decimal digit strings: the representation the arithmetic works on.
// A number N is written `${N}`, most significant digit first. Carries travel from the units up,
// and template-literal inference reads a string from its front, so the loops that carry walk
// digit strings reversed (addition, subtraction) or as chunks from the units up (multiplication,
// long division); each writes its result most significant digit first.

/** Reverses a string, four characters per step. */
export type Reverse<
  Text extends string,
  Done extends string = "",
> = Text extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
  ? Reverse<Rest, `${D}${C}${B}${A}${Done}`>
  : Text extends `${infer A}${infer B}${infer Rest}` // two or three characters left: Rest is one or none
    ? `${Rest}${B}${A}${Done}`
    : `${Text}${Done}`;

/** Drops leading zeros of a most-significant-first digit string ("007" → "7", "000" → "0"). */
export type StripZeros<Digits extends string> = Digits extends `0${infer Rest}`
  ? Rest extends ""
    ? "0"
    : StripZeros<Rest>
  : Digits;

/** A most-significant-first digit string as a number literal type. */
export type ToNumber<Digits extends string> = Digits extends `${infer Value extends number}` ? Value : never;

/**
 * How a digit string's length compares with Number.MAX_SAFE_INTEGER's 16 digits: "short", "16" or
 * "more". One pattern: each `${string}` before the `infer` takes exactly one character.
 */
export type Length16<Digits extends string> =
  Digits extends `${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${infer Rest}`
    ? Rest extends ""
      ? "16"
      : "more"
    : "short";

/** Number.MAX_SAFE_INTEGER's digits: the largest value the arithmetic is exact for. */
export type MaxSafe = "9007199254740991";
