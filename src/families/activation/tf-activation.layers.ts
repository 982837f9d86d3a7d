// layers.reLU / leakyReLU / elu / prelu / softmax / thresholdedReLU: tfjs-layers' activation layers (the shape is kept).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  At,
  CheckedLooseOptions,
  FirstOptionProblem,
  InputShapeChecked,
  KnownOptions,
  LooseOptions,
  OptionOf,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type {
  TfKeepShapeRule,
  TfPReLURule,
  TfSoftmaxRule,
  writeEluAlphaMessage,
  writeMaxValueMessage,
} from "./tf-activation.types.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { axesOption, optionOf, tfLayer, tfOptions, weightOptions } from "../../shape/tf-options.ts";
import {
  tfPReLURule,
  tfSoftmaxRule,
  writeEluAlphaMessage as eluAlphaMessage,
  writeMaxValueMessage as maxValueMessage,
} from "./tf-activation.ts";

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/** tfjs-layers' `ReLULayerArgs`. */
export type ReLUArgs = TfArgs<typeof tfl.layers.reLU>;
/** tfjs-layers' `LeakyReLULayerArgs`. */
export type LeakyReLUArgs = TfArgs<typeof tfl.layers.leakyReLU>;
/** tfjs-layers' `ELULayerArgs`. */
export type ELUArgs = TfArgs<typeof tfl.layers.elu>;
/** tfjs-layers' `ThresholdedReLULayerArgs`. */
export type ThresholdedReLUArgs = TfArgs<typeof tfl.layers.thresholdedReLU>;
/** tfjs-layers' `PReLULayerArgs`. */
export interface PReLUArgs extends Omit<TfArgs<typeof tfl.layers.prelu>, "sharedAxes"> {
  /** Dimensions (1 = the first after the batch) along which alpha is shared. */
  readonly sharedAxes?: number | readonly number[];
}
/** tfjs-layers' `SoftmaxLayerArgs`. */
export interface SoftmaxArgs extends Omit<TfArgs<typeof tfl.layers.softmax>, "axis"> {
  /** Default 1 (tfjs's default: the last axis of a [batch, features] input only); -1 is the last axis. */
  readonly axis?: number | readonly number[];
}

const axisShown = ["axis"] as const;
const reLUShown = ["maxValue"] as const;
const sharedAxesShown = ["sharedAxes"] as const;
const thetaShown = ["theta"] as const;
const alphaShown = ["alpha"] as const;
export const reLUOptions = tfOptions<ReLUArgs>()(reLUShown);
export const leakyReLUOptions = tfOptions<LeakyReLUArgs>()(alphaShown);
export const eluOptions = tfOptions<ELUArgs>()(alphaShown);
export const thresholdedReLUOptions = tfOptions<ThresholdedReLUArgs>()(thetaShown);
export const preluOptions = tfOptions<PReLUArgs>()(sharedAxesShown, weightOptions("alpha"));
export const softmaxOptions = tfOptions<SoftmaxArgs>()(axisShown);

/** A tfjs layer of the `layers` vocabulary: its argument object as given. */
export interface TfLayerOf<Args> extends Layer, RuntimeLayer {
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
}
type TfActivationLayer<Args> = TfLayerOf<Args>;

