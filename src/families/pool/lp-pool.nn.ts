// nn.lpPool1d / lpPool2d: PyTorch's LPPool1d/2d, channels-first: (Σ over each window of x^p)^(1/p). Its
// output size is average pooling's with padding 0 and dilation 1 (PyTorch pools x^p with avg_pool): the
// pooling rule of pool.types.ts, not a formula of its own.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Arg,
  Checked,
  GivenTwiceProblem,
  IsOptions,
  OptionTypeProblem,
  PerDim,
  UnknownKeyProblem,
  Waiting,
  Written,
  writeAfterOptionsMessage,
  writePositionalMessage,
} from "../../../types/shape/args.ts";
import type { FirstProblem, SizeArgProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems, IsPlainSizeArg } from "../../../types/shape/plain.ts";
import type { PoolRule } from "./pool.types.ts";
import { fail } from "../../ops/fail.ts";
import { checkOptionTypes, expected, perDim, splitOptions, written } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { poolRule } from "./pool.ts";
import {
  builder,
  checkKernelPositional,
  checkSizeArg,
  optionals,
  settingsOf,
  valuesOf,
  writtenCall,
} from "../conv/torch-arguments.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import type { SizeArg } from "../conv/conv.nn.ts";

/** PyTorch's keyword arguments of LPPool1d/2d, with PyTorch's defaults. */
export interface LpPoolOptions {
  /** Default: the kernel size. */
  readonly stride?: SizeArg;
  /** Default false: floor. With true, ceil (the last window may be partial, as in average pooling). */
  readonly ceilMode?: boolean;
}
type LpPoolKey = keyof LpPoolOptions;
/** PyTorch's keywords of LPPool in camelCase. */
export const lpPoolKeys = ["stride", "ceilMode"] as const satisfies readonly LpPoolKey[];

type Option<Options, Key extends LpPoolKey, Default> = Options extends { readonly [K in Key]: infer Value }
  ? Value
  : Default;
/** The options object among the fourth and fifth arguments (`{}` when none). */
type OptionsOf<Fourth, Fifth> = IsOptions<Fourth> extends true ? Fourth : Fifth;
type StrideOf<Kernel, Third, Fourth, Fifth = {}> =
  IsOptions<Third> extends true
    ? Option<Third, "stride", Kernel>
    : [Third] extends [undefined]
      ? Option<OptionsOf<Fourth, Fifth>, "stride", Kernel>
      : Third;
/** ceilMode: from the options object after kernelSize, PyTorch's fourth argument positionally, or a later object. */
type CeilModeOf<Third, Fourth, Fifth = {}> =
  IsOptions<Third> extends true
    ? Option<Third, "ceilMode", false>
    : IsOptions<Fourth> extends true
      ? Option<Fourth, "ceilMode", false>
      : [Fourth] extends [undefined]
        ? Option<Fifth, "ceilMode", false>
        : Fourth;

/** How messages write an LP pooling: `lpPool2d(2, 3)`, `lpPool2d(2, 3, 2)`, `lpPool2d(2, 3, { ceilMode: true })`. */
export type WrittenLpPool<
  Kind extends string,
  Norm,
  Kernel,
  Stride,
  CeilMode,
> = `${Kind}(${Norm & number}, ${Written<Kernel>}${[CeilMode] extends [false]
  ? [Stride] extends [Kernel]
    ? ""
    : `, ${Written<Stride>}`
  : [Stride] extends [Kernel]
    ? `, { ceilMode: ${Written<CeilMode>} }`
    : `, { stride: ${Written<Stride>}, ceilMode: ${Written<CeilMode>} }`})`;

/** The rule; its messages get the written form in front only when there is one (as pool.nn.ts's). */
type Rule<Kind extends string, Rank extends number, Norm, Kernel, Stride, CeilMode, Input> =
  PoolRule<
    "",
    Rank,
    PerDim<Kernel, Rank>,
    PerDim<Stride, Rank>,
    PerDim<0, Rank>,
    PerDim<1, Rank>,
    CeilMode,
    Input
  > extends infer Result
    ? Result extends string
      ? `${WrittenLpPool<Kind, Norm, Kernel, Stride, CeilMode>}${Result}`
      : Result
    : never;

interface LpPoolLayer<Norm, Kernel, Stride, CeilMode> extends Layer, RuntimeLayer {
  readonly normType: Norm;
  readonly kernelSize: Kernel;
  readonly stride: Stride;
  readonly ceilMode: CeilMode;
}
/** `nn.lpPool1d(normType, kernelSize, stride?)` on [batch, channels, length]. */
export interface LpPool1d<Norm, Kernel, Stride = Kernel, CeilMode = false> extends LpPoolLayer<
  Norm,
  Kernel,
  Stride,
  CeilMode
