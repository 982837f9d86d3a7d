import type { DigitCompare } from "./tables.ts";

/** How the lengths of two strings compare, four characters per step. */
export type CompareLength<
  A extends string,
  B extends string,
> = A extends `${string}${string}${string}${string}${infer RestA}`
  ? B extends `${string}${string}${string}${string}${infer RestB}`
    ? CompareLength<RestA, RestB>
    : "gt"
  : B extends `${string}${string}${string}${string}${infer _}`
    ? "lt"
    : CompareShort<A, B>;

/** How the lengths of two strings of at most three characters compare. */
type CompareShort<A extends string, B extends string> = A extends `${string}${infer RestA}`
  ? B extends `${string}${infer RestB}`
    ? CompareShort<RestA, RestB>
    : "gt"
  : B extends ""
    ? "eq"
    : "lt";

/** How two digit strings of the same length compare: the first digit that differs decides. */
export type CompareSameLength<A extends string, B extends string> = A extends `${infer X}${infer RestA}`
  ? B extends `${X}${infer RestB}`
    ? CompareSameLength<RestA, RestB>
    : B extends `${infer Y}${string}`
      ? DigitCompare[`${X}${Y}`]
      : never
  : "eq";

/** How two most-significant-first digit strings without leading zeros compare. */
export type CompareDigits<A extends string, B extends string> = A extends B
  ? "eq"
  : CompareLength<A, B> extends infer Order extends string
    ? Order extends "eq"
      ? CompareSameLength<A, B>
      : Order
    : never;
