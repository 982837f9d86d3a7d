// layers.conv1d / conv2d / conv3d: tfjs-layers' Conv1D / Conv2D / Conv3D, channels last by default, tfjs's argument objects.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { PerDim } from "../../../types/shape/args.ts";
import type { TfConvRule, writeCausalMessage, writeStridesDilationMessage } from "./tf-conv.types.ts";
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
import { perDim } from "../../shape/args.ts";
import {
  tfConvRule,
  tfConvTransposeRule,
  writeCausalMessage as causalMessage,
  writeIgnoredDilationMessage as ignoredDilationMessage,
  writeStridesDilationMessage as stridesDilationMessage,
  type TfPadding,
} from "./tf-conv.ts";
import type { TfConvTransposeConfig } from "./tf-conv-transpose.layers.ts";
import {
  requiredOptions,
  choiceOf,
  dataFormatOf,
  checkSizeOption,
  optionOf,
  tfOptions,
  tfLayer,
  activationBiasOptions,
  weightOptions,
} from "../../shape/tf-options.ts";
import { checkActivation } from "../activation/tf-dropout-activation.layers.ts";

/** A size per spatial dimension: one number for all, or a tuple. */
export type SizeArg = number | readonly number[];

/** The options messages show, in this order. */
const shownOptions = ["filters", "kernelSize", "strides", "padding", "dilationRate", "dataFormat"] as const;
type ShownOptions = typeof shownOptions;

/** tfjs-layers' `ConvLayerArgs` (the options that do not change shapes are tfjs's own types). */
export interface ConvArgs extends Omit<NonNullable<Parameters<typeof tfl.layers.conv2d>[0]>, ShownOptions[number]> {
  /** The number of output channels. */
  readonly filters: number;
  /** The window: one size for every spatial dimension, or a tuple. */
  readonly kernelSize: SizeArg;
  /** Default 1. Cannot be above 1 together with `dilationRate` (TensorFlow.js). */
  readonly strides?: SizeArg;
  /** Default "valid": ⌈(n − dilatedKernel + 1) / strides⌉; "same": ⌈n / strides⌉. ("causal" is not implemented by TensorFlow.js.) */
  readonly padding?: "valid" | "same" | "causal";
  /** Default 1. */
  readonly dilationRate?: SizeArg;
  /** Default "channelsLast": [batch, ...spatial, channels]. */
  readonly dataFormat?: DataFormat;
}

/** Every option tfjs's convolutions take (a misspelt option is reported, not ignored). */
export const convOptions = tfOptions<ConvArgs>()(shownOptions, `${activationBiasOptions} ${weightOptions("kernel")}`);

type Written<Name extends string, Args> = WrittenLayer<Name, Args, ShownOptions>;
type Rule<Name extends string, Rank extends number, Args extends ConvArgs, Input> = TfConvRule<
  Written<Name, Args>,
  Rank,
  Args["filters"],
  PerDim<Args["kernelSize"], Rank>,
  PerDim<OptionOf<Args, "strides", 1>, Rank>,
  OptionOf<Args, "padding", "valid">,
  PerDim<OptionOf<Args, "dilationRate", 1>, Rank>,
  OptionOf<Args, "dataFormat", "channelsLast">,
  Input
>;

interface ConvLayer<Args extends ConvArgs> extends Layer, RuntimeLayer {
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
  readonly filters: Args["filters"];
  readonly kernelSize: Args["kernelSize"];
  readonly strides: OptionOf<Args, "strides", 1>;
  readonly padding: OptionOf<Args, "padding", "valid">;
  readonly dilationRate: OptionOf<Args, "dilationRate", 1>;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
}
/** `layers.conv1d({ filters, kernelSize, ... })`: [batch, length, channels] → [batch, length′, filters]. */
export interface Conv1D<Args extends ConvArgs = ConvArgs> extends ConvLayer<Args> {
  readonly kind: "Conv1D";
  readonly "~rule": Conv1DShapeRule<Args>;
}
/** The shape rule of Conv1D. */
export interface Conv1DShapeRule<Args extends ConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<"conv1d", Args, this["~input"], Rule<"conv1d", 1, Args, this["~input"]>>;
}
/** `layers.conv2d({ filters, kernelSize, ... })`: [batch, height, width, channels] → [batch, height′, width′, filters]. */
export interface Conv2D<Args extends ConvArgs = ConvArgs> extends ConvLayer<Args> {
  readonly kind: "Conv2D";
  readonly "~rule": Conv2DShapeRule<Args>;
}
/** The shape rule of Conv2D. */
export interface Conv2DShapeRule<Args extends ConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<"conv2d", Args, this["~input"], Rule<"conv2d", 2, Args, this["~input"]>>;
}