> {
  readonly kind: "lpPool1d";
  readonly "~rule": LpPool1dShapeRule<Norm, Kernel, Stride, CeilMode>;
}
/** The shape rule of LpPool1d. */
export interface LpPool1dShapeRule<Norm, Kernel, Stride, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"lpPool1d", 1, Norm, Kernel, Stride, CeilMode, this["~input"]>;
}
/** `nn.lpPool2d(normType, kernelSize, stride?)` on [batch, channels, height, width]. */
export interface LpPool2d<Norm, Kernel, Stride = Kernel, CeilMode = false> extends LpPoolLayer<
  Norm,
  Kernel,
  Stride,
  CeilMode
> {
  readonly kind: "lpPool2d";
  readonly "~rule": LpPool2dShapeRule<Norm, Kernel, Stride, CeilMode>;
}
/** The shape rule of LpPool2d. */
export interface LpPool2dShapeRule<Norm, Kernel, Stride, CeilMode> extends ShapeRule {
  readonly "~output": Rule<"lpPool2d", 2, Norm, Kernel, Stride, CeilMode, this["~input"]>;
}

/** The message for lpPool1d's kernelSize as a tuple: PyTorch 1.13's LPPool1d multiplies its output by it and fails. */
export type writeKernelTupleMessage<Layer extends string> =
  `${Layer}: kernelSize must be a number (PyTorch's LPPool1d multiplies its output by it)`;
export const writeKernelTupleMessage = (layer: string): string =>
  `${layer}: kernelSize must be a number (PyTorch's LPPool1d multiplies its output by it)`;

/** The message when normType is not a positive number. */
export type writeNormTypeMessage<Layer extends string> = `${Layer}: normType must be a positive number`;

// Argument checks, each on its own argument.
// (written as text: zero and negatives are "0" and "-…", a decimal like 1.5 is positive)
type NormProblem<Layer extends string, Norm> = number extends Norm
  ? false
  : `${Norm & number}` extends "0" | `-${string}`
    ? writeNormTypeMessage<Layer>
    : false;
type OptionsProblem<
  Layer extends string,
  Kind extends string,
  Rank extends number,
  Options,
  Positional extends string,
> = FirstProblem<
  [
    UnknownKeyProblem<Layer, `nn.${Kind}`, Options, LpPoolKey>,
    GivenTwiceProblem<Layer, Options, Positional>,
    OptionTypeProblem<Layer, Options, { ceilMode: boolean }, { ceilMode: "true or false" }>,
    Waiting<Option<Options, "stride", 1>, SizeArgProblem<Layer, "stride", Option<Options, "stride", 1>, Rank>>,
  ]
>;
/** Plain arguments (a positive literal normType, plain sizes, no options object or a `ceilMode` alone) skip the checks. */
type LpPoolProblems<Kind extends string, Rank extends number, Norm, Kernel, Third, Fourth, Fifth = {}> = [
  IsPlainSizeArg<Kernel, Rank extends 1 ? never : Rank>,
  [Third] extends [undefined] ? true : IsPlainSizeArg<Third, Rank>,
  Fourth,
] extends [true, true, {}]
  ? {} extends Fourth & Fifth
    ? NormProblem<"", Norm> extends false
      ? [false, false, false, false, false]
      : FullLpPoolProblems<Kind, Rank, Norm, Kernel, Third, Fourth, Fifth>
    : FullLpPoolProblems<Kind, Rank, Norm, Kernel, Third, Fourth, Fifth>
  : FullLpPoolProblems<Kind, Rank, Norm, Kernel, Third, Fourth, Fifth>;
/** An argument after the options object (left out: `undefined` or `{}`). */
type AfterOptions<Layer extends string, Value> = [Value] extends [undefined]
  ? false
  : {} extends Value
    ? false
    : writeAfterOptionsMessage<Layer>;
type FullLpPoolProblems<
  Kind extends string,
  Rank extends number,
  Norm,
  Kernel,
  Third,
  Fourth,
  Fifth,
  Layer extends string = WrittenLpPool<
    Kind,
    Norm,
    Kernel,
    StrideOf<Kernel, Third, Fourth, Fifth>,
    CeilModeOf<Third, Fourth, Fifth>
  >,
  Stride extends string = [Third] extends [undefined] ? never : "stride",
> =
  IsOptions<Kernel> extends true
    ? [
        false,
        writePositionalMessage<`${Kind}(${Norm & number}, { … })`, "kernelSize", "normType, kernelSize, stride">,
        false,
        false,
        false,
      ]
    : [
        NormProblem<Layer, Norm>,
        [Rank, Kernel] extends [1, readonly unknown[]]
          ? writeKernelTupleMessage<Layer>
          : SizeArgProblem<Layer, "kernelSize", Kernel, Rank>,
        IsOptions<Third> extends true
          ? OptionsProblem<Layer, Kind, Rank, Third, never>
          : [Third] extends [undefined]
            ? false
            : SizeArgProblem<Layer, "stride", Third, Rank>,
        IsOptions<Third> extends true
          ? AfterOptions<Layer, Fourth>
          : IsOptions<Fourth> extends true
            ? OptionsProblem<Layer, Kind, Rank, Fourth, Stride>
            : [Fourth] extends [undefined]
              ? false
              : OptionsProblem<Layer, Kind, Rank, { readonly ceilMode: Fourth }, never>,
        IsOptions<Third> extends true
          ? AfterOptions<Layer, Fifth>
          : IsOptions<Fourth> extends true
            ? AfterOptions<Layer, Fifth>
            : OptionsProblem<Layer, Kind, Rank, Fifth, Stride | ([Fourth] extends [undefined] ? never : "ceilMode")>,
      ];

