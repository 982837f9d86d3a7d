// Checks and forms shared by layer arguments: sizes, per-dimension tuples, written forms.

/** What is wrong with a size argument, or `false`. `number` (a value unknown to the compiler) is checked at run time. */
export type SizeProblem<N, Minimum extends 0 | 1 = 1> =
  0 extends 1 & N ? false // any: checked at run time
  : [N] extends [never] ? "never"
  : IsUnion<N> extends true ? "a union"
  : [N] extends [number]
    ? number extends N ? false
      : `${N}` extends `-${string}` | `${string}.${string}` | `${string}e${string}` ? `${N}`
      : Minimum extends 1 ? (N extends 0 ? "0" : false) : false
    : "a non-number value";
/** Whether a type is a union of several members. */
export type IsUnion<Value, Whole = Value> = Value extends unknown ? ([Whole] extends [Value] ? false : true) : never;

/** `${Layer}: ${Name} must be a positive integer, not 0` — a size argument that is not a size. */
export type writeSizeMessage<Layer extends string, Name extends string, Minimum extends 0 | 1, Got extends string> =
  `${Layer}: ${Name} must be ${Minimum extends 1 ? "a positive" : "a non-negative"} integer, not ${Got}`;

/** The message for the first bad size among `Values` (a number or tuple each), or `false`. */
export type FirstSizeProblem<Layer extends string, Names extends readonly string[], Values extends readonly unknown[], Minimum extends 0 | 1 = 1> =
  Values extends readonly [infer Value, ...infer Rest]
    ? Names extends readonly [infer Name extends string, ...infer OtherNames extends string[]]
      ? SizesProblem<Value, Minimum> extends infer Got extends string
        ? writeSizeMessage<Layer, Name, Minimum, Got>
        : FirstSizeProblem<Layer, OtherNames, Rest, Minimum>
      : false
    : false;
type SizesProblem<Value, Minimum extends 0 | 1> = [Value] extends [never] ? "never"
  : [Value] extends [readonly unknown[]]
  ? Value extends readonly [infer First, ...infer Rest] ? (SizeProblem<First, Minimum> extends infer P extends string ? P : SizesProblem<Rest, Minimum>) : false
  : SizeProblem<Value, Minimum>;

/** A number or a tuple written as the user wrote it: `3`, `[3, 2]`. */
export type Written<Value> = Value extends readonly unknown[] ? `[${JoinNumbers<Value>}]` : Value extends string ? `'${Value}'` : `${Value & (number | boolean)}`;
type JoinNumbers<Values extends readonly unknown[], Text extends string = ""> = Values extends readonly [infer First, ...infer Rest]
  ? JoinNumbers<Rest, `${Text}${Text extends "" ? "" : ", "}${First & number}`>
  : Text;

/** A per-dimension argument as a tuple of `Rank` values: `3` → `[3, 3]`; a tuple stays as it is. */
export type PerDim<Value, Rank extends number, Values extends readonly unknown[] = []> =
  Value extends readonly unknown[] ? Value
  : Values["length"] extends Rank ? Values
  : PerDim<Value, Rank, [...Values, Value]>;

/** The message when a tuple argument has the wrong length, or `false`. */
export type TupleLengthProblem<Layer extends string, Name extends string, Value, Rank extends number> =
  Value extends readonly unknown[]
    ? Value["length"] extends Rank ? false : number extends Value["length"] ? false : `${Layer}: ${Name} must be a number or a tuple of ${Rank}, not a tuple of ${Value["length"]}`
    : false;

/** A parameter checked in place: the argument itself, or the message when it has a problem (the compiler reports it on the argument). */
export type Arg<Value, Problem> = NoInfer<Problem> extends infer P ? (P extends string ? P : Value) : never;

/** What a number argument is intersected with to carry a message (a number & a string literal would be `never`). */
export interface ShapeMessage<Message extends string> {
  readonly "shape error": Message;
}

/**
 * Like `Arg`, for tuples and option objects: `Value & message`, which keeps `const` inference of
 * the argument (a conditional parameter type would widen `[3, 2]` to `number[]`).
 */
export type Checked<Value, Problem> = Value & NoInfer<Problem extends string ? (Value extends object ? Problem : ShapeMessage<Problem>) : unknown>;

/** Drops the ", " that ends a list of options written one by one. */
export type WithoutLastComma<Text extends string> = Text extends `${infer Body}, ` ? Body : Text;
