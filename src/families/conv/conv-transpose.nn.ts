// nn.convTranspose1d / 2d / 3d: PyTorch's ConvTranspose1d/2d/3d, channels-first, PyTorch's argument order.
import type { Compare, Mod } from "../../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
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
  Written,
  writeAfterOptionsMessage,
  writePositionalMessage,
} from "../../../types/shape/args.ts";
import type { ConvTransposeRule, writeOutputPaddingMessage } from "./conv-transpose.types.ts";
import type { FirstProblem, SizeArgProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems, IsPlainSize, IsPlainSizeArg } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import {
  conv,
  type SizeArg,
  type WrittenChannels,
  type writeGroupsMessage,
  type writeLazyGroupsMessage,
} from "./conv.nn.ts";
import { builder } from "./torch-arguments.ts";

/** PyTorch's keyword arguments of ConvTranspose1d/2d, with PyTorch's defaults. */
export interface ConvTransposeOptions {
  /** Default 1. */
  readonly stride?: SizeArg;
  /** Default 0: removed from both sides of the output (PyTorch: `dilation·(kernel − 1) − padding` zeros added to the input). */
  readonly padding?: SizeArg;
  /** Default 0: added to one side of the output; must be smaller than stride or dilation. */
  readonly outputPadding?: SizeArg;
  /** Default 1. */
  readonly dilation?: SizeArg;
  /** Default 1; must divide both channel counts. */
  readonly groups?: number;
  /** Default true. */
  readonly bias?: boolean;
  /** Default "zeros" (PyTorch's only mode for transposed convolutions). */
  readonly paddingMode?: "zeros";
}

type Option<Options, Key extends keyof ConvTransposeOptions, Default> = Options extends {
  readonly [K in Key]: infer Value;
}
  ? Value
  : Default;
/** The options object of a call: the first object among the arguments after kernelSize (`{}` when none). */
type OptionsOf<Fourth, Fifth, Sixth, Seventh> =
  IsOptions<Fourth> extends true
    ? Fourth
    : IsOptions<Fifth> extends true
      ? Fifth
      : IsOptions<Sixth> extends true
        ? Sixth
        : Seventh;
/** A positional argument (`Index` 0: the fourth), or `undefined` when not given or after the options object. */
type At<Index extends number, Fourth, Fifth, Sixth> =
  IsOptions<Fourth> extends true
    ? undefined
    : Index extends 0
      ? Fourth
      : IsOptions<Fifth> extends true
        ? undefined
        : Index extends 1
          ? Fifth
          : IsOptions<Sixth> extends true
            ? undefined
            : Sixth;
type ValueOf<Index extends number, Key extends keyof ConvTransposeOptions, Default, Fourth, Fifth, Sixth, Seventh> =
  At<Index, Fourth, Fifth, Sixth> extends infer Value
    ? [Value] extends [undefined]
      ? Option<OptionsOf<Fourth, Fifth, Sixth, Seventh>, Key, Default>
      : Value
    : never;
type StrideOf<Fourth, Fifth = undefined, Sixth = undefined, Seventh = {}> = ValueOf<
  0,
  "stride",
  1,
  Fourth,
  Fifth,
  Sixth,
  Seventh
>;
type PaddingOf<Fourth, Fifth = undefined, Sixth = undefined, Seventh = {}> = ValueOf<
  1,
  "padding",
  0,
  Fourth,
  Fifth,
  Sixth,
  Seventh
>;
type OutputPaddingOf<Fourth, Fifth = undefined, Sixth = undefined, Seventh = {}> = ValueOf<
  2,
  "outputPadding",
  0,
  Fourth,
  Fifth,
  Sixth,
  Seventh
>;
type DilationOf<Fourth, Fifth = undefined, Sixth = undefined, Seventh = {}> = Option<
  OptionsOf<Fourth, Fifth, Sixth, Seventh>,
  "dilation",
  1
>;
type GroupsOf<Fourth, Fifth = undefined, Sixth = undefined, Seventh = {}> = Option<
  OptionsOf<Fourth, Fifth, Sixth, Seventh>,
  "groups",
  1
>;
type ConvTransposeKey = keyof ConvTransposeOptions;
/** PyTorch's keywords of ConvTranspose1d/2d/3d in camelCase (declared beside conv's, which read them). */
export { convTransposeKeys } from "./conv.nn.ts";

