// layers.dense / flatten / reshape / permute / dropout / activation: tfjs-layers' core layers.
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Layer, ShapeRule } from "../../types/model/layer.ts";
import type { SizeProblem } from "../../types/shape/args.ts";
import type { FlattenOrigins } from "../families/reshape/flatten.types.ts";
import type { TfDenseRule } from "../families/linear/tf-dense.types.ts";
import type { TfFlattenRule } from "../families/reshape/tf-flatten.types.ts";
import type {
  IsPermutation,
  TfPermuteRule,
  TfReshapeRule,
  writePermutationMessage,
} from "../families/reshape/tf-reshape.types.ts";
import type {
  At,
  CheckedOptions,
  KnownOptions,
  PlainOptions,
  DataFormat,
  FirstOptionProblem,
  OptionOf,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
  LooseOptions,
  CheckedLooseOptions,
  InputShapeChecked,
} from "../../types/shape/tf-options.ts";
import { ShapeError } from "../errors.ts";
import type { RuntimeLayer } from "../model/layer.ts";
import type { TfjsConfig } from "../families/layer-config.ts";

/** The config of layers.dense (its runtime object). */
export interface TfDenseConfig extends TfjsConfig<"Dense", DenseArgs> {
  readonly units: number;
  readonly inputDim: number | undefined;
  readonly activation: DenseArgs["activation"];
}
/** The config of layers.flatten (its runtime object). */
export interface TfFlattenConfig extends TfjsConfig<"Flatten", FlattenArgs> {
  readonly dataFormat: DataFormat;
}
/** The config of layers.reshape (its runtime object). */
export interface TfReshapeConfig extends TfjsConfig<"Reshape", ReshapeArgs> {
  readonly targetShape: readonly number[];
}
/** The config of layers.permute (its runtime object): dims 1-based, as tfjs's. */
export interface TfPermuteConfig extends TfjsConfig<"Permute", PermuteArgs> {
  readonly dims: readonly number[];
}
/** The config of layers.dropout (its runtime object). */
export interface TfDropoutConfig extends TfjsConfig<"Dropout", DropoutArgs> {
  readonly rate: number;
}
/** The config of layers.activation (its runtime object). */
export interface TfActivationConfig extends TfjsConfig<"Activation", ActivationArgs> {
  readonly activation: ActivationIdentifier;
}
import { sizeProblem } from "../shape/args.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { flattenOrigins } from "../families/reshape/flatten.ts";
import { tfDenseRule } from "../families/linear/tf-dense.ts";
import { tfFlattenRule } from "../families/reshape/tf-flatten.ts";
import {
  isPermutation,
  tfPermuteRule,
  tfReshapeRule,
  writePermutationMessage as permutationMessage,
} from "../families/reshape/tf-reshape.ts";
import {
  checkKnownOptions,
  dataFormatOf,
  optionSet,
  checkSizeOption,
  layerArgs,
  writtenLayer,
  checkedInputShape,
} from "../shape/tf-options.ts";

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

// ---- dense

/** tfjs-layers' `DenseLayerArgs`. */
export interface DenseArgs extends Omit<TfArgs<typeof tfl.layers.dense>, "units" | "inputDim"> {
  /** The size of the output's last dimension. */
  readonly units: number;
  /** Optional: the size the last input dimension must have. */
  readonly inputDim?: number;
}
export const denseOptions = optionSet<DenseArgs>()(
  ...layerArgs,
  "units",
  "inputDim",
  "activation",
  "useBias",
  "kernelInitializer",
  "biasInitializer",
  "kernelConstraint",
  "biasConstraint",
  "kernelRegularizer",
  "biasRegularizer",
  "activityRegularizer",
);
const denseShown = ["units", "inputDim"] as const;

/** `layers.dense({ units, inputDim? })`: [batch, ..., features] → [batch, ..., units]. */
export interface Dense<Args extends DenseArgs = DenseArgs> extends Layer, RuntimeLayer {
  readonly kind: "Dense";
  readonly args: Args;
  readonly units: Args["units"];
  readonly inputDim: OptionOf<Args, "inputDim", undefined>;
  readonly "~rule": DenseShapeRule<Args>;
}
/** The shape rule of Dense. */
export interface DenseShapeRule<Args extends DenseArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "dense",
    Args,
    this["~input"],
    TfDenseRule<
      WrittenLayer<"dense", Args, typeof denseShown>,
      Args["units"],
      OptionOf<Args, "inputDim", undefined>,
      this["~input"]
    >
  >;
}
type DenseProblem<Args, Layer extends string = WrittenLayer<"dense", Args, typeof denseShown>> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "dense", Args, keyof DenseArgs>,
    SizeOptionProblem<Layer, Args, "units">,
    SizeOptionProblem<Layer, Args, "inputDim">,
  ]
