import type { DigitCompareTable } from "./tables.ts";

/** How two most-significant-first digit strings without leading zeros compare. */
export type CompareDigits<A extends string, B extends string, SoFar extends string = "eq"> =
  A extends `${infer X}${infer RestA}`
    ? B extends `${infer Y}${infer RestB}`
      ? CompareDigits<RestA, RestB, SoFar extends "eq" ? DigitCompareTable[`${X}${Y}` & keyof DigitCompareTable] : SoFar>
      : "gt" // A is longer
    : B extends ""
      ? SoFar
      : "lt"; // B is longer
