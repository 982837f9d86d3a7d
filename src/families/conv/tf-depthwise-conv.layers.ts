// layers.depthwiseConv2d / separableConv2d: tfjs-layers' DepthwiseConv2D (each channel convolved with its own
// depthMultiplier filters: channels × depthMultiplier out) and SeparableConv2D (that, then a 1×1 convolution to
// `filters`), channels last by default, tfjs's argument objects. Sizes: tfjs's convOutputLength (tf-conv.types.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { PerDim } from "../../../types/shape/args.ts";
import type {
  TfConvRule,
  TfDepthwiseRule,
  writeCausalMessage,
  writeIgnoredDilationMessage,
  writeStridesDilationMessage,
} from "./tf-conv.types.ts";
import type {
  At,
  PlainOptions,
  DataFormat,
  FirstOptionProblem,
  OptionOf,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
  InputShapeChecked,
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import {
  tfConvRule,
  tfDepthwiseRule,
  writeIgnoredDilationMessage as ignoredDilationMessage,
  writeStridesDilationMessage as stridesDilationMessage,
} from "./tf-conv.ts";
import {
  requiredOptions,
  dataFormatOf,
  tfOptions,
  optionOf,
  tfLayer,
  activationBiasOptions,
  weightOptions,
} from "../../shape/tf-options.ts";
import { checkActivation } from "../activation/tf-dropout-activation.layers.ts";
import { checkWindow, writeChannelsFirstMessage, type SizeArg } from "./tf-conv.layers.ts";

const depthwiseShown = ["kernelSize", "depthMultiplier", "strides", "padding", "dilationRate", "dataFormat"] as const;
const separableShown = ["filters", ...depthwiseShown] as const;

/**
 * tfjs-layers' `DepthwiseConv2DLayerArgs` (the options that do not change shapes are tfjs's own types), without the
 * kernel* options DepthwiseConv2D ignores (depthwise* instead).
 */
export interface DepthwiseConvArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.depthwiseConv2d>[0]>,
  (typeof depthwiseShown)[number] | "kernelInitializer" | "kernelRegularizer" | "kernelConstraint"
> {
  /** The window: one size for both spatial dimensions, or [height, width]. */
  readonly kernelSize: SizeArg;
  /** Default 1: the output has channels × depthMultiplier channels. */
  readonly depthMultiplier?: number;
  /** Default 1. */
  readonly strides?: SizeArg;
  /** Default "valid": ⌈(n − kernel + 1) / strides⌉; "same": ⌈n / strides⌉. */
  readonly padding?: "valid" | "same" | "causal";
  /** Default 1; above 1 is refused: tfjs's DepthwiseConv2D ignores it. */
  readonly dilationRate?: SizeArg;
  /** Default "channelsLast": [batch, height, width, channels]. */
  readonly dataFormat?: DataFormat;
}
/** tfjs-layers' `SeparableConvLayerArgs`, without the kernel* options SeparableConv2D refuses (depthwise*, pointwise* instead). */
export interface SeparableConvArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.separableConv2d>[0]>,
  (typeof separableShown)[number] | "kernelInitializer" | "kernelRegularizer" | "kernelConstraint"
> {
  /** The number of output channels (of the pointwise 1×1 convolution). */
  readonly filters: number;
  /** The depthwise window: one size for both spatial dimensions, or [height, width]. */
  readonly kernelSize: SizeArg;
  /** Default 1: the depthwise step makes channels × depthMultiplier channels. */
  readonly depthMultiplier?: number;
  /** Default 1. Cannot be above 1 together with `dilationRate` (TensorFlow.js). */
  readonly strides?: SizeArg;
  /** Default "valid": ⌈(n − dilatedKernel + 1) / strides⌉; "same": ⌈n / strides⌉. */
  readonly padding?: "valid" | "same" | "causal";
  /** Default 1. */
  readonly dilationRate?: SizeArg;
  /** Default "channelsLast": [batch, height, width, channels]. */
  readonly dataFormat?: DataFormat;
}

const depthwiseKeys = `${activationBiasOptions} ${weightOptions("depthwise")}` as const;
/** Every option tfjs's DepthwiseConv2D takes. */
export const depthwiseOptions = tfOptions<DepthwiseConvArgs>()(depthwiseShown, depthwiseKeys);
/** Every option tfjs's SeparableConv2D takes. */
export const separableOptions = tfOptions<SeparableConvArgs>()(
  separableShown,
  `${depthwiseKeys} ${weightOptions("pointwise")}`,
);

type DepthwiseRule<Args extends DepthwiseConvArgs, Input> = TfDepthwiseRule<
  WrittenLayer<"depthwiseConv2d", Args, typeof depthwiseShown>,
  OptionOf<Args, "depthMultiplier", 1>,
  PerDim<Args["kernelSize"], 2>,
  PerDim<OptionOf<Args, "strides", 1>, 2>,
  OptionOf<Args, "padding", "valid">,
  OptionOf<Args, "dataFormat", "channelsLast">,
  Input
>;
type SeparableRule<Args extends SeparableConvArgs, Input> = TfConvRule<
  WrittenLayer<"separableConv2d", Args, typeof separableShown>,
  2,
  Args["filters"],
  PerDim<Args["kernelSize"], 2>,
  PerDim<OptionOf<Args, "strides", 1>, 2>,
  OptionOf<Args, "padding", "valid">,
  PerDim<OptionOf<Args, "dilationRate", 1>, 2>,
  OptionOf<Args, "dataFormat", "channelsLast">,
  Input
>;

/** `layers.depthwiseConv2d({ kernelSize, depthMultiplier, ... })`: [batch, height, width, c] → [batch, height′, width′, c·depthMultiplier]. */
export interface DepthwiseConv2D<Args extends DepthwiseConvArgs = DepthwiseConvArgs> extends Layer, RuntimeLayer {
  readonly kind: "DepthwiseConv2D";
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
  readonly "~rule": DepthwiseConv2DShapeRule<Args>;
}
/** The shape rule of DepthwiseConv2D. */
export interface DepthwiseConv2DShapeRule<Args extends DepthwiseConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<"depthwiseConv2d", Args, this["~input"], DepthwiseRule<Args, this["~input"]>>;
}
/** `layers.separableConv2d({ filters, kernelSize, ... })`: [batch, height, width, channels] → [batch, height′, width′, filters]. */
export interface SeparableConv2D<Args extends SeparableConvArgs = SeparableConvArgs> extends Layer, RuntimeLayer {
  readonly kind: "SeparableConv2D";
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
  readonly "~rule": SeparableConv2DShapeRule<Args>;
}
/** The shape rule of SeparableConv2D. */
export interface SeparableConv2DShapeRule<Args extends SeparableConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<"separableConv2d", Args, this["~input"], SeparableRule<Args, this["~input"]>>;
}