>;

/**
 * tfjs's `tf.layers.dense({ units, inputDim?, activation? })`: a fully connected layer on the last axis of an input
 * of rank 2 or more. `inputDim`, when given, must equal the last input dimension.
 *
 * @example
 * layers.dense({ units: 10, activation: "softmax" }); // [n, 1600] → [n, 10]
 */
export function dense<
  const Args extends DenseArgs,
  Problem = PlainOptions<Args, keyof DenseArgs, "units" | "inputDim"> extends true ? false : DenseProblem<Args>,
>(args: CheckedOptions<Args, Problem>): Dense<Args> {
  const options = args as DenseArgs;
  const layer = writtenLayer("dense", options, denseShown);
  checkKnownOptions(layer, "dense", options, denseOptions);
  checkSizeOption(layer, options, "units");
  checkSizeOption(layer, options, "inputDim");
  checkActivation(layer, options.activation);
  const inputDim = options.inputDim ?? null;
  const runtime: TfDenseConfig = {
    kind: "Dense",
    written: layer,
    args: options,
    units: options.units,
    inputDim: options.inputDim,
    activation: options.activation,
    outputShape: checkedInputShape("dense", options, (input: RuntimeShape) =>
      tfDenseRule(layer, options.units, inputDim, input),
    ),
  };
  return runtime as never;
}

// ---- flatten

/** tfjs-layers' `FlattenLayerArgs`. */
export interface FlattenArgs extends Omit<TfArgs<typeof tfl.layers.flatten>, "dataFormat"> {
  /** Default "channelsLast"; "channelsFirst" moves the channels last before flattening (same shape, other order). */
  readonly dataFormat?: DataFormat;
}
export const flattenOptions = optionSet<FlattenArgs>()(...layerArgs, "dataFormat");
const flattenShown = ["dataFormat"] as const;

/** `layers.flatten()`: [batch, ...dims] → [batch, product of dims]. */
export interface Flatten<Args extends FlattenArgs = {}> extends Layer, RuntimeLayer {
  readonly kind: "Flatten";
  readonly args: Args;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
  readonly "~rule": FlattenShapeRule<Args>;
}
/** The shape rule of Flatten. */
export interface FlattenShapeRule<Args extends FlattenArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "flatten",
    Args,
    this["~input"],
    TfFlattenRule<WrittenLayer<"flatten", Args, typeof flattenShown>, this["~input"]>
  >;
  readonly "~origins": FlattenOrigins<1, -1, this["~input"]>;
}

/**
 * tfjs's `tf.layers.flatten()`: every dimension after the batch becomes one, on an input of rank 3 or more whose
 * dimensions after the batch are known.
 *
 * @example
 * layers.flatten(); // [n, 5, 5, 64] → [n, 1600]
 */
export function flatten<const Args extends FlattenArgs | LooseOptions = {}>(
  args?: CheckedLooseOptions<
    Args,
    UnknownOptionProblem<WrittenLayer<"flatten", Args, typeof flattenShown>, "flatten", Args, keyof FlattenArgs>,
    FlattenArgs
  >,
): Flatten<Args> {
  const options = args as FlattenArgs | undefined;
  const layer = writtenLayer("flatten", options, flattenShown);
  checkKnownOptions(layer, "flatten", options, flattenOptions);
  const dataFormat = dataFormatOf(layer, options);
  const runtime: TfFlattenConfig = {
    kind: "Flatten",
    written: layer,
    args: options ?? {},
    dataFormat,
    outputShape: checkedInputShape("flatten", options, (input: RuntimeShape) => tfFlattenRule(layer, input)),
    origins: (input: RuntimeShape) => flattenOrigins(1, -1, input),
  };
  return runtime as never;
}

// ---- reshape

/** tfjs-layers' `ReshapeLayerArgs`. */
export interface ReshapeArgs extends Omit<TfArgs<typeof tfl.layers.reshape>, "targetShape"> {
  /** The shape after the batch: positive sizes and at most one -1 (what is left). */
  readonly targetShape: readonly number[];
}
export const reshapeOptions = optionSet<ReshapeArgs>()(...layerArgs, "targetShape");
const reshapeShown = ["targetShape"] as const;