type Join<Parts extends readonly string[], Text extends string = ""> = Parts extends readonly [
  infer Part extends string,
  ...infer Rest extends string[],
]
  ? Join<Rest, Part extends "" ? Text : Text extends "" ? Part : `${Text}, ${Part}`>
  : Text;

/**
 * How messages write a transposed convolution: `convTranspose2d(16, 8, 3, 2, 1, 1)`,
 * `convTranspose2d(16, 8, 3, { stride: 2, dilation: 2 })`.
 */
export type WrittenConvTranspose<
  Kind extends string,
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> = `${Kind}(${WrittenChannels<Kind, In, Out>}, ${Written<Kernel>}${[Dilation, Groups] extends [1, 1]
  ? OutputPadding extends 0
    ? Padding extends 0
      ? Stride extends 1
        ? ""
        : `, ${Written<Stride>}`
      : `, ${Written<Stride>}, ${Written<Padding>}`
    : `, ${Written<Stride>}, ${Written<Padding>}, ${Written<OutputPadding>}`
  : `, { ${Join<
      [
        Stride extends 1 ? "" : `stride: ${Written<Stride>}`,
        Padding extends 0 ? "" : `padding: ${Written<Padding>}`,
        OutputPadding extends 0 ? "" : `outputPadding: ${Written<OutputPadding>}`,
        Dilation extends 1 ? "" : `dilation: ${Written<Dilation>}`,
        Groups extends 1 ? "" : `groups: ${Groups & number}`,
      ]
    >} }`})`;

type Rule<
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
  Input,
> = ConvTransposeRule<
  WrittenConvTranspose<Kind, In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>,
  Rank,
  In,
  Out,
  PerDim<Kernel, Rank>,
  PerDim<Stride, Rank>,
  PerDim<Padding, Rank>,
  PerDim<OutputPadding, Rank>,
  PerDim<Dilation, Rank>,
  Input
>;

interface ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>
  extends Layer, RuntimeLayer {
  readonly inChannels: In;
  readonly outChannels: Out;
  readonly kernelSize: Kernel;
  readonly stride: Stride;
  readonly padding: Padding;
  readonly outputPadding: OutputPadding;
  readonly dilation: Dilation;
  readonly groups: Groups;
  readonly bias: boolean;
}

/**
 * `nn.convTranspose1d(in, out, kernel, stride?, padding?, outputPadding?)`: [batch, in, length] → [batch, out, length′],
 * length′ = (length − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1.
 *
 * @example
 * type T = ConvTranspose1d<8, 4, 3, 2>; // [n, 8, 10] → [n, 4, 21]
 */
export interface ConvTranspose1d<
  In,
  Out,
  Kernel,
  Stride = 1,
  Padding = 0,
  OutputPadding = 0,
  Dilation = 1,
  Groups = 1,
> extends ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "convTranspose1d";
  readonly "~rule": ConvTranspose1dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of ConvTranspose1d. */
export interface ConvTranspose1dShapeRule<
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> extends ShapeRule {
  readonly "~output": Rule<
    "convTranspose1d",
    1,
    In,
    Out,
    Kernel,
    Stride,
    Padding,
    OutputPadding,
    Dilation,
    Groups,
    this["~input"]
  >;
}

/**
 * `nn.convTranspose2d(in, out, kernel, stride?, padding?, outputPadding?)`: [batch, in, height, width] →
 * [batch, out, height′, width′], each size′ = (size − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1.
 *
 * @example
 * type T = ConvTranspose2d<16, 8, 3, 2, 1, 1>; // [n, 16, 14, 14] → [n, 8, 28, 28]
 */
export interface ConvTranspose2d<
  In,
  Out,
  Kernel,
  Stride = 1,
  Padding = 0,
  OutputPadding = 0,
  Dilation = 1,
  Groups = 1,
> extends ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "convTranspose2d";
  readonly "~rule": ConvTranspose2dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of ConvTranspose2d. */
export interface ConvTranspose2dShapeRule<
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> extends ShapeRule {
  readonly "~output": Rule<
    "convTranspose2d",
    2,
    In,
    Out,
    Kernel,
    Stride,
    Padding,
    OutputPadding,
    Dilation,
    Groups,
    this["~input"]
  >;
}

