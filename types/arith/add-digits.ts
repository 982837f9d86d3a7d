import type { AddTable } from "./tables.ts";

/** Sum of two reversed digit strings, reversed. */
export type AddDigits<A extends string, B extends string, Carry extends string = "0", Sum extends string = ""> =
  A extends `${infer X}${infer RestA}`
    ? B extends `${infer Y}${infer RestB}`
      ? AddTable[`${Carry}${X}${Y}` & keyof AddTable] extends `${infer Digit}${infer NextCarry}`
        ? AddDigits<RestA, RestB, NextCarry, `${Sum}${Digit}`>
        : never
      : Carry extends "0"
        ? `${Sum}${A}`
        : AddDigits<A, "0", Carry, Sum>
    : B extends ""
      ? Carry extends "0" ? Sum : `${Sum}1`
      : AddDigits<B, "", Carry, Sum>;
