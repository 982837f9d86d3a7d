// Rules and argument checks of the activations added for torch.nn's "Non-linear activations" section:
// parameters written positionally in PyTorch's order or as a last options object (`elu(0.5)`,
// `hardtanh({ maxVal: 2 })`), the values PyTorch refuses, and the rules of the three that look at
// the shape: prelu (numParameters: 1 or the channels), glu (halves a dimension, which must be even),
// softmax2d (rank 3 or 4). Twin: src/families/activation/extra-activations.ts.
import type { Compare, FloorDiv } from "../../../types/arith/index.ts";
import type {
  GivenTwiceProblem,
  IsOptions,
  TrailingOptionsProblem,
  writeAfterOptionsMessage,
} from "../../../types/shape/args.ts";
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

type IndexOf<Names extends readonly unknown[], Name, Seen extends unknown[] = []> = Names extends readonly [
  infer Head,
  ...infer Rest,
]
  ? Head extends Name
    ? Seen["length"]
    : IndexOf<Rest, Name, [...Seen, 0]>
  : -1;
/** The options object among the arguments (never when there is none). */
type OptionsIn<Args extends readonly unknown[]> = Extract<Args[number], object>;
/** The value of parameter `Name`: its positional argument, its option, or its default. */
export type ParamValue<
  Names extends readonly string[],
  Args extends readonly unknown[],
  Name extends string,
  Default,
> = Args[IndexOf<Names, Name>] extends infer P
  ? [P] extends [number | boolean]
    ? P
    : [OptionsIn<Args>] extends [never]
      ? Default
      : OptionsIn<Args> extends { readonly [K in Name]: infer V }
        ? [V] extends [undefined]
          ? Default
          : V
        : Default
  : never;
/** Whether any parameter but `inplace` is given. */
type AnyGiven<Names extends readonly string[], Args extends readonly unknown[]> = true extends {
  [I in keyof Names]: Names[I] extends "inplace"
    ? false
    : [Args[I & keyof Args]] extends [number]
      ? true
      : Names[I] extends keyof OptionsIn<Args>
        ? true
        : false;
}[number]
  ? true
  : false;
type Show<V> = V extends number ? (number extends V ? "?" : `${V}`) : "?";
type JoinValues<
  All extends readonly string[],
  Names extends readonly string[],
  Args extends readonly unknown[],
  Defaults,
  Text extends string = "",
> = Names extends readonly [infer Name extends string, ...infer Rest extends readonly string[]]
  ? Name extends "inplace"
    ? JoinValues<All, Rest, Args, Defaults, Text>
    : JoinValues<
        All,
        Rest,
        Args,
        Defaults,
        `${Text}${Text extends "" ? "" : ", "}${Show<ParamValue<All, Args, Name, Defaults[Name & keyof Defaults]>>}`
      >
  : Text;
/** How a layer is named in messages: `elu()`, or every parameter's value once one is given: `hardtanh(-1, 2)`. */
export type ParamsName<
  Kind extends string,
  Names extends readonly string[],
  Args extends readonly unknown[],
  Defaults,
> = AnyGiven<Names, Args> extends true ? `${Kind}(${JoinValues<Names, Names, Args, Defaults>})` : `${Kind}()`;

/**
 * The problem of each of up to three arguments: an argument after the options object, an unknown
 * option (with "did you mean"), an option of the wrong type, an option also given positionally, and
 * `Check` (`[the parameter to blame, the message]`, or false) on the argument that gives that parameter.
 */
export type ParamsProblems<
  Layer extends string,
  Kind extends string,
  Names extends readonly string[],
  Args extends readonly unknown[],
  Types,
  Expected,
  Check extends readonly [string, string] | false = false,
