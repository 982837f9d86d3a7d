// nn.convTranspose1d / convTranspose2d: PyTorch's ConvTranspose1d/2d, channels-first, PyTorch's argument order.
import type { Compare, Mod } from "../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem, PerDim, Written } from "../../types/shape/args.ts";
import type { ConvTransposeRule, writeOutputPaddingMessage } from "../../types/shape/conv-transpose.ts";
import type { FirstProblem, SizeArgProblem } from "../../types/shape/problems.ts";
import type { ArgProblems, IsPlainSize, IsPlainSizeArg } from "../../types/shape/plain.ts";
import { ShapeError } from "../errors.ts";
import type { RuntimeLayer } from "../model/layer.ts";
import { checkSizes, checkTupleLength, perDim, written } from "../shape/args.ts";
import { convTransposeRule, writeOutputPaddingMessage as writeOutputPadding } from "../shape/conv-transpose.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { writeGroupsMessage, type SizeArg } from "./conv.ts";

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
}

type Option<Options, Key extends keyof ConvTransposeOptions, Default> = Options extends { readonly [K in Key]: infer Value } ? Value : Default;
type StrideOf<Fourth> = Fourth extends ConvTransposeOptions ? Option<Fourth, "stride", 1> : Fourth;
type PaddingOf<Fourth, Fifth> = Fourth extends ConvTransposeOptions ? Option<Fourth, "padding", 0> : Fifth;
type OutputPaddingOf<Fourth, Sixth> = Fourth extends ConvTransposeOptions ? Option<Fourth, "outputPadding", 0> : Sixth;
type DilationOf<Fourth> = Fourth extends ConvTransposeOptions ? Option<Fourth, "dilation", 1> : 1;
type GroupsOf<Fourth> = Fourth extends ConvTransposeOptions ? Option<Fourth, "groups", 1> : 1;

type Join<Parts extends readonly string[], Text extends string = ""> = Parts extends readonly [infer Part extends string, ...infer Rest extends string[]]
  ? Join<Rest, Part extends "" ? Text : Text extends "" ? Part : `${Text}, ${Part}`>
  : Text;

/**
 * How messages write a transposed convolution: `convTranspose2d(16, 8, 3, 2, 1, 1)`,
 * `convTranspose2d(16, 8, 3, { stride: 2, dilation: 2 })`.
 */
export type WrittenConvTranspose<Kind extends string, In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> =
  `${Kind}(${In & number}, ${Out & number}, ${Written<Kernel>}${[Dilation, Groups] extends [1, 1]
    ? OutputPadding extends 0
      ? Padding extends 0 ? (Stride extends 1 ? "" : `, ${Written<Stride>}`) : `, ${Written<Stride>}, ${Written<Padding>}`
      : `, ${Written<Stride>}, ${Written<Padding>}, ${Written<OutputPadding>}`
    : `, { ${Join<[
        Stride extends 1 ? "" : `stride: ${Written<Stride>}`,
        Padding extends 0 ? "" : `padding: ${Written<Padding>}`,
        OutputPadding extends 0 ? "" : `outputPadding: ${Written<OutputPadding>}`,
        Dilation extends 1 ? "" : `dilation: ${Written<Dilation>}`,
        Groups extends 1 ? "" : `groups: ${Groups & number}`,
      ]>} }`})`;

type Rule<Kind extends string, Rank extends number, In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups, Input> = ConvTransposeRule<
  WrittenConvTranspose<Kind, In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>, Rank, In, Out,
  PerDim<Kernel, Rank>, PerDim<Stride, Rank>, PerDim<Padding, Rank>, PerDim<OutputPadding, Rank>, PerDim<Dilation, Rank>, Input>;

