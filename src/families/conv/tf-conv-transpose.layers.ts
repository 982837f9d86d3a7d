// layers.conv2dTranspose / conv3dTranspose: tfjs-layers' Conv2DTranspose / Conv3DTranspose, channels last by
// default, tfjs's argument objects (ConvLayerArgs). Their sizes are tfjs's `deconvLength` (tf-conv.types.ts).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { PerDim } from "../../../types/shape/args.ts";
import type { TfConvTransposeRule, writeCausalMessage, writeIgnoredDilationMessage } from "./tf-conv.types.ts";
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
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { layersConv, type ConvArgs, type SizeArg } from "./tf-conv.layers.ts";

/** The options messages show, in this order. */
const shownOptions = ["filters", "kernelSize", "strides", "padding", "dilationRate", "dataFormat"] as const;
type ShownOptions = typeof shownOptions;

type Written<Name extends string, Args> = WrittenLayer<Name, Args, ShownOptions>;
type Rule<Name extends string, Rank extends number, Args extends ConvArgs, Input> = TfConvTransposeRule<
  Written<Name, Args>,
  Rank,
  Args["filters"],
  PerDim<Args["kernelSize"], Rank>,
  PerDim<OptionOf<Args, "strides", 1>, Rank>,
  OptionOf<Args, "padding", "valid">,
  OptionOf<Args, "dataFormat", "channelsLast">,
  Input
>;

interface ConvTransposeLayer<Args extends ConvArgs> extends Layer, RuntimeLayer {
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
  readonly filters: Args["filters"];
  readonly kernelSize: Args["kernelSize"];
  readonly strides: OptionOf<Args, "strides", 1>;
  readonly padding: OptionOf<Args, "padding", "valid">;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
}
/** `layers.conv2dTranspose({ filters, kernelSize, ... })`: [batch, height, width, channels] → [batch, height′, width′, filters]. */
export interface Conv2DTranspose<Args extends ConvArgs = ConvArgs> extends ConvTransposeLayer<Args> {
  readonly kind: "Conv2DTranspose";
  readonly "~rule": Conv2DTransposeShapeRule<Args>;
}
/** The shape rule of Conv2DTranspose. */
export interface Conv2DTransposeShapeRule<Args extends ConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "conv2dTranspose",
    Args,
    this["~input"],
    Rule<"conv2dTranspose", 2, Args, this["~input"]>
  >;
}
/** `layers.conv3dTranspose({ filters, kernelSize, ... })`: [batch, depth, height, width, channels] → [batch, depth′, height′, width′, filters]. */
export interface Conv3DTranspose<Args extends ConvArgs = ConvArgs> extends ConvTransposeLayer<Args> {
  readonly kind: "Conv3DTranspose";
  readonly "~rule": Conv3DTransposeShapeRule<Args>;
}
/** The shape rule of Conv3DTranspose. */
export interface Conv3DTransposeShapeRule<Args extends ConvArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "conv3dTranspose",
    Args,
    this["~input"],
    Rule<"conv3dTranspose", 3, Args, this["~input"]>
  >;
}

type Each<Value, Rank extends number> = PerDim<Value, Rank> extends readonly (infer One)[] ? One : never;
/** A dilationRate above 1, which tfjs's transposed convolutions ignore (`number` is checked at run time). */
type IgnoredDilationProblem<Layer extends string, Class extends string, Rank extends number, Args> =
  number extends Each<OptionOf<Args, "dilationRate", 1>, Rank>
    ? false
    : Each<OptionOf<Args, "dilationRate", 1>, Rank> extends 1
      ? false
      : writeIgnoredDilationMessage<Layer, Class>;

// Options that need no further check: known options, plain sizes, no dilation, padding "valid" or "same".
type PlainConvTranspose<Rank extends number, Args> =
  PlainOptions<Args, keyof ConvArgs, "filters" | "kernelSize" | "strides", Rank> extends true
    ? [OptionOf<Args, "dilationRate", 1>, OptionOf<Args, "padding", "valid">] extends [1, "valid" | "same"]
      ? true
      : false
    : false;

/** The first problem of a transposed convolution's argument object, on its property. */
type ConvTransposeProblem<
  Name extends string,
  Class extends string,
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
    At<"dilationRate", IgnoredDilationProblem<Layer, Class, Rank, Args>>,
  ]
>;

/**
 * tfjs's `tf.layers.conv2dTranspose({ filters, kernelSize, strides = 1, padding = "valid", dataFormat = "channelsLast" })`:
 * each size′ = size·strides + max(kernelSize − strides, 0) ("valid") or size·strides ("same").
 *
 * @example
 * layers.conv2dTranspose({ filters: 16, kernelSize: 3, strides: 2, padding: "same" }); // [n, 14, 14, 32] → [n, 28, 28, 16]
 */
export const conv2dTranspose: <
  const Args extends RequiredOptions<ConvArgs>,
  Problem = PlainConvTranspose<2, Args> extends true
    ? false
    : ConvTransposeProblem<"conv2dTranspose", "Conv2DTranspose", 2, Args>,
>(
  args: CheckedLooseOptions<Args, Problem, ConvArgs>,
) => Conv2DTranspose<Fitting<Args, ConvArgs>> = layersConv("Conv2DTranspose", "conv2dTranspose", 2);

/**
 * tfjs's `tf.layers.conv3dTranspose({ filters, kernelSize, strides = 1, padding = "valid", dataFormat = "channelsLast" })`:
 * each size′ = size·strides + max(kernelSize − strides, 0) ("valid") or size·strides ("same").
 *
 * @example
 * layers.conv3dTranspose({ filters: 4, kernelSize: 2, strides: 2 }); // [n, 4, 5, 6, 8] → [n, 8, 10, 12, 4]
 */
export const conv3dTranspose: <
  const Args extends RequiredOptions<ConvArgs>,
  Problem = PlainConvTranspose<3, Args> extends true
    ? false
    : ConvTransposeProblem<"conv3dTranspose", "Conv3DTranspose", 3, Args>,
>(
  args: CheckedLooseOptions<Args, Problem, ConvArgs>,
) => Conv3DTranspose<Fitting<Args, ConvArgs>> = layersConv("Conv3DTranspose", "conv3dTranspose", 3);

// ---- runtime

/** The config of layers.conv2dTranspose / conv3dTranspose (its runtime object), defaults filled in. */
export interface TfConvTransposeConfig extends TfjsConfig<"Conv2DTranspose" | "Conv3DTranspose", ConvArgs> {
  readonly filters: number;
  readonly kernelSize: SizeArg;
  readonly strides: SizeArg;
  readonly padding: "valid" | "same";
  readonly dataFormat: DataFormat;
}