/**
 * `nn.convTranspose3d(in, out, kernel, stride?, padding?, outputPadding?)`: [batch, in, depth, height, width] →
 * [batch, out, depth′, height′, width′], each size′ = (size − 1)·stride − 2·padding + dilation·(kernel − 1) +
 * outputPadding + 1.
 *
 * @example
 * type T = ConvTranspose3d<8, 4, 2, 2>; // [n, 8, 4, 5, 6] → [n, 4, 8, 10, 12]
 */
export interface ConvTranspose3d<
  In,
  Out,
  Kernel,
  Stride = 1,
  Padding = 0,
  OutputPadding = 0,
  Dilation = 1,
  Groups = 1,
> extends ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "convTranspose3d";
  readonly "~rule": ConvTranspose3dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of ConvTranspose3d. */
export interface ConvTranspose3dShapeRule<
  In,
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> extends ShapeRule {
  readonly "~output": Rule<
    "convTranspose3d",
    3,
    In,
    Out,
    Kernel,
    Stride,
    Padding,
    OutputPadding,
    Dilation,
    Groups,
    this["~input"]
  >;
}

// Argument checks, each reported on its own argument.
type GroupsProblem<Layer extends string, In, Out, Groups> = [Groups] extends [1]
  ? false
  : FirstSizeProblem<Layer, ["groups"], [Groups]> extends infer P extends string
    ? P
    : number extends Out | Groups
      ? false
      : [number extends In ? 0 : Mod<In, Groups>, Mod<Out, Groups>] extends [0, 0]
        ? false
        : writeGroupsMessage<Layer, In, Out, Groups>;
/** PyTorch's rule in every dimension: outputPadding < stride or outputPadding < dilation. */
type OutputPaddingProblem<
  Layer extends string,
  OutputPaddings extends readonly unknown[],
  Strides extends readonly unknown[],
  Dilations extends readonly unknown[],
> = OutputPaddings extends readonly [infer OutputPadding, ...infer Rest]
  ? number extends OutputPadding | Strides[0] | Dilations[0]
    ? OutputPaddingProblem<Layer, Rest, Tail<Strides>, Tail<Dilations>>
    : "lt" extends Compare<OutputPadding, Strides[0]> | Compare<OutputPadding, Dilations[0]>
      ? OutputPaddingProblem<Layer, Rest, Tail<Strides>, Tail<Dilations>>
      : writeOutputPaddingMessage<Layer, OutputPadding, Strides[0], Dilations[0]>
  : false;
type Tail<Values extends readonly unknown[]> = Values extends readonly [unknown, ...infer Rest] ? Rest : [];
type OutputPaddingArgProblem<Layer extends string, Rank extends number, OutputPadding, Stride, Dilation> = FirstProblem<
  [
    SizeArgProblem<Layer, "outputPadding", OutputPadding, Rank, 0>,
    OutputPaddingProblem<Layer, PerDim<OutputPadding, Rank>, PerDim<Stride, Rank>, PerDim<Dilation, Rank>>,
  ]
>;
/** Problems of an options object: an unknown key, a key also given as an argument, then the values it gives. */
type OptionsProblem<
  Layer extends string,
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Options,
  Stride,
  Dilation,
  Positional extends string,
> = FirstProblem<
  [
    UnknownKeyProblem<Layer, `nn.${Kind}`, Options, ConvTransposeKey>,
    GivenTwiceProblem<Layer, Options, Positional>,
    OptionTypeProblem<
      Layer,
      Options,
      { bias: boolean; paddingMode: "zeros" },
      { bias: "true or false"; paddingMode: "'zeros' (the only mode here)" }
    >,
    Waiting<Option<Options, "stride", 1>, SizeArgProblem<Layer, "stride", Option<Options, "stride", 1>, Rank>>,
    Waiting<Option<Options, "padding", 0>, SizeArgProblem<Layer, "padding", Option<Options, "padding", 0>, Rank, 0>>,
    Waiting<Option<Options, "dilation", 1>, SizeArgProblem<Layer, "dilation", Option<Options, "dilation", 1>, Rank>>,
    Options extends { readonly outputPadding: infer OutputPadding }
      ? Waiting<OutputPadding, OutputPaddingArgProblem<Layer, Rank, OutputPadding, Stride, Dilation>>
      : false,
    // not Waiting on the channel counts: a lazy layer's inChannels is `number`, which Waiting takes for generic
    Waiting<Option<Options, "groups", 1>, GroupsProblem<Layer, In, Out, Option<Options, "groups", 1>>>,
  ]