/**
 * PyTorch's `nn.LPPool1d(norm_type, kernel_size, stride=kernel_size, ceil_mode=False)`:
 * `nn.lpPool1d(normType, kernelSize, stride?)` or `nn.lpPool1d(normType, kernelSize, { stride, ceilMode })`.
 *
 * @example
 * nn.lpPool1d(2, 3); // [n, 16, 50] → [n, 16, 16]
 */
export const lpPool1d: <
  const Norm extends number,
  const Kernel extends SizeArg | object,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends boolean | string | number | object | null | undefined = {},
  const Fifth extends object = {},
  Problems extends ArgProblems = LpPoolProblems<"lpPool1d", 1, Norm, Kernel, Third, Fourth, Fifth>,
>(
  normType: Arg<Norm, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Third, Problems[2]>,
  ceilModeOrOptions?: Checked<Fourth, Problems[3]>,
  options?: Checked<Fifth, Problems[4]>,
) => LpPool1d<Norm, Kernel, StrideOf<Kernel, Third, Fourth, Fifth>, CeilModeOf<Third, Fourth, Fifth>> = builder(
  lpPool,
  "lpPool1d",
);
/**
 * PyTorch's `nn.LPPool2d(norm_type, kernel_size, stride=kernel_size, ceil_mode=False)`:
 * `nn.lpPool2d(normType, kernelSize, stride?)` or `nn.lpPool2d(normType, kernelSize, { stride, ceilMode })`.
 *
 * @example
 * nn.lpPool2d(2, 2);    // [n, 16, 24, 24] → [n, 16, 12, 12]
 * nn.lpPool2d(3, 3, 2); // [n, 16, 24, 24] → [n, 16, 11, 11]
 */
export const lpPool2d: <
  const Norm extends number,
  const Kernel extends SizeArg | object,
  const Third extends SizeArg | object | undefined = undefined,
  const Fourth extends boolean | string | number | object | null | undefined = {},
  const Fifth extends object = {},
  Problems extends ArgProblems = LpPoolProblems<"lpPool2d", 2, Norm, Kernel, Third, Fourth, Fifth>,
>(
  normType: Arg<Norm, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  strideOrOptions?: Checked<Third, Problems[2]>,
  ceilModeOrOptions?: Checked<Fourth, Problems[3]>,
  options?: Checked<Fifth, Problems[4]>,
) => LpPool2d<Norm, Kernel, StrideOf<Kernel, Third, Fourth, Fifth>, CeilModeOf<Third, Fourth, Fifth>> = builder(
  lpPool,
  "lpPool2d",
);

// ---- runtime

/** The config of lpPool1d / lpPool2d (its runtime object), defaults filled in. */
export interface LpPoolConfig extends KindConfig<"lpPool1d" | "lpPool2d"> {
  readonly normType: number;
  readonly kernelSize: SizeArg;
  readonly stride: SizeArg;
  readonly ceilMode: boolean;
}

export const writeNormTypeMessage = (layer: string): string => `${layer}: normType must be a positive number`;

function lpPool(
  kind: LpPoolConfig["kind"],
  rank: number,
  [normType, kernelSize, ...rest]: readonly unknown[],
): LpPoolConfig {
  checkKernelPositional(`${kind}(${normType}, { … })`, kernelSize, ["normType"], ["stride"]);
  const kernel = kernelSize as SizeArg;
  // PyTorch's stride and ceilMode positionally, then an options object
  const options = settingsOf<LpPoolOptions>(lpPoolKeys, rest);
  const args = optionals(options, { stride: kernel, ceilMode: false });
  const [stride, ceilMode] = valuesOf(args) as [SizeArg, boolean];
  const layer = writtenCall(`${kind}(${normType}, ${written(kernel)}`, 1, args);
  if (!(typeof normType === "number" && normType > 0)) fail(writeNormTypeMessage(layer));
  if (rank === 1 && Array.isArray(kernel)) fail(writeKernelTupleMessage(layer));
  checkSizeArg(layer, "kernelSize", kernel, rank);
  splitOptions(layer, `nn.${kind}`, lpPoolKeys, rest, lpPoolKeys);
  checkOptionTypes(layer, options, { ceilMode: expected.boolean });
  checkSizeArg(layer, "stride", stride, rank);
  const windows = {
    kernels: perDim(kernel, rank),
    strides: perDim(stride, rank),
    paddings: perDim(0, rank),
    dilations: perDim(1, rank),
    ceilMode,
  };
  return {
    kind,
    written: layer,
    normType,
    kernelSize: kernel,
    stride,
    ceilMode,
    outputShape: (input: RuntimeShape) => poolRule(layer, rank, windows, input),
  };
}