/** `layers.conv3d({ filters, kernelSize, ... })`: [batch, depth, height, width, channels] → [batch, depth′, height′, width′, filters]. */
export interface Conv3D<Args extends ConvArgs = ConvArgs> extends ConvLayer<Args> {
  readonly kind: "Conv3D";
  readonly "~rule": Conv3DShapeRule<Args>;
}
/** The shape rule of Conv3D. */
export interface Conv3DShapeRule<Args extends ConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<"conv3d", Args, this["~input"], Rule<"conv3d", 3, Args, this["~input"]>>;
}

/** The message for channels first where tfjs gets it wrong (`why`): Conv1D, SeparableConv2D. */
export type writeChannelsFirstMessage<
  Layer extends string,
  Why extends string,
> = `${Layer}: dataFormat 'channelsFirst' is not supported: TensorFlow.js's ${Why}`;
export const writeChannelsFirstMessage = (layer: string, why: string): string =>
  `${layer}: dataFormat 'channelsFirst' is not supported: TensorFlow.js's ${why}`;
/** tfjs's Conv1D accepts channels first but returns channels last. */
const conv1dFormat = "Conv1D returns its output channels last";
export type writeConv1dFormatMessage<Layer extends string> = writeChannelsFirstMessage<Layer, typeof conv1dFormat>;

type Each<Value, Rank extends number> = PerDim<Value, Rank> extends readonly (infer One)[] ? One : never;
type AboveOne<Value, Rank extends number> = Each<Value, Rank> extends 1 ? false : true;
/** tfjs-core: "Either strides or dilations must be 1" (`number`, unknown to the compiler, is checked at run time). */
type StridesDilationProblem<Layer extends string, Rank extends number, Args> = number extends
  Each<OptionOf<Args, "strides", 1>, Rank> | Each<OptionOf<Args, "dilationRate", 1>, Rank>
  ? false
  : [AboveOne<OptionOf<Args, "strides", 1>, Rank>, AboveOne<OptionOf<Args, "dilationRate", 1>, Rank>] extends [
        true,
        true,
      ]
    ? writeStridesDilationMessage<Layer>
    : false;

// Options that need no further check: known options, plain sizes, no dilation, padding "valid" or
// "same", and channels last for conv1d (anything else takes the full check).
type PlainConv<Rank extends number, Args> =
  PlainOptions<Args, keyof ConvArgs, "filters" | "kernelSize" | "strides", Rank> extends true
    ? [
        OptionOf<Args, "dilationRate", 1>,
        OptionOf<Args, "padding", "valid">,
        Rank extends 1 ? OptionOf<Args, "dataFormat", "channelsLast"> : "channelsLast",
      ] extends [1, "valid" | "same", "channelsLast"]
      ? true
      : false
    : false;

/** The first problem of a convolution's argument object, on its property. */
type ConvProblem<
  Name extends string,
  Rank extends number,
  Args,
  Layer extends string = Written<Name, Args>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, Name, Args, keyof ConvArgs>,
    SizeOptionProblem<Layer, Args, "filters">,
    SizeOptionProblem<Layer, Args, "kernelSize", Rank>,
    SizeOptionProblem<Layer, Args, "strides", Rank>,
    At<"padding", OptionOf<Args, "padding", "valid"> extends "causal" ? writeCausalMessage<Layer> : false>,
    SizeOptionProblem<Layer, Args, "dilationRate", Rank>,
    At<"dilationRate", StridesDilationProblem<Layer, Rank, Args>>,
    At<
      "dataFormat",
      [Rank, OptionOf<Args, "dataFormat", "channelsLast">] extends [1, "channelsFirst"]
        ? writeConv1dFormatMessage<Layer>
        : false
    >,
  ]
>;

/**
 * tfjs's `tf.layers.conv1d({ filters, kernelSize, strides = 1, padding = "valid", dilationRate = 1 })` on
 * [batch, length, channels].
 *
 * @example
 * layers.conv1d({ filters: 16, kernelSize: 5 }); // [n, 100, 8] → [n, 96, 16]
 */
export const conv1d: <
  const Args extends RequiredOptions<ConvArgs>,
  Problem = PlainConv<1, Args> extends true ? false : ConvProblem<"conv1d", 1, Args>,
>(
  args: CheckedLooseOptions<Args, Problem, ConvArgs>,
) => Conv1D<Fitting<Args, ConvArgs>> = layersConv("Conv1D", "conv1d", 1);

/**
 * tfjs's `tf.layers.conv2d({ filters, kernelSize, strides = 1, padding = "valid", dilationRate = 1, dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.conv2d({ filters: 32, kernelSize: 3 });                              // [n, 28, 28, 1] → [n, 26, 26, 32]
 * layers.conv2d({ filters: 64, kernelSize: 3, strides: 2, padding: "same" }); // [n, 28, 28, 32] → [n, 14, 14, 64]
 */
