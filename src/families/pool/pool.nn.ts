// nn.maxPool1d/2d/3d / avgPool1d/2d/3d: PyTorch's pooling, channels-first.
import type { Compare, Mul } from "../../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Checked,
  GivenTwiceProblem,
  OptionTypeProblem,
  OptionTypesFit,
  IsOptions,
  KnownKeys,
  PerDim,
  UnknownKeyProblem,
  Waiting,
  WithoutLastComma,
  Written,
  writeAfterOptionsMessage,
  writePositionalMessage,
} from "../../../types/shape/args.ts";
import type { FirstProblem, SizeArgProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems, IsPlainSize, IsPlainSizeArg } from "../../../types/shape/plain.ts";
import type { FirstSizeProblem } from "../../../types/shape/args.ts";
import type { ByName, PositionalSettings } from "../../../types/shape/positional.ts";
import type { PoolRule, UnpaddedKernelProblem, writePoolPaddingMessage } from "./pool.types.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import { fail } from "../../ops/fail.ts";
import {
  checkOptionTypes,
  checkSizes,
  checkTupleLength,
  expected,
  isOptions,
  perDim,
  splitOptions,
  written,
} from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { checkUnpaddedKernel, poolRule, writePoolPaddingMessage as writePaddingMessage } from "./pool.ts";
import {
  builder,
  checkKernelPositional,
  optionals,
  settingsOf,
  valuesOf,
  writtenCall,
} from "../conv/torch-arguments.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import type { SizeArg } from "../conv/conv.nn.ts";

/** PyTorch's keyword arguments of MaxPool/AvgPool, with PyTorch's defaults. */
export interface PoolOptions {
  /** Default: the kernel size. */
  readonly stride?: SizeArg;
  /** Default 0; at most half the kernel size. */
  readonly padding?: SizeArg;
  /** Default 1 (max pooling only). */
  readonly dilation?: SizeArg;
  /** Default false: floor. With true, ceil, but the last window must start inside the input or its left padding. */
  readonly ceilMode?: boolean;
  /** Default true (average pooling only): the zeros of the padding count in the mean. */
  readonly countIncludePad?: boolean;
  /** Default none (avgPool2d/3d only): each window's sum is divided by this instead of its size. */
  readonly divisorOverride?: number;
  /** Default false (max pooling only); true is refused: shapecheck's layer returns the output alone, not (output, indices). */
  readonly returnIndices?: false;
}

/** What each option's value must be (type level; the runtime's twin is `optionTypes`). */
type OptionTypes = { ceilMode: boolean; countIncludePad: boolean; returnIndices: false };
type OptionTexts = {
  ceilMode: "true or false";
  countIncludePad: "true or false";
  returnIndices: "false: shapecheck returns the output alone, not PyTorch's (output, indices)";
};

type Option<Options, Key extends keyof PoolOptions, Default> = Options extends { readonly [K in Key]: infer Value }
  ? Value
  : Default;
/** The options object of a call: the first object among the second, third and fourth arguments (`{}` when none). */
type OptionsOf<Second, Third, Fourth> =
  IsOptions<Second> extends true ? Second : IsOptions<Third> extends true ? Third : Fourth;
type StrideOf<Kernel, Second, Third = undefined, Fourth = {}> =
  IsOptions<Second> extends true
    ? Option<Second, "stride", Kernel>
    : Second extends SizeArg
      ? Second
      : Option<OptionsOf<Second, Third, Fourth>, "stride", Kernel>;
type PaddingOf<Second, Third, Fourth = {}> =
  IsOptions<Second> extends true
    ? Option<Second, "padding", 0>
    : IsOptions<Third> extends true
      ? Option<Third, "padding", 0>
      : Third extends SizeArg
        ? Third
        : Option<Fourth, "padding", 0>;
type DilationOf<Second, Third = undefined, Fourth = {}> = Option<OptionsOf<Second, Third, Fourth>, "dilation", 1>;
type CeilModeOf<Second, Third = undefined, Fourth = {}> = Option<OptionsOf<Second, Third, Fourth>, "ceilMode", false>;

