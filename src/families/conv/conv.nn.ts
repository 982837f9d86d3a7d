// nn.conv1d / conv2d / conv3d: PyTorch's Conv1d/2d/3d, channels-first, PyTorch's argument order; and
// nn.lazyConv1d / 2d / 3d (PyTorch's LazyConv*: inChannels is the input's channel dimension, `In` is `number` in
// the argument checks and the input's channels in the rule).
import type { Mod } from "../../../types/arith/index.ts";
import type {
  Arg,
  Checked,
  FirstSizeProblem,
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
import type { ConvRule, ConvSizes } from "./conv.types.ts";
import type { Dim, Shape } from "../../../types/shape/dims.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import { fail } from "../../ops/fail.ts";
import { checkOptionTypes, checkSizes, expected, perDim, splitOptions, written } from "../../shape/args.ts";
import { convRule } from "./conv.ts";
import { convTransposeRule, writeOutputPaddingMessage as writeOutputPadding } from "./conv-transpose.ts";
import type { ConvTransposeConfig, ConvTransposeOptions, LazyConvTransposeConfig } from "./conv-transpose.nn.ts";
import { builder, checkKernelPositional, checkSizeArg, optionals, settingsOf, writtenCall } from "./torch-arguments.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";

/** A size per spatial dimension: one number for all, or a tuple. */
export type SizeArg = number | readonly number[];
/** Padding: a size per dimension, "same" (output size = input size; stride 1 only) or "valid" (0). */
export type PaddingArg = SizeArg | "same" | "valid";

/** The config of conv1d / conv2d / conv3d (its runtime object): PyTorch's arguments, defaults filled in. */
export interface ConvConfig extends KindConfig<"conv1d" | "conv2d" | "conv3d"> {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: SizeArg;
  readonly stride: SizeArg;
  readonly padding: PaddingArg;
  readonly dilation: SizeArg;
  readonly groups: number;
  readonly bias: boolean;
}

/** PyTorch's keyword arguments of Conv1d/2d/3d, with PyTorch's defaults. */
export interface ConvOptions {
  /** Default 1. */
  readonly stride?: SizeArg;
  /** Default 0. */
  readonly padding?: PaddingArg;
  /** Default 1. */
  readonly dilation?: SizeArg;
  /** Default 1; must divide both channel counts. */
  readonly groups?: number;
  /** Default true. */
  readonly bias?: boolean;
  /** Default "zeros" (the only mode here: PyTorch's other modes pad with other values, to the same shape). */
  readonly paddingMode?: "zeros";
}

type Option<Options, Key extends keyof ConvOptions, Default> = Options extends { readonly [K in Key]: infer Value }
  ? Value
  : Default;
/** The options object of a call: the first object among the fourth, fifth and sixth arguments (`{}` when none). */
type OptionsOf<Fourth, Fifth, Sixth> =
  IsOptions<Fourth> extends true ? Fourth : IsOptions<Fifth> extends true ? Fifth : Sixth;
type StrideOf<Fourth, Fifth = undefined, Sixth = {}> =
  IsOptions<Fourth> extends true
    ? Option<Fourth, "stride", 1>
    : Fourth extends undefined
      ? Option<OptionsOf<Fourth, Fifth, Sixth>, "stride", 1>
      : Fourth;
type PaddingOf<Fourth, Fifth, Sixth = {}> =
  IsOptions<Fourth> extends true
    ? Option<Fourth, "padding", 0>
    : IsOptions<Fifth> extends true
      ? Option<Fifth, "padding", 0>
      : Fifth extends undefined
        ? Option<Sixth, "padding", 0>
        : Fifth;
type DilationOf<Fourth, Fifth = undefined, Sixth = {}> = Option<OptionsOf<Fourth, Fifth, Sixth>, "dilation", 1>;
type GroupsOf<Fourth, Fifth = undefined, Sixth = {}> = Option<OptionsOf<Fourth, Fifth, Sixth>, "groups", 1>;
/** PyTorch's keywords of Conv1d/2d/3d in camelCase (what an options object may hold). */
type ConvKey = keyof ConvOptions;

/** How messages write a convolution: `conv2d(1, 32, 3)`, `conv2d(1, 32, 3, 2, 1)`, `conv2d(3, 8, 3, { dilation: 2 })`. */
export type WrittenConv<
  Kind extends string,
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups,
> = `${Kind}(${WrittenChannels<Kind, In, Out>}, ${Written<Kernel>}${[Dilation, Groups] extends [1, 1]
  ? [Stride, Padding] extends [1, 0]
    ? ""
    : Padding extends 0
      ? `, ${Written<Stride>}`
      : `, ${Written<Stride>}, ${Written<Padding>}`
  : `, { ${WithoutLastComma<`${Stride extends 1 ? "" : `stride: ${Written<Stride>}, `}${Padding extends 0 ? "" : `padding: ${Written<Padding>}, `}${Dilation extends 1 ? "" : `dilation: ${Written<Dilation>}, `}${Groups extends 1 ? "" : `groups: ${Groups & number}, `}`>} }`}${")"}`;

/** `16, 32` (inChannels, outChannels), or `32` for a lazy convolution (its inChannels come from its input). */
export type WrittenChannels<Kind extends string, In, Out> = Kind extends `lazy${string}`
  ? `${Out & number}`
  : `${In & number}, ${Out & number}`;
/** PyTorch's order of a convolution's positional arguments, as messages write it. */
type ArgumentOrder<Kind extends string> = Kind extends `lazy${string}`
  ? "outChannels, kernelSize, stride, padding"
  : "inChannels, outChannels, kernelSize, stride, padding";

type Paddings<Padding, Rank extends number> = Padding extends "same"
  ? "same"
  : Padding extends "valid"
    ? PerDim<0, Rank>
    : PerDim<Padding, Rank>;

/**
 * The type-level rule of a convolution of spatial rank `Rank` on `Input`. Its messages are found
 * with an empty layer name and the written form is put in front only when there is one (writing it
 * for every layer of a long model costs more than the rule). An input that fits (a mutable shape
 * whose channels are inChannels, of the right rank) takes the first branch: only its sizes, which
 * layers of one spatial size share; anything else, the full rule with its messages.
 */
type Rule<
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups,
  Input,
> = Input extends [infer Batch, In, ...infer Spatial extends Shape]
  ? Spatial["length"] extends Rank
    ? ConvSizes<
        Spatial,
        PerDim<Kernel, Rank>,
        PerDim<Stride, Rank>,
        Paddings<Padding, Rank>,
        PerDim<Dilation, Rank>
      > extends infer Sizes extends Dim[]
      ? [Batch, Out, ...Sizes]
      : FullRule<Kind, Rank, In, Out, Kernel, Stride, Padding, Dilation, Groups, Input>
    : FullRule<Kind, Rank, In, Out, Kernel, Stride, Padding, Dilation, Groups, Input>
  : FullRule<Kind, Rank, In, Out, Kernel, Stride, Padding, Dilation, Groups, Input>;
type FullRule<
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups,
  Input,
> = Named<
  ConvRule<
    "",
    Rank,
    In,
    Out,
    PerDim<Kernel, Rank>,
    PerDim<Stride, Rank>,
    Paddings<Padding, Rank>,
    PerDim<Dilation, Rank>,
    Input
  >,
  Kind,
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
>;
/** A message (which starts with ": ") with the convolution's written form in front; a shape as it is. */
type Named<Result, Kind extends string, In, Out, Kernel, Stride, Padding, Dilation, Groups> = Result extends string
  ? `${WrittenConv<Kind, In, Out, Kernel, Stride, Padding, Dilation, Groups>}${Result}`
  : Result;

interface ConvLayer<In, Out, Kernel, Stride, Padding, Dilation, Groups> extends Layer, RuntimeLayer {
  readonly inChannels: In;
  readonly outChannels: Out;
  readonly kernelSize: Kernel;
  readonly stride: Stride;
  readonly padding: Padding;
  readonly dilation: Dilation;
  readonly groups: Groups;
  readonly bias: boolean;
}
/** `nn.conv1d(in, out, kernel, stride?, padding?)`: [batch, in, length] → [batch, out, length′]. */
export interface Conv1d<In, Out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1> extends ConvLayer<
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
> {
  readonly kind: "conv1d";
  readonly "~rule": Conv1dShapeRule<In, Out, Kernel, Stride, Padding, Dilation, Groups>;
}
/** The shape rule of Conv1d. */
export interface Conv1dShapeRule<In, Out, Kernel, Stride, Padding, Dilation, Groups> extends ShapeRule {
  readonly "~output": Rule<"conv1d", 1, In, Out, Kernel, Stride, Padding, Dilation, Groups, this["~input"]>;
}
/** `nn.conv2d(in, out, kernel, stride?, padding?)`: [batch, in, height, width] → [batch, out, height′, width′]. */
export interface Conv2d<In, Out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1> extends ConvLayer<
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
> {
  readonly kind: "conv2d";
  readonly "~rule": Conv2dShapeRule<In, Out, Kernel, Stride, Padding, Dilation, Groups>;
}
/** The shape rule of Conv2d. */
export interface Conv2dShapeRule<In, Out, Kernel, Stride, Padding, Dilation, Groups> extends ShapeRule {
  readonly "~output": Rule<"conv2d", 2, In, Out, Kernel, Stride, Padding, Dilation, Groups, this["~input"]>;
}
/** `nn.conv3d(in, out, kernel, stride?, padding?)`: [batch, in, depth, height, width] → [batch, out, depth′, height′, width′]. */
export interface Conv3d<In, Out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1> extends ConvLayer<
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
> {
  readonly kind: "conv3d";
  readonly "~rule": Conv3dShapeRule<In, Out, Kernel, Stride, Padding, Dilation, Groups>;
}
/** The shape rule of Conv3d. */
export interface Conv3dShapeRule<In, Out, Kernel, Stride, Padding, Dilation, Groups> extends ShapeRule {
  readonly "~output": Rule<"conv3d", 3, In, Out, Kernel, Stride, Padding, Dilation, Groups, this["~input"]>;
}

// Argument checks, each reported on its own argument.
/** The message when `padding: "same"` meets a stride other than 1 (PyTorch refuses it). */
export type writeSameStrideMessage<Layer extends string> =
  `${Layer}: padding 'same' is not supported for strided convolutions (PyTorch)`;
/** The message when groups does not divide both channel counts (outChannels alone for a lazy one: `In` is `number`). */
export type writeGroupsMessage<
  Layer extends string,
  In,
  Out,
  Groups,
> = `${Layer}: groups (${Groups & number}) must divide ${number extends In ? "" : `inChannels (${In & number}) and `}outChannels (${Out & number})`;
type GroupsProblem<Layer extends string, In, Out, Groups> = [Groups] extends [1]
  ? false
  : FirstSizeProblem<Layer, ["groups"], [Groups]> extends infer P extends string
    ? P
    : number extends Out | Groups
      ? false
      : [number extends In ? 0 : Mod<In, Groups>, Mod<Out, Groups>] extends [0, 0]
        ? false
        : writeGroupsMessage<Layer, In, Out, Groups>;
type PaddingProblem<Layer extends string, Rank extends number, Stride, Padding> = [Padding] extends ["same"]
  ? // a stride generic in the function being checked: the check waits for it
    Waiting<
      Stride,
      PerDim<Stride, 1>[number] extends 1
        ? false
        : number extends PerDim<Stride, 1>[number]
          ? false
          : writeSameStrideMessage<Layer>
    >
  : [Padding] extends ["valid"]
    ? false
    : SizeArgProblem<Layer, "padding", Padding, Rank, 0>;
/** Problems of an options object: an unknown key, a key also given as an argument, then the values it gives. */
type OptionsProblem<
  Layer extends string,
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Options,
  Stride,
  Positional extends string,
> = FirstProblem<
  [
    UnknownKeyProblem<Layer, `nn.${Kind}`, Options, ConvKey>,
    GivenTwiceProblem<Layer, Options, Positional>,
    OptionTypeProblem<
      Layer,
      Options,
      { bias: boolean; paddingMode: "zeros" },
      { bias: "true or false"; paddingMode: "'zeros' (the only mode here)" }
    >,
    Waiting<Option<Options, "stride", 1>, SizeArgProblem<Layer, "stride", Option<Options, "stride", 1>, Rank>>,
    Waiting<Option<Options, "padding", 0>, PaddingProblem<Layer, Rank, Stride, Option<Options, "padding", 0>>>,
    Waiting<Option<Options, "dilation", 1>, SizeArgProblem<Layer, "dilation", Option<Options, "dilation", 1>, Rank>>,
    Waiting<Option<Options, "groups", 1>, GroupsProblem<Layer, In, Out, Option<Options, "groups", 1>>>,
  ]
>;
type FourthProblem<Layer extends string, Kind extends string, Rank extends number, In, Out, Fourth> =
  IsOptions<Fourth> extends true
    ? OptionsProblem<Layer, Kind, Rank, In, Out, Fourth, StrideOf<Fourth>, never>
    : SizeArgProblem<Layer, "stride", Fourth, Rank>;
type FifthProblem<Layer extends string, Kind extends string, Rank extends number, In, Out, Fourth, Fifth> =
  IsOptions<Fourth> extends true
    ? [Fifth] extends [undefined]
      ? false
      : writeAfterOptionsMessage<Layer>
    : IsOptions<Fifth> extends true
      ? OptionsProblem<Layer, Kind, Rank, In, Out, Fifth, StrideOf<Fourth>, "stride">
      : [Fifth] extends [undefined]
        ? false
        : PaddingProblem<Layer, Rank, Fourth, Fifth>;
type SixthProblem<Layer extends string, Kind extends string, Rank extends number, In, Out, Fourth, Fifth, Sixth> = [
  IsOptions<Fourth>,
  IsOptions<Fifth>,
] extends [false, false]
  ? OptionsProblem<
      Layer,
      Kind,
      Rank,
      In,
      Out,
      Sixth,
      StrideOf<Fourth, Fifth, Sixth>,
      (Fourth extends undefined ? never : "stride") | (Fifth extends undefined ? never : "padding")
    >
  : {} extends Sixth
    ? false
    : writeAfterOptionsMessage<Layer>;

/** `conv2d(3, 16, { kernelSize: 3 })`: kernelSize is an argument. */
type KernelProblem<Kind extends string, Rank extends number, In, Out, Kernel> =
  IsOptions<Kernel> extends true
    ? writePositionalMessage<`${Kind}(${WrittenChannels<Kind, In, Out>}, { … })`, "kernelSize", ArgumentOrder<Kind>>
    : SizeArgProblem<"", "kernelSize", Kernel, Rank>;

/** Each argument's message (written as `Rule`'s are) or `false`; plain arguments skip the checks. */
type ConvProblems<Kind extends string, Rank extends number, In, Out, Kernel, Fourth, Fifth, Sixth> = [
  IsPlainSize<In>,
  IsPlainSize<Out>,
  IsPlainSizeArg<Kernel, Rank>,
  PlainFourth<Fourth, Rank>,
  IsOptions<Fourth> extends true ? ([Fifth] extends [undefined] ? true : false) : PlainPadding<Fifth, Fourth, Rank>,
  Sixth,
] extends [true, true, true, true, true, {}]
  ? {} extends Sixth
    ? NoProblems
    : FullProblems<Kind, Rank, In, Out, Kernel, Fourth, Fifth, Sixth>
  : FullProblems<Kind, Rank, In, Out, Kernel, Fourth, Fifth, Sixth>;
type FullProblems<Kind extends string, Rank extends number, In, Out, Kernel, Fourth, Fifth, Sixth> =
  IsOptions<Kernel> extends true
    ? [false, false, KernelProblem<Kind, Rank, In, Out, Kernel>, false, false, false]
    : [
        ArgMessage<FirstSizeProblem<"", ["inChannels"], [In]>, Kind, In, Out, Kernel, Fourth, Fifth, Sixth>,
        ArgMessage<FirstSizeProblem<"", ["outChannels"], [Out]>, Kind, In, Out, Kernel, Fourth, Fifth, Sixth>,
        ArgMessage<KernelProblem<Kind, Rank, In, Out, Kernel>, Kind, In, Out, Kernel, Fourth, Fifth, Sixth>,
        ArgMessage<FourthProblem<"", Kind, Rank, In, Out, Fourth>, Kind, In, Out, Kernel, Fourth, Fifth, Sixth>,
        ArgMessage<FifthProblem<"", Kind, Rank, In, Out, Fourth, Fifth>, Kind, In, Out, Kernel, Fourth, Fifth, Sixth>,
        ArgMessage<
          SixthProblem<"", Kind, Rank, In, Out, Fourth, Fifth, Sixth>,
          Kind,
          In,
          Out,
          Kernel,
          Fourth,
          Fifth,
          Sixth
        >,
      ];
type NoProblems = [false, false, false, false, false, false];
// Plain options: known keys, plain sizes, padding "same" only with stride 1, groups 1. Anything else takes the
// full check ("same" with a stride, groups that do not divide the channels, an unknown key, …).
type PlainFourth<Fourth, Rank extends number> =
  IsOptions<Fourth> extends true
    ? [
        KnownKeys<Fourth, ConvKey>,
        OptionTypesFit<Fourth, { bias: boolean; paddingMode: "zeros" }>,
        IsPlainSizeArg<StrideOf<Fourth>, Rank>,
        PlainPadding<PaddingOf<Fourth, undefined>, StrideOf<Fourth>, Rank>,
        IsPlainSizeArg<DilationOf<Fourth>, Rank>,
        GroupsOf<Fourth>,
      ] extends [true, true, true, true, true, 1]
      ? true
      : false
    : IsPlainSizeArg<Fourth, Rank>;
type PlainPadding<Padding, Stride, Rank extends number> = [Padding] extends [undefined]
  ? true
  : [Padding] extends ["same"]
    ? [Stride] extends [1]
      ? true
      : false
    : [Padding] extends ["valid"]
      ? true
      : IsPlainSizeArg<Padding, Rank, 0>;
type ArgMessage<Problem, Kind extends string, In, Out, Kernel, Fourth, Fifth, Sixth> = Problem extends string
  ? Problem extends `${Kind}(${string}`
    ? Problem
    : Named<
        Problem,
        Kind,
        In,
        Out,
        Kernel,
        StrideOf<Fourth, Fifth, Sixth>,
        PaddingOf<Fourth, Fifth, Sixth>,
        DilationOf<Fourth, Fifth, Sixth>,
        GroupsOf<Fourth, Fifth, Sixth>
      >
  : false;

/** The type of a convolution built from its arguments. */
type ConvOf<Kind extends string, In, Out, Kernel, Fourth, Fifth, Sixth> = {
  conv1d: Conv1d<
    In,
    Out,
    Kernel,
    StrideOf<Fourth, Fifth, Sixth>,
    PaddingOf<Fourth, Fifth, Sixth>,
    DilationOf<Fourth, Fifth, Sixth>,
    GroupsOf<Fourth, Fifth, Sixth>
  >;
  conv2d: Conv2d<
    In,
    Out,
    Kernel,
    StrideOf<Fourth, Fifth, Sixth>,
    PaddingOf<Fourth, Fifth, Sixth>,
    DilationOf<Fourth, Fifth, Sixth>,
    GroupsOf<Fourth, Fifth, Sixth>
  >;
  conv3d: Conv3d<
    In,
    Out,
    Kernel,
    StrideOf<Fourth, Fifth, Sixth>,
    PaddingOf<Fourth, Fifth, Sixth>,
    DilationOf<Fourth, Fifth, Sixth>,
    GroupsOf<Fourth, Fifth, Sixth>
  >;
}[Kind & ("conv1d" | "conv2d" | "conv3d")];

/**
 * `nn.conv1d(inChannels, outChannels, kernelSize, stride?, padding?, options?)`: PyTorch's Conv1d on
 * [batch, inChannels, length]. Options `{ stride, padding, dilation, groups, bias }` may follow any
 * of the positional arguments after kernelSize (as PyTorch's keywords do).
 */
export const conv1d: <
  const In extends number,
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends PaddingArg | object | undefined = undefined,
  const Sixth extends object = {},
  Problems extends ArgProblems = ConvProblems<"conv1d", 1, In, Out, Kernel, Fourth, Fifth, Sixth>,
>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  paddingOrOptions?: Checked<Fifth, Problems[4]>,
  options?: Checked<Sixth, Problems[5]>,
) => ConvOf<"conv1d", In, Out, Kernel, Fourth, Fifth, Sixth> = builder(conv, "conv1d");