/** `layers.reshape({ targetShape })`: [batch, ...dims] → [batch, ...targetShape]. */
export interface Reshape<Args extends ReshapeArgs = ReshapeArgs> extends Layer, RuntimeLayer {
  readonly kind: "Reshape";
  readonly args: Args;
  readonly targetShape: Args["targetShape"];
  readonly "~rule": ReshapeShapeRule<Args>;
}
/** The shape rule of Reshape. */
export interface ReshapeShapeRule<Args extends ReshapeArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "reshape",
    Args,
    this["~input"],
    TfReshapeRule<WrittenLayer<"reshape", Args, typeof reshapeShown>, Args["targetShape"], this["~input"]>
  >;
}

/** The message for a target size that is neither a positive integer nor -1. */
export type writeTargetSizeMessage<
  Layer extends string,
  Got extends string,
> = `${Layer}: targetShape sizes must be positive integers or -1, not ${Got}`;
export const writeTargetSizeMessage = (layer: string, got: string): string =>
  `${layer}: targetShape sizes must be positive integers or -1, not ${got}`;
/** The message for a target shape with two -1. */
export type writeTwoFreeMessage<Layer extends string> = `${Layer}: targetShape can have only one -1`;
export const writeTwoFreeMessage = (layer: string): string => `${layer}: targetShape can have only one -1`;

type TargetProblem<Layer extends string, Target, Free extends boolean = false> = Target extends readonly [
  infer Size,
  ...infer Rest,
]
  ? Size extends -1
    ? Free extends true
      ? writeTwoFreeMessage<Layer>
      : TargetProblem<Layer, Rest, true>
    : SizeProblem<Size> extends infer Got extends string
      ? writeTargetSizeMessage<Layer, Got>
      : TargetProblem<Layer, Rest, Free>
  : false;
type ReshapeProblem<
  Args,
  Layer extends string = WrittenLayer<"reshape", Args, typeof reshapeShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "reshape", Args, keyof ReshapeArgs>,
    At<"targetShape", TargetProblem<Layer, OptionOf<Args, "targetShape", []>>>,
  ]
>;

/**
 * tfjs's `tf.layers.reshape({ targetShape })`: the dimensions after the batch take the target shape; one -1 takes
 * what is left. The sizes must multiply out (checked when the input's dimensions are known).
 *
 * @example
 * layers.reshape({ targetShape: [7, 7, 64] }); // [n, 3136] → [n, 7, 7, 64]
 * layers.reshape({ targetShape: [-1, 64] });   // [n, 7, 7, 64] → [n, 49, 64]
 */
export function reshape<
  const Args extends ReshapeArgs,
  Problem = PlainOptions<Args, keyof ReshapeArgs, "targetShape", number> extends true ? false : ReshapeProblem<Args>,
>(args: CheckedOptions<Args, Problem>): Reshape<Args> {
  const options = args as ReshapeArgs;
  const layer = writtenLayer("reshape", options, reshapeShown);
  checkKnownOptions(layer, "reshape", options, reshapeOptions);
  const target = [...options.targetShape];
  let free = false;
  for (const size of target) {
    if (size === -1) {
      if (free) throw new ShapeError(writeTwoFreeMessage(layer));
      free = true;
      continue;
    }
    const got = sizeProblem(size);
    if (got !== false) throw new ShapeError(writeTargetSizeMessage(layer, got));
  }
  const runtime: TfReshapeConfig = {
    kind: "Reshape",
    written: layer,
    args: options,
    targetShape: options.targetShape,
    outputShape: checkedInputShape("reshape", options, (input: RuntimeShape) => tfReshapeRule(layer, target, input)),
  };
  return runtime as never;
}

// ---- permute

/** tfjs-layers' `PermuteLayerArgs`. */
export interface PermuteArgs extends Omit<TfArgs<typeof tfl.layers.permute>, "dims"> {
  /** A permutation of 1…n: output dimension i + 1 is input dimension dims[i] (the batch stays first). */
  readonly dims: readonly number[];
}
export const permuteOptions = optionSet<PermuteArgs>()(...layerArgs, "dims");
const permuteShown = ["dims"] as const;

