// tfjs-layers' argument objects: how messages write a layer (`conv2d({ filters: 32, kernelSize: 3 })`), and
// checks reported on the offending property of the argument object. Twin: src/shape/tf-options.ts.
import type { FirstSizeProblem, SuggestOption, TupleLengthProblem, writeUnknownKeyMessage } from "./args.ts";
import type { IsPlainSizeArg } from "./plain.ts";

/**
 * An option value as messages write it: `3`, `[3, 2]`, `[[1, 2], [0, 3]]`, `'same'`, `true`.
 *
 * @example
 * type W = WrittenValue<readonly [[1, 2], [0, 3]]>;
 * //=> "[[1, 2], [0, 3]]"
 */
export type WrittenValue<Value> = Value extends readonly unknown[]
  ? `[${WrittenValues<Value>}]`
  : Value extends string
    ? `'${Value}'`
    : Value extends number | boolean | null | undefined
      ? `${Value}`
      : "…";
type WrittenValues<Values extends readonly unknown[], Text extends string = ""> = Values extends readonly [
  infer First,
  ...infer Rest,
]
  ? WrittenValues<Rest, `${Text}${Text extends "" ? "" : ", "}${WrittenValue<First>}`>
  : Text;

/**
 * How messages write a tfjs layer: its name and the given options among `Keys`, in the order of `Keys`.
 *
 * @example
 * type W = WrittenLayer<"conv2d", { filters: 32; kernelSize: 3; activation: "relu" }, ["filters", "kernelSize", "strides"]>;
 * //=> "conv2d({ filters: 32, kernelSize: 3 })"
 */
export type WrittenLayer<Name extends string, Args, Keys extends readonly string[]> =
  WrittenOptions<Args, Keys> extends infer Options extends string
    ? `${Name}(${Options extends "" ? "" : `{ ${Options} }`})`
    : never;
type WrittenOptions<Args, Keys extends readonly string[], Text extends string = ""> = Keys extends readonly [
  infer Key extends string,
  ...infer Rest extends string[],
]
  ? WrittenOptions<
      Args,
      Rest,
      Args extends { readonly [K in Key]: infer Value }
        ? `${Text}${Text extends "" ? "" : ", "}${Key}: ${WrittenValue<Value>}`
        : Text
    >
  : Text;

/** A problem with one property of an argument object: its key and the message. */
export interface OptionProblem<Key extends string = string, Message extends string = string> {
  readonly key: Key;
  readonly message: Message;
}

/** The first problem among `Problems` (each an `OptionProblem` or `false`), or `false`. */
export type FirstOptionProblem<Problems extends readonly unknown[]> = Problems extends readonly [
  infer Problem,
  ...infer Rest,
]
  ? Problem extends OptionProblem
    ? Problem
    : FirstOptionProblem<Rest>
  : false;

/** `Message` (a message or `false`) as a problem of property `Key`. */
export type At<Key extends string, Message> = Message extends string ? OptionProblem<Key, Message> : false;

/** The value of option `Key` in `Args`, or `Default` when it is not given. */
export type OptionOf<Args, Key extends string, Default> = Args extends { readonly [K in Key]: infer Value }
  ? [Value] extends [undefined]
    ? Default
    : Exclude<Value, undefined>
  : Default;

/** True when option `Key` is given. */
type Given<Args, Key extends string> = Args extends { readonly [K in Key]: infer Value }
  ? [Value] extends [undefined]
    ? false
    : true
  : false;

/**
 * A size option (a number, or a tuple of `Rank` when `Rank` is given): positive (or non-negative) integers, else the
 * message on that property. Absent options have no problem.
 */
export type SizeOptionProblem<
  Layer extends string,
  Args,
  Key extends string,
  Rank extends number = never,
  Minimum extends 0 | 1 = 1,
> =
  Given<Args, Key> extends true
    ? OptionOf<Args, Key, never> extends infer Value
      ? At<
          Key,
          FirstSizeProblem<Layer, [Key], [Value], Minimum> extends infer P extends string
            ? P
            : [Rank] extends [never]
              ? false
              : TupleLengthProblem<Layer, Key, Value, Rank>
        >
      : never
    : false;