>;
/** The problem of the argument at `Index` (0: the fourth) after kernelSize: options, a positional size, or an argument after the options. */
type RestProblem<
  Layer extends string,
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Index extends number,
  Fourth,
  Fifth,
  Sixth,
  Seventh,
  Value = [Fourth, Fifth, Sixth, Seventh][Index],
> =
  IsOptions<OptionsBefore<Index, Fourth, Fifth, Sixth>> extends true
    ? [Value] extends [undefined]
      ? false
      : {} extends Value
        ? false
        : writeAfterOptionsMessage<Layer>
    : IsOptions<Value> extends true
      ? OptionsProblem<
          Layer,
          Kind,
          Rank,
          In,
          Out,
          Value,
          StrideOf<Fourth, Fifth, Sixth, Seventh>,
          DilationOf<Fourth, Fifth, Sixth, Seventh>,
          GivenBefore<Index, Fourth, Fifth, Sixth>
        >
      : [Value] extends [undefined]
        ? false
        : Index extends 0
          ? SizeArgProblem<Layer, "stride", Value, Rank>
          : Index extends 1
            ? SizeArgProblem<Layer, "padding", Value, Rank, 0>
            : OutputPaddingArgProblem<Layer, Rank, Value, StrideOf<Fourth, Fifth, Sixth, Seventh>, 1>;
/** The options object before argument `Index`, or `undefined`. */
type OptionsBefore<Index extends number, Fourth, Fifth, Sixth> = Index extends 0
  ? undefined
  : IsOptions<Fourth> extends true
    ? Fourth
    : Index extends 1
      ? undefined
      : IsOptions<Fifth> extends true
        ? Fifth
        : Index extends 2
          ? undefined
          : IsOptions<Sixth> extends true
            ? Sixth
            : undefined;
/** The names of the positional arguments given before argument `Index`. */
type GivenBefore<Index extends number, Fourth, Fifth, Sixth> =
  | (Index extends 0 ? never : [Fourth] extends [undefined] ? never : "stride")
  | (Index extends 0 | 1 ? never : [Fifth] extends [undefined] ? never : "padding")
  | (Index extends 0 | 1 | 2 ? never : [Sixth] extends [undefined] ? never : "outputPadding");

/** `convTranspose2d(16, 8, { kernelSize: 3 })`: kernelSize is an argument. */
type KernelProblem<Kind extends string, Rank extends number, In, Out, Kernel> =
  IsOptions<Kernel> extends true
    ? writePositionalMessage<
        `${Kind}(${WrittenChannels<Kind, In, Out>}, { … })`,
        "kernelSize",
        Kind extends `lazy${string}`
          ? "outChannels, kernelSize, stride, padding, outputPadding"
          : "inChannels, outChannels, kernelSize, stride, padding, outputPadding"
      >
    : false;

/** Each argument's message or `false`; plain arguments (options without outputPadding or groups) skip the checks. */
type ConvTransposeProblems<Kind extends string, Rank extends number, In, Out, Kernel, Fourth, Fifth, Sixth, Seventh> = [
  IsPlainSize<In>,
  IsPlainSize<Out>,
  IsPlainSizeArg<Kernel, Rank>,
  PlainFourth<Fourth, Rank>,
  [Fifth] extends [undefined] ? true : IsPlainSizeArg<Fifth, Rank, 0>,
  Sixth,
  Seventh,
] extends [true, true, true, true, true, undefined, {}]
  ? {} extends Seventh
    ? IsOptions<Fourth> extends true
      ? [Fifth] extends [undefined]
        ? NoProblems
        : Full<Kind, Rank, In, Out, Kernel, Fourth, Fifth, Sixth, Seventh>
      : NoProblems
    : Full<Kind, Rank, In, Out, Kernel, Fourth, Fifth, Sixth, Seventh>
  : Full<Kind, Rank, In, Out, Kernel, Fourth, Fifth, Sixth, Seventh>;