/**
 * `nn.conv2d(inChannels, outChannels, kernelSize, stride?, padding?, options?)`: PyTorch's Conv2d on
 * [batch, inChannels, height, width]. Options `{ stride, padding, dilation, groups, bias }` may follow any
 * of the positional arguments after kernelSize (as PyTorch's keywords do).
 *
 * @example
 * nn.conv2d(1, 32, 3, 1);                        // [n, 1, 28, 28] → [n, 32, 26, 26]
 * nn.conv2d(64, 64, 3, { padding: "same" });     // [n, 64, h, w] → [n, 64, h, w]
 * nn.conv2d(3, 64, 4, 2, 1, { bias: false });    // [n, 3, 64, 64] → [n, 64, 32, 32]
 */
export const conv2d: <
  const In extends number,
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends PaddingArg | object | undefined = undefined,
  const Sixth extends object = {},
  Problems extends ArgProblems = ConvProblems<"conv2d", 2, In, Out, Kernel, Fourth, Fifth, Sixth>,
>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  paddingOrOptions?: Checked<Fifth, Problems[4]>,
  options?: Checked<Sixth, Problems[5]>,
) => ConvOf<"conv2d", In, Out, Kernel, Fourth, Fifth, Sixth> = builder(conv, "conv2d");

/**
 * `nn.conv3d(inChannels, outChannels, kernelSize, stride?, padding?, options?)`: PyTorch's Conv3d on
 * [batch, inChannels, depth, height, width]. Options as conv2d's.
 */
