import type { CompareDigits } from "./compare-digits.ts";
import type { MaxSafeDigits, ToNumber } from "./digits.ts";
import type { Invalid } from "./invalid.ts";

/** A computed digit string as a number, or an `Invalid` when it is past Number.MAX_SAFE_INTEGER. */
export type Result<Operation extends string, Digits extends string> =
  CompareDigits<Digits, MaxSafeDigits> extends "gt"
    ? Invalid<`${Operation}: the result ${Digits} is past Number.MAX_SAFE_INTEGER`>
    : ToNumber<Digits>;