/** How messages write a pooling layer: `maxPool2d(2)`, `maxPool2d(3, 2, 1)`, `maxPool2d(3, { ceilMode: true })`. */
type WrittenPool<Kind extends string, Kernel, Stride, Padding, Dilation, CeilMode> = `${Kind}(${Written<Kernel>}${[
  Dilation,
  CeilMode,
] extends [1, false]
  ? [Stride, Padding] extends [Kernel, 0]
    ? ""
    : Padding extends 0
      ? `, ${Written<Stride>}`
      : `, ${Written<Stride>}, ${Written<Padding>}`
  : `, { ${WithoutLastComma<`${[Stride] extends [Kernel] ? "" : `stride: ${Written<Stride>}, `}${Padding extends 0 ? "" : `padding: ${Written<Padding>}, `}${Dilation extends 1 ? "" : `dilation: ${Written<Dilation>}, `}${[CeilMode] extends [false] ? "" : `ceilMode: ${Written<CeilMode>}, `}`>} }`})`;

/** The rule; its messages get the written form in front only when there is one (see conv.ts). */
type Rule<Kind extends string, Rank extends number, Kernel, Stride, Padding, Dilation, CeilMode, Input> = Named<
  PoolRule<
    "",
    Rank,
    PerDim<Kernel, Rank>,
    PerDim<Stride, Rank>,
    PerDim<Padding, Rank>,
    PerDim<Dilation, Rank>,
    CeilMode,
    Input
  >,
  Kind,
  Kernel,
  Stride,
  Padding,
  Dilation,
  CeilMode
>;
type Named<Result, Kind extends string, Kernel, Stride, Padding, Dilation, CeilMode> = Result extends string
  ? `${WrittenPool<Kind, Kernel, Stride, Padding, Dilation, CeilMode>}${Result}`
  : Result;

interface PoolLayer<Kernel, Stride, Padding, Dilation, CeilMode> extends Layer, RuntimeLayer {
  readonly kernelSize: Kernel;
  readonly stride: Stride;
  readonly padding: Padding;
  readonly dilation: Dilation;
  readonly ceilMode: CeilMode;
}
/** `nn.maxPool1d(kernelSize, stride?, padding?)` on [batch, channels, length]. */
export interface MaxPool1d<Kernel, Stride = Kernel, Padding = 0, Dilation = 1, CeilMode = false> extends PoolLayer<
  Kernel,
  Stride,
  Padding,
  Dilation,
  CeilMode
> {
  readonly kind: "maxPool1d";
  readonly "~rule": MaxPool1dShapeRule<Kernel, Stride, Padding, Dilation, CeilMode>;
}
/** The shape rule of MaxPool1d. */
export interface MaxPool1dShapeRule<Kernel, Stride, Padding, Dilation, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"maxPool1d", 1, Kernel, Stride, Padding, Dilation, CeilMode, this["~input"]>;
}
/** `nn.maxPool2d(kernelSize, stride?, padding?)` on [batch, channels, height, width]. */
export interface MaxPool2d<Kernel, Stride = Kernel, Padding = 0, Dilation = 1, CeilMode = false> extends PoolLayer<
  Kernel,
  Stride,
  Padding,
  Dilation,
  CeilMode
> {
  readonly kind: "maxPool2d";
  readonly "~rule": MaxPool2dShapeRule<Kernel, Stride, Padding, Dilation, CeilMode>;
}
/** The shape rule of MaxPool2d. */
export interface MaxPool2dShapeRule<Kernel, Stride, Padding, Dilation, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"maxPool2d", 2, Kernel, Stride, Padding, Dilation, CeilMode, this["~input"]>;
}
/** `nn.avgPool1d(kernelSize, stride?, padding?)` on [batch, channels, length]. */
export interface AvgPool1d<Kernel, Stride = Kernel, Padding = 0, CeilMode = false> extends PoolLayer<
  Kernel,
  Stride,
  Padding,
  1,
  CeilMode
> {
  readonly kind: "avgPool1d";
  readonly "~rule": AvgPool1dShapeRule<Kernel, Stride, Padding, CeilMode>;
}
/** The shape rule of AvgPool1d. */
export interface AvgPool1dShapeRule<Kernel, Stride, Padding, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"avgPool1d", 1, Kernel, Stride, Padding, 1, CeilMode, this["~input"]>;
}
/** `nn.avgPool2d(kernelSize, stride?, padding?)` on [batch, channels, height, width]. */
export interface AvgPool2d<Kernel, Stride = Kernel, Padding = 0, CeilMode = false> extends PoolLayer<
  Kernel,
  Stride,
  Padding,
  1,
  CeilMode
