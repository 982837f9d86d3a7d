import type { SubTable } from "./tables.ts";

/** Difference A − B of two reversed digit strings with A ≥ B, reversed (may end in zeros). */
export type SubDigits<A extends string, B extends string, Borrow extends string = "0", Difference extends string = ""> =
  A extends `${infer X}${infer RestA}`
    ? B extends `${infer Y}${infer RestB}`
      ? SubTable[`${Borrow}${X}${Y}` & keyof SubTable] extends `${infer Digit}${infer NextBorrow}`
        ? SubDigits<RestA, RestB, NextBorrow, `${Difference}${Digit}`>
        : never
      : Borrow extends "0"
        ? `${Difference}${A}`
        : SubDigits<A, "0", Borrow, Difference>
    : Difference;