type Full<Kind extends string, Rank extends number, In, Out, Kernel, Fourth, Fifth, Sixth, Seventh> =
  IsOptions<Kernel> extends true
    ? [false, false, KernelProblem<Kind, Rank, In, Out, Kernel>, false, false, false, false]
    : FullProblems<
        Kind,
        Rank,
        In,
        Out,
        Kernel,
        Fourth,
        Fifth,
        Sixth,
        Seventh,
        WrittenConvTranspose<
          Kind,
          In,
          Out,
          Kernel,
          StrideOf<Fourth, Fifth, Sixth, Seventh>,
          PaddingOf<Fourth, Fifth, Sixth, Seventh>,
          OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
          DilationOf<Fourth, Fifth, Sixth, Seventh>,
          GroupsOf<Fourth, Fifth, Sixth, Seventh>
        >
      >;
type NoProblems = [false, false, false, false, false, false, false];
type PlainFourth<Fourth, Rank extends number> =
  IsOptions<Fourth> extends true
    ? [
        KnownKeys<Fourth, ConvTransposeKey>,
        OptionTypesFit<Fourth, { bias: boolean; paddingMode: "zeros" }>,
        IsPlainSizeArg<StrideOf<Fourth>, Rank>,
        IsPlainSizeArg<PaddingOf<Fourth>, Rank, 0>,
        IsPlainSizeArg<DilationOf<Fourth>, Rank>,
        OutputPaddingOf<Fourth>,
        GroupsOf<Fourth>,
      ] extends [true, true, true, true, true, 0, 1]
      ? true
      : false
    : IsPlainSizeArg<Fourth, Rank>;
type FullProblems<
  Kind extends string,
  Rank extends number,
  In,
  Out,
  Kernel,
  Fourth,
  Fifth,
  Sixth,
  Seventh,
  Layer extends string,
> = [
  FirstSizeProblem<Layer, ["inChannels"], [In]>,
  FirstSizeProblem<Layer, ["outChannels"], [Out]>,
  SizeArgProblem<Layer, "kernelSize", Kernel, Rank>,
  RestProblem<Layer, Kind, Rank, In, Out, 0, Fourth, Fifth, Sixth, Seventh>,
  RestProblem<Layer, Kind, Rank, In, Out, 1, Fourth, Fifth, Sixth, Seventh>,
  RestProblem<Layer, Kind, Rank, In, Out, 2, Fourth, Fifth, Sixth, Seventh>,
  RestProblem<Layer, Kind, Rank, In, Out, 3, Fourth, Fifth, Sixth, Seventh>,
];
/**
 * PyTorch's `nn.ConvTranspose1d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0,
 * groups=1, bias=True, dilation=1)` on [batch, inChannels, length]:
 * `nn.convTranspose1d(in, out, kernel, stride?, padding?, outputPadding?)` or
 * `nn.convTranspose1d(in, out, kernel, { stride, padding, outputPadding, dilation, groups, bias })`.
 *
 * @example
 * nn.convTranspose1d(8, 4, 3, 2); // [n, 8, 10] → [n, 4, 21]
 */
export const convTranspose1d: <
  const In extends number,
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends SizeArg | object | undefined = undefined,
  const Sixth extends SizeArg | object | undefined = undefined,
  const Seventh extends object = {},
  Problems extends ArgProblems = ConvTransposeProblems<
    "convTranspose1d",
    1,
    In,
    Out,
    Kernel,
    Fourth,
    Fifth,
    Sixth,
    Seventh
  >,
>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  paddingOrOptions?: Checked<Fifth, Problems[4]>,
  outputPaddingOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => ConvTranspose1d<
  In,
  Out,
  Kernel,
  StrideOf<Fourth, Fifth, Sixth, Seventh>,
  PaddingOf<Fourth, Fifth, Sixth, Seventh>,
  OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
  DilationOf<Fourth, Fifth, Sixth, Seventh>,
  GroupsOf<Fourth, Fifth, Sixth, Seventh>
> = builder(conv, "convTranspose1d");

/**
 * PyTorch's `nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0,
 * groups=1, bias=True, dilation=1)` on [batch, inChannels, height, width]:
 * `nn.convTranspose2d(in, out, kernel, stride?, padding?, outputPadding?)` or
 * `nn.convTranspose2d(in, out, kernel, { stride, padding, outputPadding, dilation, groups, bias })`.
 *
 * @example
 * nn.convTranspose2d(16, 8, 3, 2, 1, 1);            // [n, 16, 14, 14] → [n, 8, 28, 28]
 * nn.convTranspose2d(16, 8, 4, { stride: 2, padding: 1 }); // [n, 16, 14, 14] → [n, 8, 28, 28]
 */
