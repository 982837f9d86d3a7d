// Checks and forms shared by layer arguments: sizes, per-dimension tuples, written forms.

/** What is wrong with a size argument, or `false`. `number` (a value unknown to the compiler) is checked at run time. */
export type SizeProblem<N, Minimum extends 0 | 1 = 1> = 0 extends 1 & N
  ? false // any: checked at run time
  : [N] extends [never]
    ? "never"
    : IsUnion<N> extends true
      ? "a union"
      : [N] extends [number]
        ? number extends N
          ? false
          : `${N}` extends `-${string}` | `${string}.${string}` | `${string}e${string}`
            ? `${N}`
            : Minimum extends 1
              ? N extends 0
                ? "0"
                : false
              : false
        : "a non-number value";
/** Whether a type is a union of several members. */
export type IsUnion<Value, Whole = Value> = Value extends unknown ? ([Whole] extends [Value] ? false : true) : never;

/** `${Layer}: ${Name} must be a positive integer, not 0` — a size argument that is not a size. */
export type writeSizeMessage<
  Layer extends string,
  Name extends string,
  Minimum extends 0 | 1,
  Got extends string,
> = `${Layer}: ${Name} must be ${Minimum extends 1 ? "a positive" : "a non-negative"} integer, not ${Got}`;

/** The message for the first bad size among `Values` (a number or tuple each), or `false`. */
export type FirstSizeProblem<
  Layer extends string,
  Names extends readonly string[],
  Values extends readonly unknown[],
  Minimum extends 0 | 1 = 1,
> = Values extends readonly [infer Value, ...infer Rest]
  ? Names extends readonly [infer Name extends string, ...infer OtherNames extends string[]]
    ? SizesProblem<Value, Minimum> extends infer Got extends string
      ? writeSizeMessage<Layer, Name, Minimum, Got>
      : FirstSizeProblem<Layer, OtherNames, Rest, Minimum>
    : false
  : false;
type SizesProblem<Value, Minimum extends 0 | 1> = [Value] extends [never]
  ? "never"
  : [Value] extends [readonly unknown[]]
    ? Value extends readonly [infer First, ...infer Rest]
      ? SizeProblem<First, Minimum> extends infer P extends string
        ? P
        : SizesProblem<Rest, Minimum>
      : false
    : SizeProblem<Value, Minimum>;

/** A number or a tuple written as the user wrote it: `3`, `[3, 2]`. */
export type Written<Value> = Value extends readonly unknown[]
  ? `[${JoinNumbers<Value>}]`
  : Value extends string
    ? `'${Value}'`
    : `${Value & (number | boolean)}`;
type JoinNumbers<Values extends readonly unknown[], Text extends string = ""> = Values extends readonly [
  infer First,
  ...infer Rest,
]
  ? JoinNumbers<Rest, `${Text}${Text extends "" ? "" : ", "}${First & number}`>
  : Text;

/** A per-dimension argument as a tuple of `Rank` values: `3` → `[3, 3]`; a tuple stays as it is. */
export type PerDim<
  Value,
  Rank extends number,
  Values extends readonly unknown[] = [],
> = Value extends readonly unknown[]
  ? Value
  : Values["length"] extends Rank
    ? Values
    : PerDim<Value, Rank, [...Values, Value]>;

/** The message when a tuple argument has the wrong length, or `false`. */
export type TupleLengthProblem<
  Layer extends string,
  Name extends string,
  Value,
  Rank extends number,
> = Value extends readonly unknown[]
  ? Value["length"] extends Rank
    ? false
    : number extends Value["length"]
      ? false
      : `${Layer}: ${Name} must be a number or a tuple of ${Rank}, not a tuple of ${Value["length"]}`
  : false;

/**
 * A parameter checked in place: the argument itself, or the message when it has a problem (the compiler reports it on the argument).
 * Inside a function generic over a size (`<I extends number>(i: I) => nn.linear(i, 10)`) the check waits: see `Later`.
 */
export type Arg<Value, Problem> = [Value, 1] extends [never, 2]
  ? ArgNow<Value, Problem>
  : ArgNow<Value, Problem> | Later<Value> | LaterProblem<Value, Problem>;
// (The union is made in a branch, so that a known argument's parameter type is the message itself, not
// the builder's alias of it. The test is never true: the compiler checks a generic argument against
// the second branch.)
type ArgNow<Value, Problem> = NoInfer<Problem> extends infer P ? (P extends string ? P : Value) : never;