/**
 * The message for a property that is not an option of the tfjs layer (a misspelt `stride` is not ignored), with
 * "; did you mean \`strides\`?" when a known option is near (`writeUnknownKeyMessage` of args.ts).
 */
export type writeUnknownOptionMessage<
  Layer extends string,
  Key extends string,
  Name extends string,
  Known extends string = never,
> = writeUnknownKeyMessage<Layer, Key, `TensorFlow.js's ${Name}`, SuggestOption<Key, Known>>;

/** The first key of `Args` that is not in `Known`, as a problem. */
export type UnknownOptionProblem<Layer extends string, Name extends string, Args, Known> =
  Exclude<keyof Args, Known> extends infer Unknown
    ? [Unknown] extends [never]
      ? false
      : FirstOf<Unknown> extends infer Key extends string
        ? OptionProblem<Key, writeUnknownOptionMessage<Layer, Key, Name, Known & string>>
        : false
    : never;
/** One member of a union (the last one the compiler lists). */
type FirstOf<Union> = (Union extends unknown ? (member: () => Union) => void : never) extends (
  member: infer Last,
) => void
  ? Last extends () => infer Member
    ? Member
    : never
  : never;

/**
 * The parameter type of a builder: the argument object itself, or the object with the offending property's type
 * replaced by its message, so that the compiler reports the message on that property.
 */
/**
 * Whether an options object needs no further check: no unknown option, and every size option it
 * gives (`SizeKeys`) a plain size. `false` means "check it fully" (which writes the message).
 */
export type PlainOptions<Args, Known, SizeKeys extends string, Rank extends number = 1> =
  KnownOptions<Args, Known> extends true
    ? { [K in SizeKeys]: K extends keyof Args ? IsPlainSizeArg<Args[K], Rank> : true }[SizeKeys] extends true
      ? true
      : false
    : false;

/** Whether an options object gives only options the layer knows (else the full check names the unknown one). */
export type KnownOptions<Args, Known> = [Exclude<keyof Args, Known>] extends [never] ? true : false;

export type CheckedOptions<Args, Problem> =
  Problem extends OptionProblem<infer Key, infer Message>
    ? { [K in keyof Args]: K extends Key ? Message : Args[K] }
    : Args;

/** tfjs's data formats; `"channelsLast"` is the default. */
export type DataFormat = "channelsLast" | "channelsFirst";

/**
 * What the argument object of a layer whose options are all optional may be, for inference: its tfjs type, or any
 * object (an object of unknown keys alone shares no property with the tfjs type, so the compiler would drop it for
 * the tfjs type and report its own "Object literal may only specify known properties", without our message).
 * The parameter is then `CheckedLooseOptions<Args, Problem, TfArgs>`, which still checks the values of known options.
 */
export type LooseOptions = { readonly [key: string]: unknown };
/**
 * What the argument object of a layer with required options may be, for inference: as `LooseOptions`, so that an
 * object with a required key misspelt (`kernel_size`) is still inferred as written (with the tfjs type alone it would
 * not fit, the compiler would infer the tfjs type and report its own excess-property error) and the check puts our
 * message on that key. The parameter is `CheckedLooseOptions<Args, Problem, TfArgs>` (a missing required key: the
 * compiler's own "Property … is missing"), the result `Fitting<Args, TfArgs>`.
 */
export type RequiredOptions<TfArgs> = TfArgs | LooseOptions;
/** `Args` where it is the tfjs type (a builder's result type): `Args` itself for any call that compiles. */
export type Fitting<Args, TfArgs> = Args extends TfArgs ? Args : TfArgs;
/**
 * The parameter type for `LooseOptions`: the message on the offending property, else the tfjs type when a value does
 * not fit it. Inside a function generic over sizes (`<F extends number>(f: F) => layers.dense({ units: f })`) an
 * object with a generic member waits (`LaterLayerOptions`): its checks run where the function is called with literal
 * sizes (the layer then carries them).
 */
