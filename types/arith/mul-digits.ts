import type { AddDigits } from "./add-digits.ts";
import type { MulTable } from "./tables.ts";

/** Reversed digit string A times one digit, reversed. */
export type MulDigit<A extends string, Digit extends string, Carry extends string = "0", Product extends string = ""> =
  Digit extends "0"
    ? "0"
    : Digit extends "1"
      ? A
      : A extends `${infer X}${infer Rest}`
        ? MulTable[`${Carry}${X}${Digit}` & keyof MulTable] extends `${infer Out}${infer NextCarry}`
          ? MulDigit<Rest, Digit, NextCarry, `${Product}${Out}`>
          : never
        : Carry extends "0" ? Product : `${Product}${Carry}`;

/**
 * Reversed digit string A times the most-significant-first digit string B, reversed, by Horner's
 * rule: for each digit d of B, Product = Product × 10 + A × d (× 10 is a leading "0" when reversed).
 */
export type MulDigits<A extends string, B extends string, Product extends string = ""> =
  B extends `${infer Digit}${infer Rest}`
    ? AddDigits<`0${Product}`, MulDigit<A, Digit>> extends infer Next extends string
      ? MulDigits<A, Rest, Next>
      : never
    : Product;