export const conv3d: <
  const In extends number,
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends PaddingArg | object | undefined = undefined,
  const Sixth extends object = {},
  Problems extends ArgProblems = ConvProblems<"conv3d", 3, In, Out, Kernel, Fourth, Fifth, Sixth>,
>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  paddingOrOptions?: Checked<Fifth, Problems[4]>,
  options?: Checked<Sixth, Problems[5]>,
) => ConvOf<"conv3d", In, Out, Kernel, Fourth, Fifth, Sixth> = builder(conv, "conv3d");

// ---- lazy convolutions

/** The message when groups does not divide a lazy convolution's input channels. */
export type writeLazyGroupsMessage<
  Layer extends string,
  Groups,
  Channels,
> = `${Layer}: groups (${Groups & number}) must divide the input's channel dimension ${Channels & number}`;
/**
 * A lazy convolution's rule: the convolution's with inChannels = the input's channel dimension, then PyTorch's
 * check that groups divides it (a channel dimension the compiler does not know passes; the runtime checks it).
 */
export type LazyConvRule<
  Kind extends string,
  Rank extends number,
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups,
  Input,
> = Input extends readonly [unknown, infer Channels, ...unknown[]]
  ? Rule<Kind, Rank, Channels, Out, Kernel, Stride, Padding, Dilation, Groups, Input> extends infer Output
    ? Output extends string
      ? Output
      : [Groups] extends [1]
        ? Output
        : number extends Channels | Groups
          ? Output
          : Channels extends number
            ? Mod<Channels, Groups> extends 0
              ? Output
              : writeLazyGroupsMessage<
                  WrittenConv<Kind, number, Out, Kernel, Stride, Padding, Dilation, Groups>,
                  Groups,
                  Channels
                >
            : Output
    : never
  : Rule<Kind, Rank, number, Out, Kernel, Stride, Padding, Dilation, Groups, Input>;