export const conv2d: <
  const Args extends RequiredOptions<ConvArgs>,
  Problem = PlainConv<2, Args> extends true ? false : ConvProblem<"conv2d", 2, Args>,
>(
  args: CheckedLooseOptions<Args, Problem, ConvArgs>,
) => Conv2D<Fitting<Args, ConvArgs>> = layersConv("Conv2D", "conv2d", 2);

/**
 * tfjs's `tf.layers.conv3d({ filters, kernelSize, strides = 1, padding = "valid", dilationRate = 1, dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.conv3d({ filters: 8, kernelSize: 3 }); // [n, 16, 16, 16, 1] → [n, 14, 14, 14, 8]
 */
export const conv3d: <
  const Args extends RequiredOptions<ConvArgs>,
  Problem = PlainConv<3, Args> extends true ? false : ConvProblem<"conv3d", 3, Args>,
>(
  args: CheckedLooseOptions<Args, Problem, ConvArgs>,
) => Conv3D<Fitting<Args, ConvArgs>> = layersConv("Conv3D", "conv3d", 3);

// ---- runtime

/** The config of layers.conv1d / conv2d / conv3d (its runtime object): tfjs's arguments, and the ones explain reads, defaults filled in. */
export interface TfConvConfig extends TfjsConfig<"Conv1D" | "Conv2D" | "Conv3D", ConvArgs> {
  readonly filters: number;
  readonly kernelSize: SizeArg;
  readonly strides: SizeArg;
  readonly padding: "valid" | "same";
  readonly dilationRate: SizeArg;
  readonly dataFormat: DataFormat;
  readonly activation: ConvArgs["activation"];
}

/** The window of a tfjs convolution: the options the shape depends on, checked. */
export interface Window {
  readonly padding: TfPadding;
  readonly kernels: number[];
  readonly strides: number[];
  readonly dilations: number[];
}
/**
 * The checks every tfjs convolution's options start with (conv, transposed, depthwise, separable) after the known
 * options (tfLayer's), in the order of their types' problems: the sizes given (filters, kernelSize, depthMultiplier, strides), padding,
 * dilationRate.
 */
export function checkWindow(
  layer: string,
  rank: number,
  args: Partial<ConvArgs> & { readonly depthMultiplier?: number },
): Window {
  checkSizeOption(layer, args, "filters");
  checkSizeOption(layer, args, "kernelSize", rank);
  checkSizeOption(layer, args, "depthMultiplier");
  checkSizeOption(layer, args, "strides", rank);
  if (args.padding === "causal") throw new ShapeError(causalMessage(layer));
  const padding = choiceOf(layer, args, "padding", ["valid", "same"]);
  checkSizeOption(layer, args, "dilationRate", rank);
  return {
    padding,
    kernels: perDim(args.kernelSize!, rank),
    strides: perDim(optionOf<SizeArg>(args, "strides", 1), rank),
    dilations: perDim(optionOf<SizeArg>(args, "dilationRate", 1), rank),
  };
}

/** The builder of layers.conv1d/2d/3d and (kind `…Transpose`) conv2dTranspose/conv3dTranspose. */
export function layersConv(kind: TfConvConfig["kind"] | TfConvTransposeConfig["kind"], name: string, rank: number) {
  const transposed = kind.endsWith("Transpose");
  const required = requiredOptions<ConvArgs>()("filters", "kernelSize");
  return tfLayer(kind, name, convOptions, shownOptions, required, (layer, args: ConvArgs) => {
    const { padding, kernels, strides, dilations } = checkWindow(layer, rank, args);
    const dilated = dilations.some((d) => d !== 1);
    // tfjs's transposed convolutions ignore dilationRate; the others cannot stride and dilate at once
    if (transposed && dilated) throw new ShapeError(ignoredDilationMessage(layer, kind));
    if (dilated && strides.some((s) => s !== 1)) throw new ShapeError(stridesDilationMessage(layer));
    const dataFormat = dataFormatOf(layer, args);
    if (rank === 1 && dataFormat === "channelsFirst")
      throw new ShapeError(writeChannelsFirstMessage(layer, conv1dFormat));
    checkActivation(layer, args.activation);
    const window = { filters: args.filters, kernels, strides, padding, dilations, dataFormat };
    return {
      filters: args.filters,
      kernelSize: args.kernelSize,
      strides: optionOf(args, "strides", 1),
      padding,
      ...(transposed ? {} : { dilationRate: optionOf(args, "dilationRate", 1) }),
      dataFormat,
      ...(transposed ? {} : { activation: args.activation }),
      outputShape: (input) => (transposed ? tfConvTransposeRule : tfConvRule)(layer, rank, window, input),
    };
  }) as never;
}