/**
 * What lets an argument generic over its size through (`i: I` with `I extends number`), where the check
 * cannot run yet; it runs where the generic function is called with literal sizes (the layer it returns
 * then carries them). `never` for every known argument (a literal, `number`), so it changes nothing there.
 *
 * How: an indexed access whose key is a conditional distributive over `Value`. For a known `Value` the
 * key is `"known"` (→ `never`); for a type parameter the compiler relates the argument to the access at
 * the key's constraint, which it computes by putting the parameter's constraint (`number`) in place of
 * `Value`: the key `"generic"`, the access `Value` itself. A parameter constrained to literals
 * (`I extends 0 | 1`) is checked on its constraint (`0` is then an error, as it should be).
 */
export type Later<Value> = { known: never; generic: Value }[WhenGeneric<Value>];
export type LaterProblem<Value, Problem> = {
  known: never;
  fits: Value;
  generic: SizeLike<Value>;
}[WhenGenericProblem<NoInfer<Problem>>];
// (`NoInfer`: where the compiler gives `Problem` as `Problem & string`, in the branch of a test on it, a
// distributive test lists the members of an intersection with `string` to reduce it: String's ~50 methods.
// `NoInfer` of a known type is that type; of a generic one it keeps it whole.)
/** A literal argument whose check waits for other, generic arguments: not a negative or fractional number (0 waits: padding). */
type SizeLike<Value> = Value extends number
  ? `${Value}` extends `-${string}` | `${string}.${string}` | `${string}e${string}`
    ? never
    : Value
  : Value;
export type WhenGenericProblem<Problem> = Problem extends string
  ? {} extends Record<Problem, 1>
    ? "generic"
    : "known"
  : "fits";
type WhenGeneric<Value> = Value extends unknown ? (number extends Value ? "generic" : "known") : never;

/** What a number argument is intersected with to carry a message (a number & a string literal would be `never`). */
export interface ShapeMessage<Message extends string> {
  readonly "shape error": Message;
}

/**
 * Like `Arg`, for tuples and option objects: `Value & message`, which keeps `const` inference of
 * the argument (a conditional parameter type would widen `[3, 2]` to `number[]`).
 *
 * A fine argument (`Problem` is `false`) gets `Value & unknown`: the waiting forms are built only for
 * an argument with a message, or inside a function generic over sizes, where `Problem` is generic.
 * There an options object waits when one of its members is generic (`LaterOptions`), or when its
 * checks do (`LaterProblem`); a generic tuple or size, as `Arg`'s (`Later`). The order of the union
 * is the order the compiler tries its members in: the cheap ones first (relating an argument to a
 * generic `Problem` itself makes the compiler compute every message the checks could write).
 */
export type Checked<Value, Problem> = Value &
  NoInfer<
    IsMessage<Problem> extends true
      ? | (Value extends object
            ? LaterOptions<Value> | (Problem extends string ? Problem : never)
            : ShapeMessage<Problem & string>)
        | LaterProblem<Value, Problem>
        | Later<Value>
      : unknown
  >;
// (The test is `IsMessage<Problem>`, not `[Problem] extends [string]`: in the branch of the latter the compiler
// gives `Problem` as `string & Problem`, whose constraint is `never` where `Problem` is generic over a whole
// shape, and `LaterProblem` then could not see that its check waits.)
type IsMessage<Problem> = [Problem] extends [string] ? true : false;

/**
 * An options object one of whose members is a size generic in the function being checked
 * (`{ stride: s, groups: c }` inside a helper generic over `S` and `C`), or `never`: `Later`, member by
 * member (a union: one generic member is enough). Its checks wait, as a generic positional argument's
 * do. (A member whose type is `number` counts as generic too: the compiler sees a generic size as
 * `number`; the builder checks the object when it runs.) Not tuples (`[3, 3]`, `[n.size(0), 3000]`).
 */
type LaterOptions<Value> = Value extends readonly unknown[]
  ? LaterTuple<Value>
  : Value extends { readonly "~shape": unknown }
    ? never // a tensor, an operand of `ops`: not an options object (and its members are many to walk)
    : { [Key in keyof Value]-?: { known: never; generic: Value }[WhenGeneric<Value[Key]>] }[keyof Value];

