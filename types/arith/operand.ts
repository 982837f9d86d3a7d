import type { CompareDigits } from "./compare-digits.ts";
import type { MaxSafeDigits } from "./digits.ts";
import type { Invalid } from "./invalid.ts";

type IsAny<Value> = 0 extends 1 & Value ? true : false;
type IsUnion<Value, Whole = Value> = Value extends unknown ? ([Whole] extends [Value] ? false : true) : never;

/**
 * Checks one operand of `Operation` (its written form, e.g. "Sub<3, 5>"): the digits of a valid
 * number, `number` for an unknown one, an `Invalid` passed on unchanged, or a new `Invalid`.
 */
export type Operand<Operation extends string, Value> =
  IsAny<Value> extends true ? Invalid<`${Operation}: an operand is any; a dimension must be a number literal`>
  : [Value] extends [never] ? Invalid<`${Operation}: an operand is never`>
  : [Value] extends [Invalid<string>] ? Value
  : true extends IsUnion<Value> ? Invalid<`${Operation}: an operand is a union; a dimension must be one number`>
  : Value extends number
    ? number extends Value ? number
      : `${Value}` extends `-${string}` ? Invalid<`${Operation}: ${Value} is negative`>
      : `${Value}` extends `${string}.${string}` ? Invalid<`${Operation}: ${Value} is not an integer`>
      : `${Value}` extends `${string}e${string}` ? Invalid<`${Operation}: ${Value} is past Number.MAX_SAFE_INTEGER`>
      : CompareDigits<`${Value}`, MaxSafeDigits> extends "gt" ? Invalid<`${Operation}: ${Value} is past Number.MAX_SAFE_INTEGER`>
      : `${Value}`
    : Invalid<`${Operation}: an operand is not a number`>;

/** Both operands checked: [digitsA, digitsB], or `number`, or the first `Invalid`. */
export type Operands<Operation extends string, A, B> =
  Operand<Operation, A> extends infer DigitsA
    ? Operand<Operation, B> extends infer DigitsB
      ? DigitsA extends Invalid<string> ? DigitsA
        : DigitsB extends Invalid<string> ? DigitsB
        : DigitsA extends string ? DigitsB extends string ? [DigitsA, DigitsB] : number
        : number
      : never
    : never;

/** Writes an operation and its operands for messages: "Sub<3, 5>". */
export type Written<Name extends string, A, B> = `${Name}<${Show<A>}, ${Show<B>}>`;
type Show<Value> = IsAny<Value> extends true ? "any"
  : [Value] extends [never] ? "never"
  : [Value] extends [Invalid<string>] ? "Invalid"
  : [Value] extends [number] ? (number extends Value ? "number" : true extends IsUnion<Value> ? "union" : `${Value}`)
  : "?";