> {
  readonly kind: "avgPool2d";
  readonly "~rule": AvgPool2dShapeRule<Kernel, Stride, Padding, CeilMode>;
}
/** The shape rule of AvgPool2d. */
export interface AvgPool2dShapeRule<Kernel, Stride, Padding, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"avgPool2d", 2, Kernel, Stride, Padding, 1, CeilMode, this["~input"]>;
}

/** `nn.maxPool3d(kernelSize, stride?, padding?)` on [batch, channels, depth, height, width]. */
export interface MaxPool3d<Kernel, Stride = Kernel, Padding = 0, Dilation = 1, CeilMode = false> extends PoolLayer<
  Kernel,
  Stride,
  Padding,
  Dilation,
  CeilMode
> {
  readonly kind: "maxPool3d";
  readonly "~rule": MaxPool3dShapeRule<Kernel, Stride, Padding, Dilation, CeilMode>;
}
/** The shape rule of MaxPool3d. */
export interface MaxPool3dShapeRule<Kernel, Stride, Padding, Dilation, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"maxPool3d", 3, Kernel, Stride, Padding, Dilation, CeilMode, this["~input"]>;
}
/** `nn.avgPool3d(kernelSize, stride?, padding?)` on [batch, channels, depth, height, width]. */
export interface AvgPool3d<Kernel, Stride = Kernel, Padding = 0, CeilMode = false> extends PoolLayer<
  Kernel,
  Stride,
  Padding,
  1,
  CeilMode
> {
  readonly kind: "avgPool3d";
  readonly "~rule": AvgPool3dShapeRule<Kernel, Stride, Padding, CeilMode>;
}
/** The shape rule of AvgPool3d: pooling's, after PyTorch's check that the kernel fits the unpadded input. */
export interface AvgPool3dShapeRule<Kernel, Stride, Padding, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"avgPool3d", 3, Kernel, Stride, Padding, 1, CeilMode, this["~input"]> extends infer Out
    ? Out extends string
      ? Out
      : this["~input"] extends readonly [unknown, unknown, ...infer Spatial extends Shape]
        ? Named<
            UnpaddedKernelProblem<"", Spatial, PerDim<Kernel, 3>>,
            "avgPool3d",
            Kernel,
            Stride,
            Padding,
            1,
            CeilMode
          > extends infer P extends string
          ? P
          : Out
        : Out
    : never;
}

// Argument checks, each on its own argument.
/** 2·padding ≤ kernel in every dimension, else the message. */
type HalfKernelProblem<
  Layer extends string,
  Paddings extends readonly unknown[],
  Kernels extends readonly unknown[],
> = Paddings extends readonly [infer P, ...infer Rest]
  ? Kernels extends readonly [infer K, ...infer OtherKernels]
    ? Compare<Mul<P, 2>, K> extends "gt"
      ? writePoolPaddingMessage<Layer, P, K>
      : HalfKernelProblem<Layer, Rest, OtherKernels>
    : false
  : false;
type PaddingProblem<Layer extends string, Rank extends number, Kernel, Padding> =
  SizeArgProblem<Layer, "padding", Padding, Rank, 0> extends infer P extends string
    ? P
    : HalfKernelProblem<Layer, PerDim<Padding, Rank>, PerDim<Kernel, Rank>>;
type OptionsProblem<
  Layer extends string,
  Kind extends string,
  Rank extends number,
  Kernel,
  Options,
  Positional extends string,
> = FirstProblem<
  [
    UnknownKeyProblem<Layer, `nn.${Kind}`, Options, KeyOf<Kind, Options>>,
    GivenTwiceProblem<Layer, Options, Positional>,
    OptionTypeProblem<Layer, Options, OptionTypes, OptionTexts>,
    Options extends { readonly divisorOverride: infer Divisor }
      ? FirstSizeProblem<Layer, ["divisorOverride"], [Divisor]>
      : false,
    Waiting<Option<Options, "stride", 1>, SizeArgProblem<Layer, "stride", Option<Options, "stride", 1>, Rank>>,
    Waiting<Option<Options, "padding", 0>, PaddingProblem<Layer, Rank, Kernel, Option<Options, "padding", 0>>>,
    Waiting<Option<Options, "dilation", 1>, SizeArgProblem<Layer, "dilation", Option<Options, "dilation", 1>, Rank>>,
  ]