/** `layers.reLU({ maxValue? })`: max(x, 0), clipped at maxValue; the shape is kept. */
export interface ReLU<Args extends ReLUArgs = {}> extends TfActivationLayer<Args> {
  readonly kind: "ReLU";
  readonly "~rule": TfKeepShapeRule<"reLU", Args>;
}
/** `layers.leakyReLU({ alpha? })`: the shape is kept. */
export interface LeakyReLU<Args extends LeakyReLUArgs = {}> extends TfActivationLayer<Args> {
  readonly kind: "LeakyReLU";
  readonly "~rule": TfKeepShapeRule<"leakyReLU", Args>;
}
/** `layers.elu()`: the shape is kept. */
export interface ELU<Args extends ELUArgs = {}> extends TfActivationLayer<Args> {
  readonly kind: "ELU";
  readonly "~rule": TfKeepShapeRule<"elu", Args>;
}
/** `layers.thresholdedReLU({ theta? })`: x where x > theta, else 0; the shape is kept. */
export interface ThresholdedReLU<Args extends ThresholdedReLUArgs = {}> extends TfActivationLayer<Args> {
  readonly kind: "ThresholdedReLU";
  readonly "~rule": TfKeepShapeRule<"thresholdedReLU", Args>;
}
/** `layers.prelu({ sharedAxes? })`: a learnt slope per element of an example; the shape is kept. */
export interface PReLU<Args extends PReLUArgs = {}> extends TfActivationLayer<Args> {
  readonly kind: "PReLU";
  readonly "~rule": PReLUShapeRule<Args>;
}
/** The shape rule of PReLU. */
export interface PReLUShapeRule<Args extends PReLUArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "prelu",
    Args,
    this["~input"],
    TfPReLURule<WrittenLayer<"prelu", Args, typeof sharedAxesShown>, OptionOf<Args, "sharedAxes", []>, this["~input"]>
  >;
}
/** `layers.softmax({ axis? })`: the shape is kept. */
export interface Softmax<Args extends SoftmaxArgs = {}> extends TfActivationLayer<Args> {
  readonly kind: "Softmax";
  readonly "~rule": SoftmaxShapeRule<Args>;
}
/** The shape rule of Softmax. */
export interface SoftmaxShapeRule<Args extends SoftmaxArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "softmax",
    Args,
    this["~input"],
    TfSoftmaxRule<WrittenLayer<"softmax", Args, typeof axisShown>, OptionOf<Args, "axis", 1>, this["~input"]>
  >;
}

/** The configs of the activation layers (their runtime objects). */
export type TfReLUConfig = TfjsConfig<"ReLU", ReLUArgs>;
export type TfLeakyReLUConfig = TfjsConfig<"LeakyReLU", LeakyReLUArgs>;
export type TfELUConfig = TfjsConfig<"ELU", ELUArgs>;
export type TfThresholdedReLUConfig = TfjsConfig<"ThresholdedReLU", ThresholdedReLUArgs>;
export type TfPReLUConfig = TfjsConfig<"PReLU", PReLUArgs>;
export type TfSoftmaxConfig = TfjsConfig<"Softmax", SoftmaxArgs>;

type Unknown<Name extends string, Args, Known, Shown extends readonly string[]> = UnknownOptionProblem<
  WrittenLayer<Name, Args, Shown>,
  Name,
  Args,
  Known
>;
type EluAlphaProblem<Layer extends string, Alpha> = number extends Alpha
  ? false
  : Alpha extends 1
    ? false
    : writeEluAlphaMessage<Layer>;
type MaxValueProblem<Layer extends string, Value> = number extends Value
  ? false
  : `${Value & number}` extends `-${string}`
    ? writeMaxValueMessage<Layer>
    : false;

/**
 * tfjs's `tf.layers.reLU({ maxValue? })`: max(x, 0), at most maxValue (≥ 0).
 *
 * @example
 * layers.reLU({ maxValue: 6 }); // [n, 128] → [n, 128]
 */
export const reLU: <
  const Args extends ReLUArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof ReLUArgs> extends true
    ? [MaxValueProblem<"", OptionOf<Args, "maxValue", 0>>] extends [false]
      ? false
      : At<"maxValue", MaxValueProblem<WrittenLayer<"reLU", Args, typeof reLUShown>, OptionOf<Args, "maxValue", 0>>>
    : FirstOptionProblem<[Unknown<"reLU", Args, keyof ReLUArgs, typeof reLUShown>]>,
>(
  args?: CheckedLooseOptions<Args, Problem, ReLUArgs>,
) => ReLU<Args> = tfLayer("ReLU", "reLU", reLUOptions, reLUShown, [], (layer, options: ReLUArgs) => {
  const maxValue = optionOf<unknown>(options, "maxValue", 0);
  if (typeof maxValue !== "number" || !(maxValue >= 0)) throw new ShapeError(maxValueMessage(layer));
  return {};
});

/**
 * tfjs's `tf.layers.leakyReLU({ alpha = 0.3 })`.
 *
 * @example
 * layers.leakyReLU({ alpha: 0.1 }); // [n, 128] → [n, 128]
 */