type Each<Value> = PerDim<Value, 2> extends readonly (infer One)[] ? One : never;
type AboveOne<Value> = Each<Value> extends 1 ? false : true;
/** A dilationRate above 1 (`number`, unknown to the compiler, is checked at run time). */
type Dilated<Args> =
  number extends Each<OptionOf<Args, "dilationRate", 1>> ? false : AboveOne<OptionOf<Args, "dilationRate", 1>>;
type StridesDilationProblem<Layer extends string, Args> =
  number extends Each<OptionOf<Args, "strides", 1>>
    ? false
    : [AboveOne<OptionOf<Args, "strides", 1>>, Dilated<Args>] extends [true, true]
      ? writeStridesDilationMessage<Layer>
      : false;

/** SeparableConv2D with channels first: tfjs-layers 4.22's layer breaks on it (its bias or its shapes). */
const separableFormat = "SeparableConv2D gets it wrong (use channels last)";
export type writeSeparableFormatMessage<Layer extends string> = writeChannelsFirstMessage<
  Layer,
  typeof separableFormat
>;

// Options that need no further check: known options, plain sizes, no dilation, padding "valid" or "same".
type Plain<Args, Known, SizeKeys extends string> =
  PlainOptions<Args, Known, SizeKeys, 2> extends true
    ? [
        OptionOf<Args, "dilationRate", 1>,
        OptionOf<Args, "padding", "valid">,
        OptionOf<Args, "dataFormat", "channelsLast">,
      ] extends [1, "valid" | "same", "channelsLast"]
      ? true
      : false
    : false;

type DepthwiseProblem<
  Args,
  Layer extends string = WrittenLayer<"depthwiseConv2d", Args, typeof depthwiseShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "depthwiseConv2d", Args, keyof DepthwiseConvArgs>,
    SizeOptionProblem<Layer, Args, "kernelSize", 2>,
    SizeOptionProblem<Layer, Args, "depthMultiplier">,
    SizeOptionProblem<Layer, Args, "strides", 2>,
    At<"padding", OptionOf<Args, "padding", "valid"> extends "causal" ? writeCausalMessage<Layer> : false>,
    SizeOptionProblem<Layer, Args, "dilationRate", 2>,
    At<"dilationRate", Dilated<Args> extends true ? writeIgnoredDilationMessage<Layer, "DepthwiseConv2D"> : false>,
  ]