export const convTranspose2d: <
  const In extends number,
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends SizeArg | object | undefined = undefined,
  const Sixth extends SizeArg | object | undefined = undefined,
  const Seventh extends object = {},
  Problems extends ArgProblems = ConvTransposeProblems<
    "convTranspose2d",
    2,
    In,
    Out,
    Kernel,
    Fourth,
    Fifth,
    Sixth,
    Seventh
  >,
>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  paddingOrOptions?: Checked<Fifth, Problems[4]>,
  outputPaddingOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => ConvTranspose2d<
  In,
  Out,
  Kernel,
  StrideOf<Fourth, Fifth, Sixth, Seventh>,
  PaddingOf<Fourth, Fifth, Sixth, Seventh>,
  OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
  DilationOf<Fourth, Fifth, Sixth, Seventh>,
  GroupsOf<Fourth, Fifth, Sixth, Seventh>
> = builder(conv, "convTranspose2d");

/**
 * PyTorch's `nn.ConvTranspose3d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0,
 * groups=1, bias=True, dilation=1)` on [batch, inChannels, depth, height, width]:
 * `nn.convTranspose3d(in, out, kernel, stride?, padding?, outputPadding?)` or
 * `nn.convTranspose3d(in, out, kernel, { stride, padding, outputPadding, dilation, groups, bias })`.
 *
 * @example
 * nn.convTranspose3d(8, 4, 2, 2); // [n, 8, 4, 5, 6] → [n, 4, 8, 10, 12]
 */
export const convTranspose3d: <
  const In extends number,
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends SizeArg | object | undefined = undefined,
  const Sixth extends SizeArg | object | undefined = undefined,
  const Seventh extends object = {},
  Problems extends ArgProblems = ConvTransposeProblems<
    "convTranspose3d",
    3,
    In,
    Out,
    Kernel,
    Fourth,
    Fifth,
    Sixth,
    Seventh
  >,
>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  paddingOrOptions?: Checked<Fifth, Problems[4]>,
  outputPaddingOrOptions?: Checked<Sixth, Problems[5]>,
  options?: Checked<Seventh, Problems[6]>,
) => ConvTranspose3d<
  In,
  Out,
  Kernel,
  StrideOf<Fourth, Fifth, Sixth, Seventh>,
  PaddingOf<Fourth, Fifth, Sixth, Seventh>,
  OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
  DilationOf<Fourth, Fifth, Sixth, Seventh>,
  GroupsOf<Fourth, Fifth, Sixth, Seventh>
> = builder(conv, "convTranspose3d");

// ---- lazy transposed convolutions

/** A lazy transposed convolution's rule: inChannels = the input's channel dimension, then groups must divide it. */
type LazyRule<
  Kind extends string,
  Rank extends number,
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
  Input,
> = Input extends readonly [unknown, infer Channels, ...unknown[]]
  ? Rule<
      Kind,
      Rank,
      Channels,
      Out,
      Kernel,
      Stride,
      Padding,
      OutputPadding,
      Dilation,
      Groups,
      Input
    > extends infer Output
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
                  WrittenConvTranspose<Kind, number, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>,
                  Groups,
                  Channels
                >
            : Output
    : never
  : Rule<Kind, Rank, number, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups, Input>;

interface LazyConvTransposeLayer<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>
  extends Layer, RuntimeLayer {
  readonly outChannels: Out;
  readonly kernelSize: Kernel;
  readonly stride: Stride;
  readonly padding: Padding;
  readonly outputPadding: OutputPadding;
  readonly dilation: Dilation;
  readonly groups: Groups;
  readonly bias: boolean;
}
/** `nn.lazyConvTranspose1d(outChannels, kernelSize, ...)`: convTranspose1d with inChannels = the input's channels. */
export interface LazyConvTranspose1d<
  Out,
  Kernel,
  Stride = 1,
  Padding = 0,
  OutputPadding = 0,
  Dilation = 1,
  Groups = 1,
> extends LazyConvTransposeLayer<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "lazyConvTranspose1d";
  readonly "~rule": LazyConvTranspose1dShapeRule<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of LazyConvTranspose1d. */