>;
type SecondProblem<Layer extends string, Kind extends string, Rank extends number, Kernel, Second> =
  IsOptions<Second> extends true
    ? OptionsProblem<Layer, Kind, Rank, Kernel, Second, never>
    : [Second] extends [undefined]
      ? false
      : SizeArgProblem<Layer, "stride", Second, Rank>;
type ThirdProblem<Layer extends string, Kind extends string, Rank extends number, Kernel, Second, Third> =
  IsOptions<Second> extends true
    ? [Third] extends [undefined]
      ? false
      : writeAfterOptionsMessage<Layer>
    : IsOptions<Third> extends true
      ? OptionsProblem<Layer, Kind, Rank, Kernel, Third, Second extends undefined ? never : "stride">
      : [Third] extends [undefined]
        ? false
        : PaddingProblem<Layer, Rank, Kernel, Third>;
type FourthProblem<Layer extends string, Kind extends string, Rank extends number, Kernel, Second, Third, Fourth> = [
  IsOptions<Second>,
  IsOptions<Third>,
] extends [false, false]
  ? OptionsProblem<
      Layer,
      Kind,
      Rank,
      Kernel,
      Fourth,
      (Second extends undefined ? never : "stride") | (Third extends undefined ? never : "padding")
    >
  : {} extends Fourth
    ? false
    : writeAfterOptionsMessage<Layer>;
/** `maxPool2d({ kernelSize: 3 })`: kernelSize is an argument. */
type KernelProblem<Kind extends string, Rank extends number, Kernel> =
  IsOptions<Kernel> extends true
    ? writePositionalMessage<`${Kind}({ … })`, "kernelSize", "kernelSize, stride, padding">
    : SizeArgProblem<"", "kernelSize", Kernel, Rank>;
/** Each argument's message (written as `Rule`'s are) or `false`; plain arguments skip the checks. */
type PoolProblems<Kind extends string, Rank extends number, Kernel, Second, Third, Fourth> = [
  IsPlainSizeArg<Kernel, Rank>,
  PlainSecond<Kind, Rank, Kernel, Second>,
  IsOptions<Second> extends true ? ([Third] extends [undefined] ? true : false) : PlainPadding<Kernel, Third>,
  Fourth,
] extends [true, true, true, {}]
  ? {} extends Fourth
    ? [false, false, false, false]
    : FullProblems<Kind, Rank, Kernel, Second, Third, Fourth>
  : FullProblems<Kind, Rank, Kernel, Second, Third, Fourth>;
type FullProblems<Kind extends string, Rank extends number, Kernel, Second, Third, Fourth> =
  IsOptions<Kernel> extends true
    ? [KernelProblem<Kind, Rank, Kernel>, false, false, false]
    : [
        ArgMessage<KernelProblem<Kind, Rank, Kernel>, Kind, Kernel, Second, Third, Fourth>,
        ArgMessage<SecondProblem<"", Kind, Rank, Kernel, Second>, Kind, Kernel, Second, Third, Fourth>,
        ArgMessage<ThirdProblem<"", Kind, Rank, Kernel, Second, Third>, Kind, Kernel, Second, Third, Fourth>,
        ArgMessage<FourthProblem<"", Kind, Rank, Kernel, Second, Third, Fourth>, Kind, Kernel, Second, Third, Fourth>,
      ];
// Plain options: known keys, plain sizes, and a padding of 0 or a number at most half a number kernel.
type PlainSecond<Kind extends string, Rank extends number, Kernel, Second> = [Second] extends [undefined]
  ? true
  : IsOptions<Second> extends true
    ? [
        KnownKeys<Second, KeyOf<Kind, Second>>,
        OptionTypesFit<Second, OptionTypes>,
        IsPlainSize<Option<Second, "divisorOverride", 1>>,
        IsPlainSizeArg<StrideOf<Kernel, Second>, Rank>,
        PlainPadding<Kernel, PaddingOf<Second, undefined>>,
        IsPlainSizeArg<DilationOf<Second>, Rank>,
      ] extends [true, true, true, true, true, true]
      ? true
      : false
    : IsPlainSizeArg<Second, Rank>;