/**
 * A tuple one of whose elements is a type parameter (`[-1, h]` inside a helper generic over `H`), or
 * `never`. Unlike an option, an element whose type is `number` does not wait (`[n.size(0), 3000]`: a
 * known product that must fit), nor does a literal: only a type parameter.
 */
type LaterTuple<Value extends readonly unknown[]> = {
  [Index in keyof Value]: { known: never; generic: Value }[WhenTypeParameter<Value[Index]>];
}[number];
/**
 * `"generic"` for a type parameter, `never` for `number`, `"known"` for a literal. How: `number extends
 * E` is decided for `number` (→ `never`) and a literal, but deferred for a type parameter; the compiler
 * then takes the union of both branches as its constraint, `never | WhenGeneric<E>`, which is `"generic"`
 * at `E`'s constraint (`number`). (A distributive test would see a type parameter as its constraint,
 * `number`, and could not tell them apart.)
 */
type WhenTypeParameter<Element> = number extends Element ? never : WhenGeneric<Element>;

/**
 * `Problem`, or `false` where `Value` is a size generic in the function being checked: a builder wraps
 * the check of an option's value in it (`{ padding: p }` inside a helper generic over `P`), so that
 * check waits and the object's other checks run. A literal value gets `Problem`; `number` counts as
 * generic here (WhenGeneric cannot tell them apart), so a check that must run when a value is `number`
 * (a lazy layer's inChannels) is not wrapped in it.
 */
export type Waiting<Value, Problem> = { known: Problem; generic: false }[WhenGeneric<Value>];

/**
 * As `Waiting`, for a check made on another argument than the generic one (`squeeze(x, d)`: the check of
 * `d` is on `x` when `d` is omitted): `string` where `Value` is generic, which `Checked` lets through
 * (`false` would not: inside `Checked`'s test `[Problem] extends [string]` the compiler reads `Problem`
 * as `Problem & string`, and `false & string` is `never`).
 */
export type WaitingOn<Value, Problem> = { known: Problem; generic: string }[WhenGeneric<Value>];

/** Drops the ", " that ends a list of options written one by one. */
export type WithoutLastComma<Text extends string> = Text extends `${infer Body}, ` ? Body : Text;

// ---- Options objects: unknown keys are refused, with a suggestion (twin: src/shape/args.ts).

/** Whether an argument is an options object (not a size, a tuple or a string). */
export type IsOptions<Value> = [Value] extends [readonly unknown[] | number | string | boolean | undefined | null]
  ? false
  : [Value] extends [object]
    ? true
    : false;

/** `snake_case` → `camelCase`. */
type Camel<Key extends string> = Key extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Key;
/** Names the other vocabulary (or a near-miss) uses for an option. */
interface OptionAliases {
  strides: "stride";
  stride: "strides";
  dilationRate: "dilation";
  dilation: "dilationRate";
  useBias: "bias";
  bias: "useBias";
  poolSize: "kernelSize";
  kernelSize: "poolSize";
  group: "groups";
  pad: "padding";
  paddingMode: "padding";
  batchSize: "batchFirst";
  filters: "outChannels";
  units: "outFeatures";
  eps: "epsilon";
  epsilon: "eps";
  dropoutRate: "dropout";
  rate: "p";
}
/**
 * The known option a wrong key most likely meant, or `never`: its camelCase form (`ceil_mode` →
 * `ceilMode`), a plural or singular (`strides` → `stride`, `group` → `groups`), the other
 * vocabulary's name (`dilationRate` → `dilation`), or the same letters in another case.
 *
 * @example
 * type S = SuggestOption<"ceil_mode", "stride" | "ceilMode">; //=> "ceilMode"
 */
export type SuggestOption<Key extends string, Known extends string> =
  Camel<Key> extends infer C extends string
    ? C extends Known
      ? C
      : `${C}s` extends Known
        ? `${C}s`
        : C extends `${infer Stem}s`
          ? Stem extends Known
            ? Stem
            : Near<C, Known>
          : Near<C, Known>
    : never;
type Near<C extends string, Known extends string> = C extends keyof OptionAliases
  ? OptionAliases[C] extends Known
    ? OptionAliases[C]
    : SameLetters<C, Known>
  : SameLetters<C, Known>;
type SameLetters<C extends string, Known extends string> = OnlyOne<
  { [K in Known]: Lowercase<K> extends Lowercase<C> ? K : never }[Known]