export interface LazyConvTranspose1dShapeRule<
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> extends ShapeRule {
  readonly "~output": LazyRule<
    "lazyConvTranspose1d",
    1,
    Out,
    Kernel,
    Stride,
    Padding,
    OutputPadding,
    Dilation,
    Groups,
    this["~input"]
  >;
}
/** `nn.lazyConvTranspose2d(outChannels, kernelSize, ...)`: convTranspose2d with inChannels = the input's channels. */
export interface LazyConvTranspose2d<
  Out,
  Kernel,
  Stride = 1,
  Padding = 0,
  OutputPadding = 0,
  Dilation = 1,
  Groups = 1,
> extends LazyConvTransposeLayer<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "lazyConvTranspose2d";
  readonly "~rule": LazyConvTranspose2dShapeRule<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of LazyConvTranspose2d. */
export interface LazyConvTranspose2dShapeRule<
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> extends ShapeRule {
  readonly "~output": LazyRule<
    "lazyConvTranspose2d",
    2,
    Out,
    Kernel,
    Stride,
    Padding,
    OutputPadding,
    Dilation,
    Groups,
    this["~input"]
  >;
}
/** `nn.lazyConvTranspose3d(outChannels, kernelSize, ...)`: convTranspose3d with inChannels = the input's channels. */
export interface LazyConvTranspose3d<
  Out,
  Kernel,
  Stride = 1,
  Padding = 0,
  OutputPadding = 0,
  Dilation = 1,
  Groups = 1,
> extends LazyConvTransposeLayer<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "lazyConvTranspose3d";
  readonly "~rule": LazyConvTranspose3dShapeRule<Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of LazyConvTranspose3d. */
export interface LazyConvTranspose3dShapeRule<
  Out,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
  Groups,
> extends ShapeRule {
  readonly "~output": LazyRule<
    "lazyConvTranspose3d",
    3,
    Out,
    Kernel,
    Stride,
    Padding,
    OutputPadding,
    Dilation,
    Groups,
    this["~input"]
  >;
}

/** A lazy transposed convolution's argument problems: a transposed convolution's without inChannels (`number`). */
// Plain arguments take the fast path (a stand-in inChannels of 1, which only groups would read).
type LazyProblems<Kind extends string, Rank extends number, Out, Kernel, Fourth, Fifth, Sixth, Seventh> =
  ConvTransposeProblems<Kind, Rank, 1, Out, Kernel, Fourth, Fifth, Sixth, Seventh> extends NoProblems
    ? [false, false, false, false, false, false]
    : ConvTransposeProblems<Kind, Rank, number, Out, Kernel, Fourth, Fifth, Sixth, Seventh> extends readonly [
          unknown,
          ...infer Rest extends ArgProblems,
        ]
      ? Rest
      : never;
type LazyOf<Kind extends string, Out, Kernel, Fourth, Fifth, Sixth, Seventh> = {
  lazyConvTranspose1d: LazyConvTranspose1d<
    Out,
    Kernel,
    StrideOf<Fourth, Fifth, Sixth, Seventh>,
    PaddingOf<Fourth, Fifth, Sixth, Seventh>,
    OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
    DilationOf<Fourth, Fifth, Sixth, Seventh>,
    GroupsOf<Fourth, Fifth, Sixth, Seventh>
  >;
  lazyConvTranspose2d: LazyConvTranspose2d<
    Out,
    Kernel,
    StrideOf<Fourth, Fifth, Sixth, Seventh>,
    PaddingOf<Fourth, Fifth, Sixth, Seventh>,
    OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
    DilationOf<Fourth, Fifth, Sixth, Seventh>,
    GroupsOf<Fourth, Fifth, Sixth, Seventh>
  >;
  lazyConvTranspose3d: LazyConvTranspose3d<
    Out,
    Kernel,
    StrideOf<Fourth, Fifth, Sixth, Seventh>,
    PaddingOf<Fourth, Fifth, Sixth, Seventh>,
    OutputPaddingOf<Fourth, Fifth, Sixth, Seventh>,
    DilationOf<Fourth, Fifth, Sixth, Seventh>,
    GroupsOf<Fourth, Fifth, Sixth, Seventh>
  >;
}[Kind & ("lazyConvTranspose1d" | "lazyConvTranspose2d" | "lazyConvTranspose3d")];