type PlainPadding<Kernel, Padding> = [Padding] extends [0 | undefined]
  ? true
  : [IsPlainSize<Padding>, IsPlainSize<Kernel>] extends [true, true]
    ? Compare<Mul<Padding, 2>, Kernel> extends "gt"
      ? false
      : true
    : false;
type ArgMessage<Problem, Kind extends string, Kernel, Second, Third, Fourth> = Problem extends string
  ? Named<
      Problem,
      Kind,
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      DilationOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    >
  : false;
// PyTorch's later arguments positionally (maxPool2d(3, 2, 1, 2), avgPool2d(3, 2, 0, true)): the "long path", taken
// only when an argument after padding is not an options object; each value is checked as the option of its name.
/** PyTorch's order after kernelSize. */
type PositionalNames<Kind extends string> = Kind extends `max${string}`
  ? ["stride", "padding", "dilation", "returnIndices", "ceilMode"]
  : Kind extends "avgPool1d"
    ? ["stride", "padding", "ceilMode", "countIncludePad"]
    : ["stride", "padding", "ceilMode", "countIncludePad", "divisorOverride"];
/** The long path: the fourth argument is not an options object, or one follows (`Later`: the later ones, intersected). */
type IsLong<Fourth, Later> = IsOptions<Fourth> extends true ? ({} extends Later ? false : true) : true;
/** Every setting of a long call as one options object (a value given twice: the argument's, as the runtime's). */
type LongOptions<Kind extends string, Rest extends readonly unknown[]> = PositionalSettings<
  PositionalNames<Kind>,
  Rest
>;
/** The names given positionally. */
type GivenNames<Kind extends string, Rest extends readonly unknown[]> = keyof ByName<PositionalNames<Kind>, Rest> &
  string;
/** Each argument after kernelSize: its value checked as its name's option, the options object, or one after it. */
type LongArgProblems<
  Kind extends string,
  Rank extends number,
  Kernel,
  Names extends readonly string[],
  Rest extends readonly unknown[],
  Given extends string,
  Seen extends boolean = false,
> = Rest extends readonly [infer Value, ...infer Others]
  ? [
      Seen extends true
        ? [Value] extends [undefined]
          ? false
          : {} extends Value
            ? false
            : writeAfterOptionsMessage<"">
        : IsOptions<Value> extends true
          ? OptionsProblem<"", Kind, Rank, Kernel, Value, Given>
          : [Value] extends [undefined]
            ? false
            : Names extends readonly [infer Name extends string, ...unknown[]]
              ? OptionsProblem<"", Kind, Rank, Kernel, { readonly [K in Name]: Value }, never>
              : false,
      ...LongArgProblems<
        Kind,
        Rank,
        Kernel,
        Names extends readonly [unknown, ...infer OtherNames extends string[]] ? OtherNames : [],
        Others,
        Given,
        Seen extends true ? true : IsOptions<Value>
      >,
    ]
  : [];
type LongProblems<Kind extends string, Rank extends number, Kernel, Rest extends readonly unknown[]> =
  IsOptions<Kernel> extends true
    ? [KernelProblem<Kind, Rank, Kernel>, false, false, false, false, false, false]
    : LongOptions<Kind, Rest> extends infer All
      ? [
          KernelProblem<Kind, Rank, Kernel>,
          ...LongArgProblems<Kind, Rank, Kernel, PositionalNames<Kind>, Rest, GivenNames<Kind, Rest>>,
        ] extends infer Problems
        ? {
            [I in keyof Problems]: Problems[I] extends string
              ? Named<
                  Problems[I],
                  Kind,
                  Kernel,
                  Option<All, "stride", Kernel>,
                  Option<All, "padding", 0>,
                  Option<All, "dilation", 1>,
                  Option<All, "ceilMode", false>
                >
              : false;
          }
        : never
      : never;
/** The problems of every argument (kernelSize, then up to six). */
type AllProblems<Kind extends string, Rank extends number, Kernel, Second, Third, Fourth, Fifth, Sixth, Seventh = {}> =
  IsLong<Fourth, Fifth & Sixth & Seventh> extends true
    ? LongProblems<Kind, Rank, Kernel, [Second, Third, Fourth, Fifth, Sixth, Seventh]>
    : [...PoolProblems<Kind, Rank, Kernel, Second, Third, Fourth>, false, false, false];