>;
type OnlyOne<Union> = IsUnion<Union> extends true ? never : Union;

/**
 * `${Layer}: ${Key} is not an option of ${Of}` and, when a known option is near,
 * "; did you mean \`ceilMode\`?".
 */
export type writeUnknownKeyMessage<
  Layer extends string,
  Key extends string,
  Of extends string,
  Suggestion extends string,
> = `${Layer}: ${Key} is not an option of ${Of}${[Suggestion] extends [never] ? "" : `; did you mean \`${Suggestion}\`?`}`;

/** One member of a union (the last one the compiler lists). */
export type OneOf<Union> = (Union extends unknown ? (member: () => Union) => void : never) extends (
  member: infer Last,
) => void
  ? Last extends () => infer Member
    ? Member
    : never
  : never;

/** The message for the first key of `Options` (an options object) not in `Known`, or `false`. */
export type UnknownKeyProblem<Layer extends string, Of extends string, Options, Known extends string> =
  IsOptions<Options> extends true
    ? [Exclude<keyof Options, Known>] extends [never]
      ? false
      : OneOf<Exclude<keyof Options, Known>> extends infer Key extends string
        ? writeUnknownKeyMessage<Layer, Key, Of, SuggestOption<Key, Known>>
        : false
    : false;

/** Whether an options object gives only keys among `Known` (`true` for anything that is not an options object). */
export type KnownKeys<Options, Known extends string> =
  IsOptions<Options> extends true ? ([Exclude<keyof Options, Known>] extends [never] ? true : false) : true;

/** An option also given as an argument: `conv2d(3, 8, 3, 2, 1, { stride: 2 })` (PyTorch: "got multiple values"). */
export type writeGivenTwiceMessage<
  Layer extends string,
  Key extends string,
> = `${Layer}: ${Key} is given twice, as an argument and as an option`;
/** An argument after the options object. */
export type writeAfterOptionsMessage<Layer extends string> = `${Layer}: the options object must be the last argument`;
/** A required argument written as an option: `conv2d(3, 16, { kernelSize: 3 })`. */
export type writePositionalMessage<
  Layer extends string,
  Name extends string,
  Order extends string,
> = `${Layer}: ${Name} is a required argument, not an option (PyTorch's order: ${Order})`;

/** The message for the first key of `Options` that is also given as an argument (`Positional`: the names given so), or `false`. */
export type GivenTwiceProblem<Layer extends string, Options, Positional extends string> = [
  Extract<keyof Options, Positional>,
] extends [never]
  ? false
  : writeGivenTwiceMessage<Layer, OneOf<Extract<keyof Options, Positional>> & string>;

/** An option whose value has the wrong type: `{ bias: "no" }`. */
export type writeOptionTypeMessage<
  Layer extends string,
  Key extends string,
  Expected extends string,
> = `${Layer}: ${Key} must be ${Expected}`;
/**
 * The message for the first option of `Options` whose value is not of its type in `Types`
 * (`Expected` describes each, as messages write it), or `false`.
 */
export type OptionTypeProblem<Layer extends string, Options, Types, Expected> = {
  [K in keyof Options & keyof Types]-?: [Options[K]] extends [Types[K]] ? never : K;
}[keyof Options & keyof Types] extends infer Bad
  ? [Bad] extends [never]
    ? false
    : OneOf<Bad> extends infer Key extends keyof Types & string
      ? writeOptionTypeMessage<Layer, Key, Expected[Key & keyof Expected] & string>
      : false
  : never;

/**
 * The problem of an options object that comes last and only holds options that change no shape
 * (`batchNorm2d(64, { eps: 1e-3 })`): an unknown key, then a value of the wrong type. No options: `false`.
 */
export type TrailingOptionsProblem<
  Layer extends string,
  Of extends string,
  Options,
  Known extends string,
  Types = {},
  Expected = {},
> = {} extends Options
  ? false
  : UnknownKeyProblem<Layer, Of, Options, Known> extends infer P extends string
    ? P
    : OptionTypeProblem<Layer, Options, Types, Expected>;

/** Whether every option of `Options` that `Types` lists has its type (the fast path's test; `OptionTypeProblem` writes the message). */
export type OptionTypesFit<Options, Types> = [
  { [K in keyof Options & keyof Types]-?: [Options[K]] extends [Types[K]] ? never : K }[keyof Options & keyof Types],
] extends [never]
  ? true
  : false;
