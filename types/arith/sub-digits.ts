import type { Reverse } from "./digits.ts";
import type { SubBorrow, SubDigit } from "./tables.ts";

/**
 * A − B for two reversed digit strings (least significant digit first), written most significant
 * digit first and possibly with leading zeros; "-" when B > A.
 */
export type SubDigits<
  A extends string,
  B extends string,
  Borrow extends string = "0",
  Difference extends string = "",
> = A extends `${infer X}${infer RestA}`
  ? B extends `${infer Y}${infer RestB}`
    ? SubDigits<RestA, RestB, SubBorrow[`${Borrow}${X}${Y}`], `${SubDigit[`${Borrow}${X}${Y}`]}${Difference}`>
    : Borrow extends "0"
      ? `${Reverse<A>}${Difference}`
      : SubDigits<RestA, "", SubBorrow[`1${X}0`], `${SubDigit[`1${X}0`]}${Difference}`>
  : B extends ""
    ? Borrow extends "0"
      ? Difference
      : "-"
    : "-";