>;
type SeparableProblem<
  Args,
  Layer extends string = WrittenLayer<"separableConv2d", Args, typeof separableShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "separableConv2d", Args, keyof SeparableConvArgs>,
    SizeOptionProblem<Layer, Args, "filters">,
    SizeOptionProblem<Layer, Args, "kernelSize", 2>,
    SizeOptionProblem<Layer, Args, "depthMultiplier">,
    SizeOptionProblem<Layer, Args, "strides", 2>,
    At<"padding", OptionOf<Args, "padding", "valid"> extends "causal" ? writeCausalMessage<Layer> : false>,
    SizeOptionProblem<Layer, Args, "dilationRate", 2>,
    At<"dilationRate", StridesDilationProblem<Layer, Args>>,
    At<
      "dataFormat",
      OptionOf<Args, "dataFormat", "channelsLast"> extends "channelsFirst" ? writeSeparableFormatMessage<Layer> : false
    >,
  ]
>;

/**
 * tfjs's `tf.layers.depthwiseConv2d({ kernelSize, depthMultiplier = 1, strides = 1, padding = "valid", dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }); // [n, 28, 28, 8] → [n, 26, 26, 16]
 */
export const depthwiseConv2d: <
  const Args extends RequiredOptions<DepthwiseConvArgs>,
  Problem = Plain<Args, keyof DepthwiseConvArgs, "kernelSize" | "depthMultiplier" | "strides"> extends true
    ? false
    : DepthwiseProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, DepthwiseConvArgs>,
) => DepthwiseConv2D<Fitting<Args, DepthwiseConvArgs>> = depthwise("DepthwiseConv2D");

/**
 * tfjs's `tf.layers.separableConv2d({ filters, kernelSize, depthMultiplier = 1, strides = 1, padding = "valid",
 * dilationRate = 1, dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.separableConv2d({ filters: 32, kernelSize: 3, padding: "same" }); // [n, 28, 28, 8] → [n, 28, 28, 32]
 */
export const separableConv2d: <
  const Args extends RequiredOptions<SeparableConvArgs>,
  Problem = Plain<Args, keyof SeparableConvArgs, "filters" | "kernelSize" | "depthMultiplier" | "strides"> extends true
    ? false
    : SeparableProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, SeparableConvArgs>,
) => SeparableConv2D<Fitting<Args, SeparableConvArgs>> = depthwise("SeparableConv2D");

// ---- runtime

/** The config of layers.depthwiseConv2d / separableConv2d (its runtime object), defaults filled in. */
export interface TfDepthwiseConvConfig extends TfjsConfig<
  "DepthwiseConv2D" | "SeparableConv2D",
  DepthwiseConvArgs | SeparableConvArgs
> {
  readonly kernelSize: SizeArg;
  readonly depthMultiplier: number;
  readonly dataFormat: DataFormat;
  /** SeparableConv2D's output channels (null for DepthwiseConv2D). */
  readonly filters: number | null;
}

/** The builder of layers.depthwiseConv2d and layers.separableConv2d. */
function depthwise(kind: TfDepthwiseConvConfig["kind"]) {
  const separable = kind === "SeparableConv2D";
  const [name, known, shown, required] = separable
    ? [
        "separableConv2d",
        separableOptions,
        separableShown,
        requiredOptions<SeparableConvArgs>()("filters", "kernelSize"),
      ]
    : ["depthwiseConv2d", depthwiseOptions, depthwiseShown, requiredOptions<DepthwiseConvArgs>()("kernelSize")];
  return tfLayer(kind, name, known, shown, required, (layer, args: DepthwiseConvArgs | SeparableConvArgs) => {
    const { padding, kernels, strides, dilations } = checkWindow(layer, 2, args);
    const dataFormat = dataFormatOf(layer, args);
    checkActivation(layer, args.activation);
    const dilated = dilations.some((d) => d !== 1);
    // DepthwiseConv2D ignores dilationRate; SeparableConv2D cannot stride and dilate at once
    if (!separable && dilated) throw new ShapeError(ignoredDilationMessage(layer, kind));
    if (separable && dilated && strides.some((s) => s !== 1)) throw new ShapeError(stridesDilationMessage(layer));
    if (separable && dataFormat === "channelsFirst")
      throw new ShapeError(writeChannelsFirstMessage(layer, separableFormat));
    const depthMultiplier = optionOf(args, "depthMultiplier", 1);
    const filters = "filters" in args ? args.filters : null;
    return {
      kernelSize: args.kernelSize,
      depthMultiplier,
      dataFormat,
      filters: separable ? filters : null,
      outputShape: (input) =>
        separable
          ? tfConvRule(layer, 2, { filters: filters!, kernels, strides, padding, dilations, dataFormat }, input)
          : tfDepthwiseRule(layer, { depthMultiplier, kernels, strides, padding, dataFormat }, input),
    };
  }) as never;
}