/** A setting of a long call's layer (`Key`'s default `Default`). */
type LongSetting<Kind extends string, Rest extends readonly unknown[], Key extends keyof PoolOptions, Default> = Option<
  LongOptions<Kind, Rest>,
  Key,
  Default
>;

type Options<Kind extends string> = Kind extends `avg${string}`
  ? Omit<PoolOptions, "dilation" | "returnIndices" | (Kind extends "avgPool1d" ? "divisorOverride" : never)>
  : Omit<PoolOptions, "countIncludePad" | "divisorOverride" | "returnIndices">;
/**
 * The keys an options object may hold. Max pooling's `returnIndices` is known only where it is given (and refused
 * unless false), so that a misspelt key is not taken for it (`return_indices` gets no suggestion).
 */
type KeyOf<Kind extends string, Given = {}> =
  | (keyof Options<Kind> & string)
  | (Kind extends `max${string}` ? ("returnIndices" extends keyof Given ? "returnIndices" : never) : never);
/** PyTorch's keywords of MaxPool in camelCase. */
export const poolKeys = ["stride", "padding", "dilation", "ceilMode"] as const satisfies readonly (keyof PoolOptions)[];
/** PyTorch's keywords of AvgPool2d/3d in camelCase (AvgPool1d: without divisorOverride). */
export const avgPoolKeys = [
  "stride",
  "padding",
  "ceilMode",
  "countIncludePad",
  "divisorOverride",
] as const satisfies readonly (keyof PoolOptions)[];
const optionTypes = {
  ceilMode: expected.boolean,
  countIncludePad: expected.boolean,
  returnIndices: [
    "false: shapecheck returns the output alone, not PyTorch's (output, indices)",
    (value: unknown) => value === false,
  ],
} as const;

/** PyTorch's `nn.MaxPool1d(kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=False)`. */
export const maxPool1d: <
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = undefined,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends SizeArg | boolean | string | object | null | undefined = {},
  const Fifth extends SizeArg | boolean | string | object | null | undefined = {},
  const Sixth extends SizeArg | boolean | string | object | null | undefined = {},
  const Seventh extends object = {},
  Problems extends ArgProblems = AllProblems<"maxPool1d", 1, Kernel, Second, Third, Fourth, Fifth, Sixth, Seventh>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  strideOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  dilationOrOptions?: Checked<Fourth, Problems[3]>,
  returnIndicesOrOptions?: Checked<Fifth, Problems[4]>,
  ceilModeOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => IsLong<Fourth, Fifth & Sixth & Seventh> extends true
  ? MaxPool1d<
      Kernel,
      LongSetting<"maxPool1d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "stride", Kernel>,
      LongSetting<"maxPool1d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "padding", 0>,
      LongSetting<"maxPool1d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "dilation", 1>,
      LongSetting<"maxPool1d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "ceilMode", false>
    >
  : MaxPool1d<
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      DilationOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    > = builder(pool, "maxPool1d");
/**
 * PyTorch's `nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=False)`.
 *
 * @example
 * nn.maxPool2d(2); // [n, 64, 24, 24] → [n, 64, 12, 12]
 */