interface LazyConvLayer<Out, Kernel, Stride, Padding, Dilation, Groups> extends Layer, RuntimeLayer {
  readonly outChannels: Out;
  readonly kernelSize: Kernel;
  readonly stride: Stride;
  readonly padding: Padding;
  readonly dilation: Dilation;
  readonly groups: Groups;
  readonly bias: boolean;
}
/** `nn.lazyConv1d(outChannels, kernelSize, ...)`: [batch, c, length] → [batch, outChannels, length′], inChannels = c. */
export interface LazyConv1d<Out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1> extends LazyConvLayer<
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
> {
  readonly kind: "lazyConv1d";
  readonly "~rule": LazyConv1dShapeRule<Out, Kernel, Stride, Padding, Dilation, Groups>;
}
/** The shape rule of LazyConv1d. */
export interface LazyConv1dShapeRule<Out, Kernel, Stride, Padding, Dilation, Groups> extends ShapeRule {
  readonly "~output": LazyConvRule<"lazyConv1d", 1, Out, Kernel, Stride, Padding, Dilation, Groups, this["~input"]>;
}
/** `nn.lazyConv2d(outChannels, kernelSize, ...)`: [batch, c, h, w] → [batch, outChannels, h′, w′], inChannels = c. */
export interface LazyConv2d<Out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1> extends LazyConvLayer<
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
> {
  readonly kind: "lazyConv2d";
  readonly "~rule": LazyConv2dShapeRule<Out, Kernel, Stride, Padding, Dilation, Groups>;
}
/** The shape rule of LazyConv2d. */
export interface LazyConv2dShapeRule<Out, Kernel, Stride, Padding, Dilation, Groups> extends ShapeRule {
  readonly "~output": LazyConvRule<"lazyConv2d", 2, Out, Kernel, Stride, Padding, Dilation, Groups, this["~input"]>;
}
/** `nn.lazyConv3d(outChannels, kernelSize, ...)`: [batch, c, d, h, w] → [batch, outChannels, d′, h′, w′], inChannels = c. */
export interface LazyConv3d<Out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1> extends LazyConvLayer<
  Out,
  Kernel,
  Stride,
  Padding,
  Dilation,
  Groups