export type CheckedLooseOptions<Args, Problem, TfArgs> =
  | (Problem extends OptionProblem ? CheckedOptions<Args, Problem> : [Args] extends [TfArgs] ? Args : TfArgs)
  | LaterLayerOptions<Args, TfArgs>;

/**
 * `Args` when one of its members is a size generic in the function being checked and every key is one of the layer's
 * (an unknown or snake_case key is refused at once, as in a literal object), else `never` (so a literal object's
 * parameter type is unchanged). The same trick as `Later` (args.ts): an indexed access whose key, for a type
 * parameter, the compiler computes from its constraint (`number`: `"generic"`). As with nn's `LaterOptions`, a member
 * typed `number` counts as generic too (the compiler sees a generic size as `number`): the builder checks the object
 * when it runs. (The key is a union, one member per generic member; `never` for the others: the compiler reads the
 * access as a write, the intersection of the members, so a `"known"` member would make it `never`.)
 */
type LaterLayerOptions<Args, TfArgs> = {
  generic: [Exclude<keyof Args, keyof TfArgs>] extends [never] ? Args : never;
}[WhenSize<Args[keyof Args]>];
/**
 * As `LaterLayerOptions`, for a tuple option (`targetShape: [a, b]`, `size: [s, s]`): `Args` when one of the elements
 * of option `Key` is generic. Only the builders whose tuple options matter in helpers add it to their parameter
 * (reshape's targetShape, upSampling2d's size): looking into every member's elements cost every builder's first call
 * ~+5% more.
 */
export type LaterTupleOption<Args, Key extends string> = Args extends { readonly [K in Key]: infer Value }
  ? Value extends readonly unknown[]
    ? { generic: Args }[WhenSize<Value[number]>]
    : never
  : never;
type WhenSize<Value> = Value extends unknown ? (number extends Value ? "generic" : never) : never;

/**
 * The message when a layer's `inputShape` (or `batchInputShape`) contradicts the input it gets in the model
 * (tfjs-layers uses inputShape only on a model's first layer; a contradiction is a mistake either way).
 */
export type writeInputShapeMessage<
  Name extends string,
  Key extends string,
  Expected,
> = `${Name}({ ${Key}: ${WrittenValue<Expected>} }): the layer gets another input shape (${Key} is ${Key extends "inputShape" ? "one example's shape, without the batch" : "the shape with the batch"})`;
/** `Output`, or the message when the layer's `inputShape` / `batchInputShape` contradicts `Input`. */
export type InputShapeChecked<Name extends string, Args, Input, Output> = Args extends {
  readonly inputShape: infer Expected extends readonly unknown[];
}
  ? Input extends readonly [unknown, ...infer Rest]
    ? DimsAgree<Rest, Expected> extends true
      ? Output
      : writeInputShapeMessage<Name, "inputShape", Expected>
    : Output
  : Args extends { readonly batchInputShape: infer Expected extends readonly unknown[] }
    ? Input extends readonly unknown[]
      ? DimsAgree<Input, Expected> extends true
        ? Output
        : writeInputShapeMessage<Name, "batchInputShape", Expected>
      : Output
    : Output;
// Known sizes must be equal; `number`, a named dim and tfjs's `null` agree with anything (checked at run time).
type DimsAgree<Got extends readonly unknown[], Expected extends readonly unknown[]> = number extends
  Got["length"] | Expected["length"]
  ? true
  : Got["length"] extends Expected["length"]
    ? AllAgree<Got, Expected>
    : false;
type AllAgree<Got, Expected> = Got extends readonly [infer G, ...infer GotRest]
  ? Expected extends readonly [infer E, ...infer ExpectedRest]
    ? (
        [G, E] extends [number, number] ? (number extends G | E ? true : [G] extends [E] ? true : false) : true
      ) extends true
      ? AllAgree<GotRest, ExpectedRest>
      : false
    : true
  : true;