> = [
  ArgProblem<Layer, Kind, Names, Args, Types, Expected, Check, 0>,
  ArgProblem<Layer, Kind, Names, Args, Types, Expected, Check, 1>,
  ArgProblem<Layer, Kind, Names, Args, Types, Expected, Check, 2>,
];
type Before<Args extends readonly unknown[], I extends number, Seen extends unknown[] = []> = Seen["length"] extends I
  ? Seen
  : Args extends readonly [infer Head, ...infer Rest]
    ? Before<Rest, I, [...Seen, Head]>
    : Seen;
type PositionalNames<Names extends readonly string[], Given extends readonly unknown[]> = {
  [I in keyof Given]: [Given[I]] extends [undefined] ? never : Names[I & keyof Names];
}[number];
type ArgProblem<
  Layer extends string,
  Kind extends string,
  Names extends readonly string[],
  Args extends readonly unknown[],
  Types,
  Expected,
  Check extends readonly [string, string] | false,
  I extends number,
> = [Args[I]] extends [undefined]
  ? false
  : true extends { [J in keyof Before<Args, I>]: IsOptions<Before<Args, I>[J]> }[number]
    ? writeAfterOptionsMessage<Layer>
    : IsOptions<Args[I]> extends true
      ? TrailingOptionsProblem<Layer, `nn.${Kind}`, Args[I], Names[number], Types, Expected> extends infer P extends
          string
        ? P
        : GivenTwiceProblem<Layer, Args[I], PositionalNames<Names, Before<Args, I>>> extends infer P extends string
          ? P
          : Check extends readonly [infer Key extends string, infer Message]
            ? Key extends keyof Args[I]
              ? Message
              : false
            : false
      : Check extends readonly [infer Key extends string, infer Message]
        ? Names[I] extends Key
          ? Message
          : false
        : false;

// ---- comparing number literals (any sign, decimals): hardtanh's minVal < maxVal

type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
type Order = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
type DigitCompare<A extends Digit, B extends Digit> = A extends B
  ? "eq"
  : IndexOf<Order, A> extends infer IA extends number
    ? IndexOf<Order, B> extends infer IB extends number
      ? Compare<IA, IB>
      : never
    : never;
type FractionCompare<A extends string, B extends string> = A extends ""
  ? B extends ""
    ? "eq"
    : FractionCompare<"0", B>
  : B extends ""
    ? FractionCompare<A, "0">
    : A extends `${infer HA extends Digit}${infer RA}`
      ? B extends `${infer HB extends Digit}${infer RB}`
        ? DigitCompare<HA, HB> extends "eq"
          ? RA extends ""
            ? RB extends ""
              ? "eq"
              : FractionCompare<"0", RB>
            : FractionCompare<RA, RB extends "" ? "0" : RB>
          : DigitCompare<HA, HB>
        : never
      : never;
type Parts<T extends string> = T extends `${infer Whole extends number}.${infer Fraction}`
  ? [Whole, Fraction]
  : T extends `${infer Whole extends number}`
    ? [Whole, ""]
    : never;
type MagnitudeCompare<A extends string, B extends string> =
  Parts<A> extends [infer WA, infer FA extends string]
    ? Parts<B> extends [infer WB, infer FB extends string]
      ? Compare<WA, WB> extends infer C
        ? C extends "eq"
          ? FractionCompare<FA, FB>
          : C
        : never
      : never
    : never;
type Flip<C> = C extends "lt" ? "gt" : C extends "gt" ? "lt" : C;
/** `"lt" | "eq" | "gt"` for two number literals of any sign; `never` for `number` or exponent notation. */
export type CompareAny<A extends number, B extends number> = number extends A | B
  ? never
  : `${A}` extends `${string}e${string}`
    ? never
    : `${B}` extends `${string}e${string}`
      ? never
      : `${A}` extends `-${infer MA}`
        ? `${B}` extends `-${infer MB}`
          ? Flip<MagnitudeCompare<MA, MB>>
          : MA extends "0"
            ? MagnitudeCompare<"0", `${B}`>
            : "lt"
        : `${B}` extends `-${infer MB}`
          ? MB extends "0"
            ? MagnitudeCompare<`${A}`, "0">
            : "gt"
          : MagnitudeCompare<`${A}`, `${B}`>;