> {
  readonly kind: "lazyConv3d";
  readonly "~rule": LazyConv3dShapeRule<Out, Kernel, Stride, Padding, Dilation, Groups>;
}
/** The shape rule of LazyConv3d. */
export interface LazyConv3dShapeRule<Out, Kernel, Stride, Padding, Dilation, Groups> extends ShapeRule {
  readonly "~output": LazyConvRule<"lazyConv3d", 3, Out, Kernel, Stride, Padding, Dilation, Groups, this["~input"]>;
}
/**
 * A lazy convolution's argument problems: a convolution's, inChannels not given (`number`), shifted by one. Plain
 * arguments take the convolution's fast path (with a stand-in inChannels of 1, which only groups would read).
 */
type LazyProblems<Kind extends string, Rank extends number, Out, Kernel, Fourth, Fifth, Sixth> =
  ConvProblems<Kind, Rank, 1, Out, Kernel, Fourth, Fifth, Sixth> extends NoProblems
    ? [false, false, false, false, false]
    : ConvProblems<Kind, Rank, number, Out, Kernel, Fourth, Fifth, Sixth> extends readonly [
          unknown,
          ...infer Rest extends ArgProblems,
        ]
      ? Rest
      : never;

/**
 * PyTorch's `nn.LazyConv1d(out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)`:
 * inChannels is the input's channel dimension, inferred when the model is built.
 *
 * @example
 * nn.lazyConv1d(16, 3); // [n, 8, 50] → [n, 16, 48]
 */