export const leakyReLU: <
  const Args extends LeakyReLUArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof LeakyReLUArgs> extends true
    ? false
    : Unknown<"leakyReLU", Args, keyof LeakyReLUArgs, typeof alphaShown>,
>(
  args?: CheckedLooseOptions<Args, Problem, LeakyReLUArgs>,
) => LeakyReLU<Args> = tfLayer("LeakyReLU", "leakyReLU", leakyReLUOptions, alphaShown);

/**
 * tfjs's `tf.layers.elu()`: TensorFlow.js's ELU layer supports alpha 1 only (it throws for another).
 *
 * @example
 * layers.elu(); // [n, 128] → [n, 128]
 */
export const elu: <
  const Args extends ELUArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof ELUArgs> extends true
    ? [EluAlphaProblem<"", OptionOf<Args, "alpha", 1>>] extends [false]
      ? false
      : At<"alpha", EluAlphaProblem<WrittenLayer<"elu", Args, typeof alphaShown>, OptionOf<Args, "alpha", 1>>>
    : Unknown<"elu", Args, keyof ELUArgs, typeof alphaShown>,
>(
  args?: CheckedLooseOptions<Args, Problem, ELUArgs>,
) => ELU<Args> = tfLayer("ELU", "elu", eluOptions, alphaShown, [], (layer, options: ELUArgs) => {
  if (optionOf<unknown>(options, "alpha", 1) !== 1) throw new ShapeError(eluAlphaMessage(layer));
  return {};
});

/**
 * tfjs's `tf.layers.thresholdedReLU({ theta = 1 })`.
 *
 * @example
 * layers.thresholdedReLU({ theta: 0.5 }); // [n, 128] → [n, 128]
 */
export const thresholdedReLU: <
  const Args extends ThresholdedReLUArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof ThresholdedReLUArgs> extends true
    ? false
    : Unknown<"thresholdedReLU", Args, keyof ThresholdedReLUArgs, typeof thetaShown>,
>(
  args?: CheckedLooseOptions<Args, Problem, ThresholdedReLUArgs>,
) => ThresholdedReLU<Args> = tfLayer("ThresholdedReLU", "thresholdedReLU", thresholdedReLUOptions, thetaShown);

/**
 * tfjs's `tf.layers.prelu({ sharedAxes? })`: alpha has one value per element of an example, shared along
 * `sharedAxes` (1 is the first dimension after the batch).
 *
 * @example
 * layers.prelu({ sharedAxes: [1, 2] }); // [n, 8, 8, 3] → [n, 8, 8, 3]
 */
export const prelu: <
  const Args extends PReLUArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof PReLUArgs> extends true
    ? false
    : Unknown<"prelu", Args, keyof PReLUArgs, typeof sharedAxesShown>,
>(
  args?: CheckedLooseOptions<Args, Problem, PReLUArgs>,
) => PReLU<Args> = tfLayer("PReLU", "prelu", preluOptions, sharedAxesShown, [], (layer, options: PReLUArgs) => {
  const given = axesOption(layer, options, "sharedAxes", []);
  const sharedAxes = typeof given === "number" ? [given] : [...given];
  return { outputShape: (input) => tfPReLURule(layer, sharedAxes, input) };
});

/**
 * tfjs's `tf.layers.softmax({ axis = 1 })`. tfjs's default axis is 1, which is the last axis of a
 * [batch, features] input only: on a longer input give `axis: -1` (tfjs-core refuses any other single axis).
 *
 * @example
 * layers.softmax(); // [n, 10] → [n, 10]
 * layers.softmax({ axis: -1 }); // [n, 5, 10] → [n, 5, 10]
 */
export const softmax: <
  const Args extends SoftmaxArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof SoftmaxArgs> extends true
    ? false
    : Unknown<"softmax", Args, keyof SoftmaxArgs, typeof axisShown>,
>(
  args?: CheckedLooseOptions<Args, Problem, SoftmaxArgs>,
) => Softmax<Args> = tfLayer("Softmax", "softmax", softmaxOptions, axisShown, [], (layer, options: SoftmaxArgs) => {
  const axis = axesOption(layer, options, "axis", 1);
  return { outputShape: (input) => tfSoftmaxRule(layer, axis, input) };
});