// ---- value messages (PyTorch refuses these when the module is built or first run)

export type writeHardtanhRangeMessage<Layer extends string> = `${Layer}: maxVal must be greater than minVal`;
export type writeNegativeLambdMessage<Layer extends string> = `${Layer}: lambd must be at least 0`;
export type writeCeluAlphaMessage<Layer extends string> = `${Layer}: alpha cannot be 0`;

/** hardtanh: PyTorch asserts maxVal > minVal. */
export type HardtanhCheck<Layer extends string, Min extends number, Max extends number> =
  CompareAny<Max, Min> extends "lt" | "eq" ? ["maxVal", writeHardtanhRangeMessage<Layer>] : false;
/** softshrink: lambd ≥ 0. */
export type LambdCheck<Layer extends string, Lambd extends number> = `${Lambd}` extends `-${string}`
  ? ["lambd", writeNegativeLambdMessage<Layer>]
  : false;
/** celu: alpha ≠ 0. */
export type CeluCheck<Layer extends string, Alpha extends number> = number extends Alpha
  ? false
  : Alpha extends 0
    ? ["alpha", writeCeluAlphaMessage<Layer>]
    : false;

// ---- shape rules

/** The message when prelu's parameters do not match the channels. */
export type writePreluChannelsMessage<
  Layer extends string,
  N extends number,
  Channels,
> = `${Layer}: numParameters ${N} must be 1 or the number of channels (dimension 1 of the input; 1 for an input of rank 1), ${Channels & (number | string)}`;
/** prelu: the shape is kept; numParameters must be 1 or the channels (dim 1; 1 for a rank-1 input). */
export type PreluRule<Layer extends string, N extends number, Input> = Input extends Shape
  ? N extends 1
    ? Input
    : number extends N
      ? Input
      : (Input extends readonly [unknown, infer C, ...unknown[]] ? C : 1) extends infer C
        ? C extends number
          ? number extends C
            ? Input
            : C extends N
              ? Input
              : writePreluChannelsMessage<Layer, N, C>
          : Input // a named channel dimension: checked when the model is built
        : never
  : never;

/** The message when glu's dimension has an odd size. */
export type writeGluOddMessage<
  Layer extends string,
  Index extends number,
  Size extends number,
> = `${Layer}: the halved dimension ${Index} must have an even size, got ${Size}`;
type SetAt<S extends Shape, Index extends number, Value> = { [K in keyof S]: K extends `${Index}` ? Value : S[K] };
/** glu: the dimension `Dim` is halved (its two halves are multiplied); its size must be even. */
export type GluRule<Layer extends string, Dim extends number, Input> = Input extends Shape
  ? DimIndex<Dim, Input["length"]> extends infer Index extends number
    ? Input[Index] extends infer Size
      ? Size extends number
        ? number extends Size
          ? SetAt<Input, Index, number>
          : `${Size}` extends `${string}${"0" | "2" | "4" | "6" | "8"}`
            ? SetAt<Input, Index, FloorDiv<Size, 2>>
            : writeGluOddMessage<Layer, Index, Size>
        : SetAt<Input, Index, number> // a named dimension: its size is checked when the model is built
      : never
    : writeDimRangeMessage<Layer, "dim", Dim, Input["length"]>
  : never;

/** The message when softmax2d's input is not of rank 3 or 4. */
export type writeSoftmax2dRankMessage<Rank extends number> =
  `softmax2d(): expects an input of rank 3 or 4 ([channels, height, width] or [batch, channels, height, width]), got rank ${Rank}`;
/** softmax2d: softmax over the channels (dim -3) of an input of rank 3 or 4. */
export type Softmax2dRule<Input> = Input extends Shape
  ? Input["length"] extends 3 | 4
    ? Input
    : writeSoftmax2dRankMessage<Input["length"]>
  : never;
