import type { Reverse } from "./digits.ts";
import type { AddCarry, AddDigit } from "./tables.ts";

/**
 * A + B for two reversed digit strings (least significant digit first), written most significant
 * digit first: each step reads one digit of each and puts the sum's digit in front of `Sum`.
 */
export type AddDigits<
  A extends string,
  B extends string,
  Carry extends string = "0",
  Sum extends string = "",
> = A extends `${infer X}${infer RestA}`
  ? B extends `${infer Y}${infer RestB}`
    ? AddDigits<RestA, RestB, AddCarry[`${Carry}${X}${Y}`], `${AddDigit[`${Carry}${X}${Y}`]}${Sum}`>
    : Carry extends "0"
      ? `${Reverse<A>}${Sum}`
      : AddDigits<RestA, "", AddCarry[`1${X}0`], `${AddDigit[`1${X}0`]}${Sum}`>
  : B extends ""
    ? Carry extends "0"
      ? Sum
      : `1${Sum}`
    : AddDigits<B, "", Carry, Sum>;