interface ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> extends Layer, RuntimeLayer {
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
export interface ConvTranspose1d<In, Out, Kernel, Stride = 1, Padding = 0, OutputPadding = 0, Dilation = 1, Groups = 1>
  extends ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "convTranspose1d";
  readonly "~rule": ConvTranspose1dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of ConvTranspose1d. */
export interface ConvTranspose1dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> extends ShapeRule {
  readonly "~output": Rule<"convTranspose1d", 1, In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups, this["~input"]>;
}

/**
 * `nn.convTranspose2d(in, out, kernel, stride?, padding?, outputPadding?)`: [batch, in, height, width] →
 * [batch, out, height′, width′], each size′ = (size − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1.
 *
 * @example
 * type T = ConvTranspose2d<16, 8, 3, 2, 1, 1>; // [n, 16, 14, 14] → [n, 8, 28, 28]
 */
export interface ConvTranspose2d<In, Out, Kernel, Stride = 1, Padding = 0, OutputPadding = 0, Dilation = 1, Groups = 1>
  extends ConvTransposeLayer<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> {
  readonly kind: "convTranspose2d";
  readonly "~rule": ConvTranspose2dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups>;
}
/** The shape rule of ConvTranspose2d. */
export interface ConvTranspose2dShapeRule<In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups> extends ShapeRule {
  readonly "~output": Rule<"convTranspose2d", 2, In, Out, Kernel, Stride, Padding, OutputPadding, Dilation, Groups, this["~input"]>;
}

// Argument checks, each reported on its own argument.
type GroupsProblem<Layer extends string, In, Out, Groups> =
  [Groups] extends [1] ? false
  : FirstSizeProblem<Layer, ["groups"], [Groups]> extends infer P extends string ? P
  : number extends In | Out | Groups ? false
  : [Mod<In, Groups>, Mod<Out, Groups>] extends [0, 0] ? false
  : writeGroupsMessage<Layer, In, Out, Groups>;
/** PyTorch's rule in every dimension: outputPadding < stride or outputPadding < dilation. */
type OutputPaddingProblem<Layer extends string, OutputPaddings extends readonly unknown[], Strides extends readonly unknown[], Dilations extends readonly unknown[]> =
  OutputPaddings extends readonly [infer OutputPadding, ...infer Rest]
    ? number extends OutputPadding | Strides[0] | Dilations[0] ? OutputPaddingProblem<Layer, Rest, Tail<Strides>, Tail<Dilations>>
      : "lt" extends Compare<OutputPadding, Strides[0]> | Compare<OutputPadding, Dilations[0]> ? OutputPaddingProblem<Layer, Rest, Tail<Strides>, Tail<Dilations>>
      : writeOutputPaddingMessage<Layer, OutputPadding, Strides[0], Dilations[0]>
    : false;
type Tail<Values extends readonly unknown[]> = Values extends readonly [unknown, ...infer Rest] ? Rest : [];
type OutputPaddingArgProblem<Layer extends string, Rank extends number, OutputPadding, Stride, Dilation> =
  FirstProblem<[
    SizeArgProblem<Layer, "outputPadding", OutputPadding, Rank, 0>,
    OutputPaddingProblem<Layer, PerDim<OutputPadding, Rank>, PerDim<Stride, Rank>, PerDim<Dilation, Rank>>,
  ]>;
type FourthProblem<Layer extends string, Rank extends number, In, Out, Fourth> = [Fourth] extends [ConvTransposeOptions]
  ? FirstProblem<[
      SizeArgProblem<Layer, "stride", StrideOf<Fourth>, Rank>,
      SizeArgProblem<Layer, "padding", PaddingOf<Fourth, 0>, Rank, 0>,
      SizeArgProblem<Layer, "dilation", DilationOf<Fourth>, Rank>,
      OutputPaddingArgProblem<Layer, Rank, OutputPaddingOf<Fourth, 0>, StrideOf<Fourth>, DilationOf<Fourth>>,
      GroupsProblem<Layer, In, Out, GroupsOf<Fourth>>,
    ]>
  : SizeArgProblem<Layer, "stride", Fourth, Rank>;

/** Each argument's message or `false`; plain arguments (options without outputPadding or groups) skip the checks. */
type ConvTransposeProblems<Kind extends string, Rank extends number, In, Out, Kernel, Fourth, Fifth, Sixth> =
  [IsPlainSize<In>, IsPlainSize<Out>, IsPlainSizeArg<Kernel, Rank>, PlainFourth<Fourth, Rank>, IsPlainSizeArg<Fifth, Rank, 0>, Sixth] extends [true, true, true, true, true, 0]
    ? [false, false, false, false, false, false]
    : FullProblems<Rank, In, Out, Kernel, Fourth, Fifth, Sixth,
        WrittenConvTranspose<Kind, In, Out, Kernel, StrideOf<Fourth>, PaddingOf<Fourth, Fifth>, OutputPaddingOf<Fourth, Sixth>, DilationOf<Fourth>, GroupsOf<Fourth>>>;
type PlainFourth<Fourth, Rank extends number> = [Fourth] extends [ConvTransposeOptions]
  ? [IsPlainSizeArg<StrideOf<Fourth>, Rank>, IsPlainSizeArg<PaddingOf<Fourth, 0>, Rank, 0>, IsPlainSizeArg<DilationOf<Fourth>, Rank>, OutputPaddingOf<Fourth, 0>, GroupsOf<Fourth>] extends [true, true, true, 0, 1] ? true : false
  : IsPlainSizeArg<Fourth, Rank>;
type FullProblems<Rank extends number, In, Out, Kernel, Fourth, Fifth, Sixth, Layer extends string> = [
  FirstSizeProblem<Layer, ["inChannels"], [In]>,
  FirstSizeProblem<Layer, ["outChannels"], [Out]>,
  SizeArgProblem<Layer, "kernelSize", Kernel, Rank>,
  FourthProblem<Layer, Rank, In, Out, Fourth>,
  [Fourth] extends [ConvTransposeOptions] ? false : SizeArgProblem<Layer, "padding", Fifth, Rank, 0>,
  [Fourth] extends [ConvTransposeOptions] ? false : OutputPaddingArgProblem<Layer, Rank, Sixth, Fourth, 1>,
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
export function convTranspose1d<const In extends number, const Out extends number, const Kernel extends SizeArg,
  const Fourth extends SizeArg | ConvTransposeOptions = 1, const Fifth extends SizeArg = 0, const Sixth extends SizeArg = 0,
  Problems extends ArgProblems = ConvTransposeProblems<"convTranspose1d", 1, In, Out, Kernel, Fourth, Fifth, Sixth>>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  padding?: Checked<Fifth, Problems[4]>,
  outputPadding?: Checked<Sixth, Problems[5]>,
): ConvTranspose1d<In, Out, Kernel, StrideOf<Fourth>, PaddingOf<Fourth, Fifth>, OutputPaddingOf<Fourth, Sixth>, DilationOf<Fourth>, GroupsOf<Fourth>> {
  return convTranspose("convTranspose1d", 1, ...([inChannels, outChannels, kernelSize, strideOrOptions, padding, outputPadding] as RuntimeArgs)) as never;
}

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
export function convTranspose2d<const In extends number, const Out extends number, const Kernel extends SizeArg,
  const Fourth extends SizeArg | ConvTransposeOptions = 1, const Fifth extends SizeArg = 0, const Sixth extends SizeArg = 0,
  Problems extends ArgProblems = ConvTransposeProblems<"convTranspose2d", 2, In, Out, Kernel, Fourth, Fifth, Sixth>>(
  inChannels: Arg<In, Problems[0]>,
  outChannels: Arg<Out, Problems[1]>,
  kernelSize: Checked<Kernel, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  padding?: Checked<Fifth, Problems[4]>,
  outputPadding?: Checked<Sixth, Problems[5]>,
): ConvTranspose2d<In, Out, Kernel, StrideOf<Fourth>, PaddingOf<Fourth, Fifth>, OutputPaddingOf<Fourth, Sixth>, DilationOf<Fourth>, GroupsOf<Fourth>> {
  return convTranspose("convTranspose2d", 2, ...([inChannels, outChannels, kernelSize, strideOrOptions, padding, outputPadding] as RuntimeArgs)) as never;
}

type RuntimeArgs = [number, number, SizeArg, (SizeArg | ConvTransposeOptions)?, SizeArg?, SizeArg?];

// ---- runtime

function convTranspose(kind: string, rank: number, inChannels: number, outChannels: number, kernelSize: SizeArg,
  fourth?: SizeArg | ConvTransposeOptions, fifth?: SizeArg, sixth?: SizeArg): RuntimeLayer & Record<string, unknown> {
  const options: ConvTransposeOptions = typeof fourth === "object" && !Array.isArray(fourth)
    ? (fourth as ConvTransposeOptions)
    : { stride: fourth as SizeArg | undefined, padding: fifth, outputPadding: sixth };
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 0;
  const outputPadding = options.outputPadding ?? 0;
  const dilation = options.dilation ?? 1;
  const groups = options.groups ?? 1;
  const layer = writtenConvTranspose(kind, inChannels, outChannels, kernelSize, stride, padding, outputPadding, dilation, groups);
  checkSizes(layer, { inChannels, outChannels });
  checkSizes(layer, { kernelSize });
  checkTupleLength(layer, "kernelSize", kernelSize, rank);
  for (const [name, value, minimum] of [["stride", stride, 1], ["padding", padding, 0], ["dilation", dilation, 1], ["outputPadding", outputPadding, 0]] as const) {
    checkSizes(layer, { [name]: value }, minimum);
    checkTupleLength(layer, name, value, rank);
  }
  const strides = perDim(stride, rank);
  const dilations = perDim(dilation, rank);
  const outputPaddings = perDim(outputPadding, rank);
  outputPaddings.forEach((op, i) => {
    if (!(op < strides[i]! || op < dilations[i]!)) throw new ShapeError(writeOutputPadding(layer, op, strides[i]!, dilations[i]!));
  });
  if (groups !== 1) {
    checkSizes(layer, { groups });
    if (inChannels % groups !== 0 || outChannels % groups !== 0) throw new ShapeError(writeGroupsMessage(layer, inChannels, outChannels, groups));
  }
  const perDimension = { kernels: perDim(kernelSize, rank), strides, paddings: perDim(padding, rank), outputPaddings, dilations };
  return {
    kind, written: layer,
    inChannels, outChannels, kernelSize, stride, padding, outputPadding, dilation, groups, bias: options.bias ?? true,
    outputShape: (input: RuntimeShape) => convTransposeRule(layer, rank, inChannels, outChannels, perDimension, input),
  };
}

/** Twin of `WrittenConvTranspose`. */
export function writtenConvTranspose(kind: string, inChannels: number, outChannels: number, kernel: unknown, stride: unknown, padding: unknown,
  outputPadding: unknown, dilation: unknown, groups: number): string {
  let rest = "";
  if (dilation === 1 && groups === 1) {
    if (outputPadding !== 0) rest = `, ${written(stride)}, ${written(padding)}, ${written(outputPadding)}`;
    else if (padding !== 0) rest = `, ${written(stride)}, ${written(padding)}`;
    else if (stride !== 1) rest = `, ${written(stride)}`;
  } else {
    const parts = [
      stride === 1 ? "" : `stride: ${written(stride)}`,
      padding === 0 ? "" : `padding: ${written(padding)}`,
      outputPadding === 0 ? "" : `outputPadding: ${written(outputPadding)}`,
      dilation === 1 ? "" : `dilation: ${written(dilation)}`,
      groups === 1 ? "" : `groups: ${groups}`,
    ];
    rest = `, { ${parts.filter(Boolean).join(", ")} }`;
  }
  return `${kind}(${inChannels}, ${outChannels}, ${written(kernel)}${rest})`;
}