/** `layers.permute({ dims })`: [batch, d1, …, dn] → [batch, d(dims[0]), …]. */
export interface Permute<Args extends PermuteArgs = PermuteArgs> extends Layer, RuntimeLayer {
  readonly kind: "Permute";
  readonly args: Args;
  readonly dims: Args["dims"];
  readonly "~rule": PermuteShapeRule<Args>;
}
/** The shape rule of Permute. */
export interface PermuteShapeRule<Args extends PermuteArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "permute",
    Args,
    this["~input"],
    TfPermuteRule<WrittenLayer<"permute", Args, typeof permuteShown>, Args["dims"], this["~input"]>
  >;
}
// Options that need no further check: known options, and dims a permutation of plain sizes.
type PlainPermute<Args> =
  PlainOptions<Args, keyof PermuteArgs, "dims", number> extends true
    ? OptionOf<Args, "dims", []> extends infer Dims extends readonly number[]
      ? IsPermutation<Dims>
      : false
    : false;
type PermuteProblem<
  Args,
  Layer extends string = WrittenLayer<"permute", Args, typeof permuteShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "permute", Args, keyof PermuteArgs>,
    SizeOptionProblem<Layer, Args, "dims">,
    At<
      "dims",
      OptionOf<Args, "dims", []> extends infer Dims extends readonly number[]
        ? IsPermutation<Dims> extends true
          ? false
          : writePermutationMessage<Layer, Dims["length"]>
        : false
    >,
  ]
>;

/**
 * tfjs's `tf.layers.permute({ dims })`, dims 1-based as in tfjs.
 *
 * @example
 * layers.permute({ dims: [2, 1] }); // [n, 10, 64] → [n, 64, 10]
 */
export function permute<
  const Args extends PermuteArgs,
  Problem = PlainPermute<Args> extends true ? false : PermuteProblem<Args>,
>(args: CheckedOptions<Args, Problem>): Permute<Args> {
  const options = args as PermuteArgs;
  const layer = writtenLayer("permute", options, permuteShown);
  checkKnownOptions(layer, "permute", options, permuteOptions);
  checkSizeOption(layer, options, "dims");
  if (!isPermutation(options.dims)) throw new ShapeError(permutationMessage(layer, options.dims.length));
  const dims = [...options.dims];
  const runtime: TfPermuteConfig = {
    kind: "Permute",
    written: layer,
    args: options,
    dims: options.dims,
    outputShape: checkedInputShape("permute", options, (input: RuntimeShape) => tfPermuteRule(layer, dims, input)),
  };
  return runtime as never;
}

// ---- dropout and activation (the shape is kept)

/** tfjs-layers' `DropoutLayerArgs`. */
export interface DropoutArgs extends Omit<TfArgs<typeof tfl.layers.dropout>, "rate"> {
  /** The fraction of inputs zeroed while training, between 0 and 1. */
  readonly rate: number;
}
/** A rule that keeps the shape, after the check of the layer's inputShape. */
export interface SameShapeChecked<Name extends string, Args> extends ShapeRule {
  readonly "~output": InputShapeChecked<Name, Args, this["~input"], this["~input"]>;
}
export const dropoutOptions = optionSet<DropoutArgs>()(...layerArgs, "rate", "noiseShape", "seed");
const dropoutShown = ["rate"] as const;

/** `layers.dropout({ rate })`: the shape is kept. */
export interface Dropout<Args extends DropoutArgs = DropoutArgs> extends Layer, RuntimeLayer {
  readonly kind: "Dropout";
  readonly args: Args;
  readonly rate: Args["rate"];
  readonly "~rule": SameShapeChecked<"dropout", Args>;
}

/** The message for a rate outside [0, 1] (tfjs would silently clamp it). */
export type writeRateMessage<Layer extends string> = `${Layer}: rate must be between 0 and 1`;
export const writeRateMessage = (layer: string): string => `${layer}: rate must be between 0 and 1`;
type RateProblem<Layer extends string, Rate> = number extends Rate
  ? false
  : `${Rate & number}` extends `-${string}`
    ? writeRateMessage<Layer>
    : Rate extends 0 | 1
      ? false
      : `${Rate & number}` extends `0.${string}`
        ? false
        : writeRateMessage<Layer>;
// Options that need no further check: known options and a rate in [0, 1] (its check does not need the layer's name).
type PlainDropout<Args> =
  KnownOptions<Args, keyof DropoutArgs> extends true
    ? [RateProblem<"", OptionOf<Args, "rate", 0>>] extends [false]
      ? true
      : false
    : false;