export const lazyConv1d: <
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends PaddingArg | object | undefined = undefined,
  const Sixth extends object = {},
  Problems extends ArgProblems = LazyProblems<"lazyConv1d", 1, Out, Kernel, Fourth, Fifth, Sixth>,
>(
  outChannels: Arg<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Fourth, Problems[2]>,
  paddingOrOptions?: Checked<Fifth, Problems[3]>,
  options?: Checked<Sixth, Problems[4]>,
) => LazyConv1d<
  Out,
  Kernel,
  StrideOf<Fourth, Fifth, Sixth>,
  PaddingOf<Fourth, Fifth, Sixth>,
  DilationOf<Fourth, Fifth, Sixth>,
  GroupsOf<Fourth, Fifth, Sixth>
> = builder(conv, "lazyConv1d");
/**
 * PyTorch's `nn.LazyConv2d(out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)`:
 * inChannels is the input's channel dimension, inferred when the model is built.
 *
 * @example
 * nn.lazyConv2d(32, 3, 1, 1); // [n, 3, 28, 28] → [n, 32, 28, 28]
 */
export const lazyConv2d: <
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends PaddingArg | object | undefined = undefined,
  const Sixth extends object = {},
  Problems extends ArgProblems = LazyProblems<"lazyConv2d", 2, Out, Kernel, Fourth, Fifth, Sixth>,