export const maxPool2d: <
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = undefined,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends SizeArg | boolean | string | object | null | undefined = {},
  const Fifth extends SizeArg | boolean | string | object | null | undefined = {},
  const Sixth extends SizeArg | boolean | string | object | null | undefined = {},
  const Seventh extends object = {},
  Problems extends ArgProblems = AllProblems<"maxPool2d", 2, Kernel, Second, Third, Fourth, Fifth, Sixth, Seventh>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  strideOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  dilationOrOptions?: Checked<Fourth, Problems[3]>,
  returnIndicesOrOptions?: Checked<Fifth, Problems[4]>,
  ceilModeOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => IsLong<Fourth, Fifth & Sixth & Seventh> extends true
  ? MaxPool2d<
      Kernel,
      LongSetting<"maxPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "stride", Kernel>,
      LongSetting<"maxPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "padding", 0>,
      LongSetting<"maxPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "dilation", 1>,
      LongSetting<"maxPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "ceilMode", false>
    >
  : MaxPool2d<
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      DilationOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    > = builder(pool, "maxPool2d");
/** PyTorch's `nn.AvgPool1d(kernel_size, stride=kernel_size, padding=0, ceil_mode=False)`. */
export const avgPool1d: <
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = undefined,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends SizeArg | boolean | string | object | null | undefined = {},
  const Fifth extends SizeArg | boolean | string | object | null | undefined = {},
  const Sixth extends object = {},
  Problems extends ArgProblems = AllProblems<"avgPool1d", 1, Kernel, Second, Third, Fourth, Fifth, Sixth>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  strideOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  ceilModeOrOptions?: Checked<Fourth, Problems[3]>,
  countIncludePadOrOptions?: Checked<Fifth, Problems[4]>,
  options?: Checked<Sixth, Problems[5]>,
) => IsLong<Fourth, Fifth & Sixth> extends true
  ? AvgPool1d<
      Kernel,
      LongSetting<"avgPool1d", [Second, Third, Fourth, Fifth, Sixth], "stride", Kernel>,
      LongSetting<"avgPool1d", [Second, Third, Fourth, Fifth, Sixth], "padding", 0>,
      LongSetting<"avgPool1d", [Second, Third, Fourth, Fifth, Sixth], "ceilMode", false>
    >
  : AvgPool1d<
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    > = builder(pool, "avgPool1d");
/** PyTorch's `nn.AvgPool2d(kernel_size, stride=kernel_size, padding=0, ceil_mode=False)`. */
export const avgPool2d: <
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = undefined,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends SizeArg | boolean | string | object | null | undefined = {},
  const Fifth extends SizeArg | boolean | string | object | null | undefined = {},
  const Sixth extends SizeArg | boolean | string | object | null | undefined = {},
  const Seventh extends object = {},
  Problems extends ArgProblems = AllProblems<"avgPool2d", 2, Kernel, Second, Third, Fourth, Fifth, Sixth, Seventh>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  strideOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  ceilModeOrOptions?: Checked<Fourth, Problems[3]>,
  countIncludePadOrOptions?: Checked<Fifth, Problems[4]>,
  divisorOverrideOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => IsLong<Fourth, Fifth & Sixth & Seventh> extends true
  ? AvgPool2d<
      Kernel,
      LongSetting<"avgPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "stride", Kernel>,
      LongSetting<"avgPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "padding", 0>,
      LongSetting<"avgPool2d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "ceilMode", false>
    >
  : AvgPool2d<
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    > = builder(pool, "avgPool2d");

/**
 * PyTorch's `nn.MaxPool3d(kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=False)`.
 *
 * @example
 * nn.maxPool3d(2); // [n, 8, 16, 16, 16] → [n, 8, 8, 8, 8]
 */
export const maxPool3d: <
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = undefined,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends SizeArg | boolean | string | object | null | undefined = {},
  const Fifth extends SizeArg | boolean | string | object | null | undefined = {},
  const Sixth extends SizeArg | boolean | string | object | null | undefined = {},
  const Seventh extends object = {},
  Problems extends ArgProblems = AllProblems<"maxPool3d", 3, Kernel, Second, Third, Fourth, Fifth, Sixth, Seventh>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  strideOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  dilationOrOptions?: Checked<Fourth, Problems[3]>,
  returnIndicesOrOptions?: Checked<Fifth, Problems[4]>,
  ceilModeOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => IsLong<Fourth, Fifth & Sixth & Seventh> extends true
  ? MaxPool3d<
      Kernel,
      LongSetting<"maxPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "stride", Kernel>,
      LongSetting<"maxPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "padding", 0>,
      LongSetting<"maxPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "dilation", 1>,
      LongSetting<"maxPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "ceilMode", false>
    >
  : MaxPool3d<
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      DilationOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    > = builder(pool, "maxPool3d");
/**
 * PyTorch's `nn.AvgPool3d(kernel_size, stride=kernel_size, padding=0, ceil_mode=False, count_include_pad=True,
 * divisor_override=None)`.
 *
 * @example
 * nn.avgPool3d(2, 2, 1); // [n, 8, 16, 16, 16] → [n, 8, 9, 9, 9]
 */