type DropoutProblem<
  Args,
  Layer extends string = WrittenLayer<"dropout", Args, typeof dropoutShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "dropout", Args, keyof DropoutArgs>,
    At<"rate", RateProblem<Layer, OptionOf<Args, "rate", 0>>>,
  ]
>;

/**
 * tfjs's `tf.layers.dropout({ rate })`: zeroes a fraction `rate` of the inputs while training. (tfjs clamps a rate
 * outside [0, 1]; here it is a mistake.)
 *
 * @example
 * layers.dropout({ rate: 0.5 }); // [n, 128] → [n, 128]
 */
export function dropout<
  const Args extends DropoutArgs,
  Problem = PlainDropout<Args> extends true ? false : DropoutProblem<Args>,
>(args: CheckedOptions<Args, Problem>): Dropout<Args> {
  const options = args as DropoutArgs;
  const layer = writtenLayer("dropout", options, dropoutShown);
  checkKnownOptions(layer, "dropout", options, dropoutOptions);
  if (!(typeof options.rate === "number" && options.rate >= 0 && options.rate <= 1))
    throw new ShapeError(writeRateMessage(layer));
  const runtime: TfDropoutConfig = {
    kind: "Dropout",
    written: layer,
    args: options,
    rate: options.rate,
    outputShape: checkedInputShape("dropout", options, (input: RuntimeShape) => input),
  };
  return runtime as never;
}

/** tfjs-layers' activation names. */
export type ActivationIdentifier = NonNullable<TfArgs<typeof tfl.layers.activation>["activation"]>;
/** Every activation tfjs-layers knows. */
export const activationIdentifiers: ReadonlySet<string> = new Set<ActivationIdentifier>([
  "elu",
  "hardSigmoid",
  "linear",
  "relu",
  "relu6",
  "selu",
  "sigmoid",
  "softmax",
  "softplus",
  "softsign",
  "tanh",
  "swish",
  "mish",
  "gelu",
  "gelu_new",
]);
/** tfjs-layers' `ActivationLayerArgs`. */
export interface ActivationArgs extends TfArgs<typeof tfl.layers.activation> {
  readonly activation: ActivationIdentifier;
}
export const activationOptions = optionSet<ActivationArgs>()(...layerArgs, "activation");
const activationShown = ["activation"] as const;

/** `layers.activation({ activation })`: the shape is kept. */
export interface Activation<Args extends ActivationArgs = ActivationArgs> extends Layer, RuntimeLayer {
  readonly kind: "Activation";
  readonly args: Args;
  readonly activation: Args["activation"];
  readonly "~rule": SameShapeChecked<"activation", Args>;
}

/** The message for an activation tfjs does not know. */
export type writeActivationMessage<
  Layer extends string,
  Name extends string,
> = `${Layer}: TensorFlow.js has no activation '${Name}'`;
export const writeActivationMessage = (layer: string, name: string): string =>
  `${layer}: TensorFlow.js has no activation '${name}'`;

/** Throws for an activation (of any layer) that tfjs does not know. */
export function checkActivation(layer: string, name: unknown): void {
  if (name !== undefined && !activationIdentifiers.has(name as string))
    throw new ShapeError(writeActivationMessage(layer, String(name)));
}

/**
 * tfjs's `tf.layers.activation({ activation })`: applies an activation function; the shape is kept.
 *
 * @example
 * layers.activation({ activation: "relu" }); // [n, 128] → [n, 128]
 */
export function activation<
  const Args extends ActivationArgs,
  Problem = KnownOptions<Args, keyof ActivationArgs> extends true
    ? false
    : UnknownOptionProblem<
        WrittenLayer<"activation", Args, typeof activationShown>,
        "activation",
        Args,
        keyof ActivationArgs
      >,
>(args: CheckedOptions<Args, Problem>): Activation<Args> {
  const options = args as ActivationArgs;
  const layer = writtenLayer("activation", options, activationShown);
  checkKnownOptions(layer, "activation", options, activationOptions);
  if (options.activation === undefined) throw new ShapeError(writeActivationMessage(layer, "undefined"));
  checkActivation(layer, options.activation);
  const runtime: TfActivationConfig = {
    kind: "Activation",
    written: layer,
    args: options,
    activation: options.activation,
    outputShape: checkedInputShape("activation", options, (input: RuntimeShape) => input),
  };
  return runtime as never;
}