>(
  outChannels: Arg<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Fourth, Problems[2]>,
  paddingOrOptions?: Checked<Fifth, Problems[3]>,
  options?: Checked<Sixth, Problems[4]>,
) => LazyConv2d<
  Out,
  Kernel,
  StrideOf<Fourth, Fifth, Sixth>,
  PaddingOf<Fourth, Fifth, Sixth>,
  DilationOf<Fourth, Fifth, Sixth>,
  GroupsOf<Fourth, Fifth, Sixth>
> = builder(conv, "lazyConv2d");
/**
 * PyTorch's `nn.LazyConv3d(out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)`:
 * inChannels is the input's channel dimension, inferred when the model is built.
 *
 * @example
 * nn.lazyConv3d(8, 3); // [n, 2, 10, 10, 10] → [n, 8, 8, 8, 8]
 */
export const lazyConv3d: <
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends PaddingArg | object | undefined = undefined,
  const Sixth extends object = {},
  Problems extends ArgProblems = LazyProblems<"lazyConv3d", 3, Out, Kernel, Fourth, Fifth, Sixth>,
>(
  outChannels: Arg<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Fourth, Problems[2]>,
  paddingOrOptions?: Checked<Fifth, Problems[3]>,
  options?: Checked<Sixth, Problems[4]>,
) => LazyConv3d<
  Out,
  Kernel,
  StrideOf<Fourth, Fifth, Sixth>,
  PaddingOf<Fourth, Fifth, Sixth>,
  DilationOf<Fourth, Fifth, Sixth>,
  GroupsOf<Fourth, Fifth, Sixth>
> = builder(conv, "lazyConv3d");

/** The config of lazyConv1d / 2d / 3d (its runtime object): a convolution's, inChannels null (the input's). */
export interface LazyConvConfig
  extends
    KindConfig<"lazyConv1d" | "lazyConv2d" | "lazyConv3d">,
    Omit<ConvConfig, "kind" | "inChannels" | "outputShape" | "written"> {
  readonly inChannels: null;
}

/** PyTorch's keywords of Conv1d/2d/3d in camelCase. */
export const convKeys = [
  "stride",
  "padding",
  "dilation",
  "groups",
  "bias",
  "paddingMode",
] as const satisfies readonly ConvKey[];
/** PyTorch's keywords of ConvTranspose1d/2d/3d in camelCase. */
export const convTransposeKeys: readonly (keyof ConvTransposeOptions)[] = [
  "stride",
  "padding",
  "outputPadding",
  ...convKeys.slice(2),
];

// ---- runtime

type ConvKind =
  ConvConfig["kind"] | LazyConvConfig["kind"] | ConvTransposeConfig["kind"] | LazyConvTransposeConfig["kind"];

/**
 * The config of a convolution or a transposed one (kind `…Transpose…`) from its builder's arguments in PyTorch's
 * order: inChannels (not for a lazy one, whose inChannels is null: its rule takes the input's), outChannels,
 * kernelSize, stride, padding, outputPadding (transposed only), then PyTorch's keywords in an options object.
 */
