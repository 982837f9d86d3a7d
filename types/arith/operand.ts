import type { Invalid } from "./invalid.ts";
import type { CompareSameLength } from "./compare-digits.ts";
import type { MaxSafe } from "./digits.ts";

/** What is wrong with one operand, without the operation's name; the operation writes the message. */
export interface Fault<Text extends string> {
  readonly fault: Text;
}

/**
 * One operand checked: its digits when it is a non-negative integer literal up to
 * Number.MAX_SAFE_INTEGER, `number` when it is unknown, an `Invalid` passed on unchanged, or a
 * `Fault`. The common case (one literal) costs a few conditional steps; the text of a fault is
 * only built in its own branch.
 */
export type Check<Value, Whole = Value> = 0 extends 1 & Value
  ? Fault<"an operand is any; a dimension must be a number literal">
  : [Value] extends [never]
    ? Fault<"an operand is never">
    : Value extends number // distributes over a union: every member then sees `Whole` ≠ itself
      ? [Whole] extends [Value]
        ? Literal<Value, `${Value}`>
        : [Whole] extends [number]
          ? Union
          : NotANumber
      : [Whole] extends [Value]
        ? Value extends Invalid<string>
          ? Value
          : NotANumber
        : NotANumber;
type Union = Fault<"an operand is a union; a dimension must be one number">;
type NotANumber = Fault<"an operand is not a number">;

/** A single number type, written as Text. */
type Literal<Value, Text extends string> = Text extends `${bigint}`
  ? Text extends `-${string}`
    ? Fault<`${Text} is negative`>
    : Text extends `${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${string}${infer Rest}`
      ? Rest extends ""
        ? CompareSameLength<Text, MaxSafe> extends "gt"
          ? PastMax<Text>
          : Text
        : PastMax<Text>
      : Text // at most 15 digits: the common case
  : number extends Value
    ? number
    : Text extends `-${string}`
      ? Fault<`${Text} is negative`>
      : Text extends `${string}e+${string}`
        ? PastMax<Text>
        : Fault<`${Text} is not an integer`>;
type PastMax<Text extends string> = Fault<`${Text} is past Number.MAX_SAFE_INTEGER`>;

/**
 * Both operands checked: [digitsA, digitsB] when both are literals; otherwise the first problem
 * (an `Invalid` or a `Fault`, A before B), or `number` when one is unknown and none is wrong.
 */
export type Operands<A, B> =
  Check<A> extends infer DigitsA
    ? Check<B> extends infer DigitsB
      ? DigitsA extends string
        ? DigitsB extends string
          ? [DigitsA, DigitsB]
          : DigitsB
        : DigitsA extends number
          ? DigitsB extends string | number
            ? number
            : DigitsB
          : DigitsA
      : never
    : never;

/** What an operation gives when its operands are not two literals: `number`, or an `Invalid`. */
export type Failed<Operation extends string, A, B, Checked> =
  Checked extends Fault<infer Text> ? Invalid<`${Written<Operation, A, B>}: ${Text}`> : Checked;

/** Writes an operation and its operands for a message: "Sub<3, 5>". */
export type Written<Operation extends string, A, B> = `${Operation}<${Show<A>}, ${Show<B>}>`;

type Show<Value> = 0 extends 1 & Value
  ? "any"
  : [Value] extends [never]
    ? "never"
    : [Value] extends [Invalid<string>]
      ? "Invalid"
      : [Value] extends [boolean]
        ? boolean extends Value
          ? "boolean"
          : `${Value & boolean}`
        : IsUnion<Value> extends true
          ? "union"
          : Value extends number
            ? number extends Value
              ? "number"
              : `${Value}`
            : Value extends string
              ? string extends Value
                ? "string"
                : `"${Value}"`
              : Value extends bigint
                ? `${Value}n`
                : [Value] extends [null]
                  ? "null"
                  : [Value] extends [undefined]
                    ? "undefined"
                    : "?";
type IsUnion<Value, Whole = Value> = Value extends unknown ? ([Whole] extends [Value] ? false : true) : never;