export const avgPool3d: <
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = undefined,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends SizeArg | boolean | string | object | null | undefined = {},
  const Fifth extends SizeArg | boolean | string | object | null | undefined = {},
  const Sixth extends SizeArg | boolean | string | object | null | undefined = {},
  const Seventh extends object = {},
  Problems extends ArgProblems = AllProblems<"avgPool3d", 3, Kernel, Second, Third, Fourth, Fifth, Sixth, Seventh>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  strideOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  ceilModeOrOptions?: Checked<Fourth, Problems[3]>,
  countIncludePadOrOptions?: Checked<Fifth, Problems[4]>,
  divisorOverrideOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => IsLong<Fourth, Fifth & Sixth & Seventh> extends true
  ? AvgPool3d<
      Kernel,
      LongSetting<"avgPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "stride", Kernel>,
      LongSetting<"avgPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "padding", 0>,
      LongSetting<"avgPool3d", [Second, Third, Fourth, Fifth, Sixth, Seventh], "ceilMode", false>
    >
  : AvgPool3d<
      Kernel,
      StrideOf<Kernel, Second, Third, Fourth>,
      PaddingOf<Second, Third, Fourth>,
      CeilModeOf<Second, Third, Fourth>
    > = builder(pool, "avgPool3d");

/** The config of maxPool1d/2d/3d / avgPool1d/2d/3d (its runtime object), defaults filled in. */
export interface PoolConfig extends KindConfig<
  "maxPool1d" | "maxPool2d" | "maxPool3d" | "avgPool1d" | "avgPool2d" | "avgPool3d"
> {
  readonly kernelSize: SizeArg;
  readonly stride: SizeArg;
  readonly padding: SizeArg;
  readonly dilation: SizeArg;
  readonly ceilMode: boolean;
  /** Average pooling: whether the padding's zeros count in the mean (PyTorch's default true). */
  readonly countIncludePad: boolean;
  /** Average pooling: the divisor of every window's sum instead of its size, or null (PyTorch's None). */
  readonly divisorOverride: number | null;
}

/** A pooling layer's config from its builder's arguments: kernelSize, PyTorch's optional ones, an options object. */
function pool(kind: PoolConfig["kind"], rank: number, [kernelSize, ...rest]: readonly unknown[]): PoolConfig {
  checkKernelPositional(`${kind}({ … })`, kernelSize, [], ["stride", "padding"]);
  const kernel = kernelSize as SizeArg;
  const average = kind.startsWith("avg");
  // PyTorch's order after kernelSize, then an options object (average pooling's are its keywords)
  const names = average
    ? avgPoolKeys.slice(0, kind === "avgPool1d" ? 4 : 5) // avgPool1d: no divisorOverride
    : [...poolKeys.slice(0, 3), "returnIndices", "ceilMode"];
  const options = settingsOf<PoolOptions>(names, rest);
  const args = optionals(options, { stride: kernel, padding: 0, dilation: 1, ceilMode: false });
  const [stride, padding, dilation, ceilMode] = valuesOf(args) as [SizeArg, SizeArg, SizeArg, boolean];
  const layer = writtenCall(`${kind}(${written(kernel)}`, 2, args);
  splitOptions(
    layer,
    `nn.${kind}`,
    names,
    rest,
    // (two options objects: refused before the keys are read)
    average
      ? names
      : [...poolKeys, ...(rest.some((arg) => isOptions(arg) && "returnIndices" in arg) ? ["returnIndices"] : [])],
  );
  checkOptionTypes(layer, options, optionTypes);
  const divisorOverride = options.divisorOverride ?? null;
  if (divisorOverride !== null) checkSizes(layer, { divisorOverride });
  checkSizes(layer, { kernelSize: kernel, stride, dilation });
  checkSizes(layer, { padding }, 0);
  for (const [name, value] of Object.entries({ kernelSize, stride, padding, dilation }))
    checkTupleLength(layer, name, value, rank);
  const kernels = perDim(kernel, rank);
  const paddings = perDim(padding, rank);
  paddings.forEach((p, i) => {
    if (2 * p > kernels[i]!) fail(writePaddingMessage(layer, p, kernels[i]!));
  });
  return {
    kind,
    written: layer,
    kernelSize: kernel,
    stride,
    padding,
    dilation,
    ceilMode,
    countIncludePad: options.countIncludePad ?? true,
    divisorOverride,
    outputShape: (input: RuntimeShape) => {
      const output = poolRule(
        layer,
        rank,
        { kernels, strides: perDim(stride, rank), paddings, dilations: perDim(dilation, rank), ceilMode },
        input,
      );
      if (kind === "avgPool3d") checkUnpaddedKernel(layer, kernels, input);
      return output;
    },
  };
}