export function conv(
  kind: ConvKind,
  rank: number,
  args: readonly unknown[],
): Omit<ConvConfig, "kind" | "inChannels"> & {
  kind: ConvKind;
  inChannels: number | null;
  outputPadding?: SizeArg;
} {
  const transposed = kind.includes("Transpose");
  const [inChannels, outChannels, kernelSize, ...tail] = (kind.startsWith("lazy") ? [null, ...args] : args) as [
    number | null,
    number,
    SizeArg,
    ...unknown[],
  ];
  const names = convTransposeKeys.slice(0, transposed ? 3 : 2); // PyTorch's order: stride, padding, outputPadding
  const rest = tail.slice(0, names.length + 1); // the positional ones and an options object (splitOptions refuses more)
  const head = `${kind}(${inChannels === null ? "" : `${inChannels}, `}${outChannels}`; // twin of WrittenChannels
  checkKernelPositional(
    `${head}, { … })`,
    kernelSize,
    [inChannels === null ? "outChannels" : "inChannels, outChannels"],
    names,
  );
  // an argument null (refused by the compiler) is not given, as its option may be
  const settings = settingsOf<ConvTransposeOptions>(
    names,
    rest.map((arg) => arg ?? undefined),
  );
  const optional = optionals(settings, {
    stride: 1,
    padding: 0,
    ...(transposed ? { outputPadding: 0 } : {}),
    dilation: 1,
    groups: 1,
  });
  const {
    stride,
    padding,
    outputPadding = 0,
    dilation,
    groups,
  } = Object.fromEntries(optional) as {
    stride: SizeArg;
    padding: PaddingArg;
    outputPadding?: SizeArg;
    dilation: SizeArg;
    groups: number;
  };
  const layer = writtenCall(`${head}, ${written(kernelSize)}`, names.length, optional);
  checkSizes(layer, inChannels === null ? { outChannels } : { inChannels, outChannels });
  splitOptions(layer, `nn.${kind}`, names, tail, transposed ? convTransposeKeys : convKeys);
  checkOptionTypes(layer, settings, { bias: expected.boolean, paddingMode: expected.zeros });
  // each size as PyTorch requires it ("same" and "valid" aside), then its tuple's length
  for (const [name, value, minimum] of [
    ["kernelSize", kernelSize, 1],
    ["stride", stride, 1],
    ["padding", typeof padding === "string" && !transposed ? 0 : padding, 0],
    ["dilation", dilation, 1],
    ["outputPadding", outputPadding, 0],
  ] as const)
    checkSizeArg(layer, name, value, rank, minimum);
  const windows = {
    kernels: perDim(kernelSize, rank),
    strides: perDim(stride, rank),
    paddings: padding === "same" ? ("same" as const) : perDim(padding === "valid" ? 0 : padding, rank),
    outputPaddings: perDim(outputPadding, rank),
    dilations: perDim(dilation, rank),
  };
  windows.outputPaddings.forEach((op, i) => {
    const [s, d] = [windows.strides[i]!, windows.dilations[i]!];
    if (!(op < s || op < d)) fail(writeOutputPadding(layer, op, s, d));
  });
  if (groups !== 1) {
    checkSizes(layer, { groups });
    if ((inChannels !== null && inChannels % groups !== 0) || outChannels % groups !== 0)
      fail(writeGroupsMessage(layer, inChannels, outChannels, groups));
  }
  if (padding === "same" && windows.strides.some((s) => s !== 1)) fail(writeSameStrideMessage(layer));
  return {
    kind,
    written: layer,
    inChannels,
    outChannels,
    kernelSize,
    stride,
    padding,
    ...(transposed ? { outputPadding } : {}),
    dilation,
    groups,
    bias: settings.bias ?? true,
    outputShape: (input: RuntimeShape) => {
      const channels = inChannels ?? (valueOf(input[1] ?? null) as number); // lazy: the input's (null: any)
      const output = transposed
        ? convTransposeRule(
            layer,
            rank,
            channels,
            outChannels,
            windows as typeof windows & { paddings: number[] },
            input,
          )
        : convRule(layer, rank, channels, outChannels, windows, input);
      // a lazy convolution's check on its input (PyTorch: "in_channels must be divisible by groups")
      if (inChannels === null && channels !== null && channels % groups !== 0)
        fail(writeLazyGroupsMessage(layer, groups, channels));
      return output;
    },
  };
}

export const writeLazyGroupsMessage = (layer: string, groups: number, channels: number): string =>
  `${layer}: groups (${groups}) must divide the input's channel dimension ${channels}`;

export const writeSameStrideMessage = (layer: string): string =>
  `${layer}: padding 'same' is not supported for strided convolutions (PyTorch)`;
export const writeGroupsMessage = (
  layer: string,
  inChannels: number | null,
  outChannels: number,
  groups: number,
): string =>
  `${layer}: groups (${groups}) must divide ${inChannels === null ? "" : `inChannels (${inChannels}) and `}outChannels (${outChannels})`;