/**
 * PyTorch's `nn.LazyConvTranspose1d(out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
 * bias=True, dilation=1)`: inChannels is the input's channel dimension.
 *
 * @example
 * nn.lazyConvTranspose1d(4, 3, 2); // [n, 8, 10] → [n, 4, 21]
 */
export const lazyConvTranspose1d: <
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends SizeArg | object | undefined = undefined,
  const Sixth extends SizeArg | object | undefined = undefined,
  const Seventh extends object = {},
  Problems extends ArgProblems = LazyProblems<"lazyConvTranspose1d", 1, Out, Kernel, Fourth, Fifth, Sixth, Seventh>,
>(
  outChannels: Arg<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Fourth, Problems[2]>,
  paddingOrOptions?: Checked<Fifth, Problems[3]>,
  outputPaddingOrOptions?: Checked<Sixth, Problems[4]>,
  options?: Checked<Seventh, Problems[5]>,
) => LazyOf<"lazyConvTranspose1d", Out, Kernel, Fourth, Fifth, Sixth, Seventh> = builder(conv, "lazyConvTranspose1d");
/**
 * PyTorch's `nn.LazyConvTranspose2d(out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
 * bias=True, dilation=1)`: inChannels is the input's channel dimension.
 *
 * @example
 * nn.lazyConvTranspose2d(8, 3, 2, 1, 1); // [n, 16, 14, 14] → [n, 8, 28, 28]
 */
export const lazyConvTranspose2d: <
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends SizeArg | object | undefined = undefined,
  const Sixth extends SizeArg | object | undefined = undefined,
  const Seventh extends object = {},
  Problems extends ArgProblems = LazyProblems<"lazyConvTranspose2d", 2, Out, Kernel, Fourth, Fifth, Sixth, Seventh>,
>(
  outChannels: Arg<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Fourth, Problems[2]>,
  paddingOrOptions?: Checked<Fifth, Problems[3]>,
  outputPaddingOrOptions?: Checked<Sixth, Problems[4]>,
  options?: Checked<Seventh, Problems[5]>,
) => LazyOf<"lazyConvTranspose2d", Out, Kernel, Fourth, Fifth, Sixth, Seventh> = builder(conv, "lazyConvTranspose2d");
/**
 * PyTorch's `nn.LazyConvTranspose3d(out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
 * bias=True, dilation=1)`: inChannels is the input's channel dimension.
 *
 * @example
 * nn.lazyConvTranspose3d(4, 2, 2); // [n, 8, 4, 5, 6] → [n, 4, 8, 10, 12]
 */
export const lazyConvTranspose3d: <
  const Out extends number,
  const Kernel extends SizeArg | object,
  const Fourth extends SizeArg | object | undefined = 1,
  const Fifth extends SizeArg | object | undefined = undefined,
  const Sixth extends SizeArg | object | undefined = undefined,
  const Seventh extends object = {},
  Problems extends ArgProblems = LazyProblems<"lazyConvTranspose3d", 3, Out, Kernel, Fourth, Fifth, Sixth, Seventh>,
>(
  outChannels: Arg<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Fourth, Problems[2]>,
  paddingOrOptions?: Checked<Fifth, Problems[3]>,
  outputPaddingOrOptions?: Checked<Sixth, Problems[4]>,
  options?: Checked<Seventh, Problems[5]>,
) => LazyOf<"lazyConvTranspose3d", Out, Kernel, Fourth, Fifth, Sixth, Seventh> = builder(conv, "lazyConvTranspose3d");

/** The config of lazyConvTranspose1d / 2d / 3d (its runtime object): inChannels null (the input's). */
export interface LazyConvTransposeConfig
  extends
    KindConfig<"lazyConvTranspose1d" | "lazyConvTranspose2d" | "lazyConvTranspose3d">,
    Omit<ConvTransposeConfig, "kind" | "inChannels" | "outputShape" | "written"> {
  readonly inChannels: null;
}

// ---- runtime

/** The config of convTranspose1d / 2d / 3d (its runtime object): PyTorch's arguments, defaults filled in. */
export interface ConvTransposeConfig extends KindConfig<"convTranspose1d" | "convTranspose2d" | "convTranspose3d"> {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: SizeArg;
  readonly stride: SizeArg;
  readonly padding: SizeArg;
  readonly outputPadding: SizeArg;
  readonly dilation: SizeArg;
  readonly groups: number;
  readonly bias: boolean;
}
