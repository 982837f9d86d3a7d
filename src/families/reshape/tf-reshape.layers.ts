// layers.reshape / permute: tfjs-layers' Reshape and Permute (rules: tf-reshape.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { SizeProblem } from "../../../types/shape/args.ts";
import type { IsPermutation, TfPermuteRule, TfReshapeRule, writePermutationMessage } from "./tf-reshape.types.ts";
import type {
  At,
  PlainOptions,
  FirstOptionProblem,
  OptionOf,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
  InputShapeChecked,
  CheckedLooseOptions,
  LaterTupleOption,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import { fail } from "../../ops/fail.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { sizeProblem } from "../../shape/args.ts";
import {
  isPermutation,
  tfPermuteRule,
  tfReshapeRule,
  writePermutationMessage as permutationMessage,
} from "./tf-reshape.ts";
import { requiredOptions, tfOptions, checkSizeOption, tfLayer } from "../../shape/tf-options.ts";

/** The config of layers.reshape (its runtime object). */
export interface TfReshapeConfig extends TfjsConfig<"Reshape", ReshapeArgs> {
  readonly targetShape: readonly number[];
}

/** The config of layers.permute (its runtime object): dims 1-based, as tfjs's. */
export interface TfPermuteConfig extends TfjsConfig<"Permute", PermuteArgs> {
  readonly dims: readonly number[];
}

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/** tfjs-layers' `ReshapeLayerArgs`. */
export interface ReshapeArgs extends Omit<TfArgs<typeof tfl.layers.reshape>, "targetShape"> {
  /** The shape after the batch: positive sizes and at most one -1 (what is left). */
  readonly targetShape: readonly number[];
}
const reshapeShown = ["targetShape"] as const;
const permuteShown = ["dims"] as const;
export const reshapeOptions = tfOptions<ReshapeArgs>()(reshapeShown);

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
export const reshape: <
  const Args extends RequiredOptions<ReshapeArgs>,
  Problem = PlainOptions<Args, keyof ReshapeArgs, "targetShape", number> extends true ? false : ReshapeProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, ReshapeArgs> | LaterTupleOption<Args, "targetShape">,
) => Reshape<Fitting<Args, ReshapeArgs>> = tfLayer(
  "Reshape",
  "reshape",
  reshapeOptions,
  reshapeShown,
  requiredOptions<ReshapeArgs>()("targetShape"),
  (layer, options: ReshapeArgs) => {
    const target = [...options.targetShape];
    let free = false;
    for (const size of target) {
      if (size === -1) {
        if (free) fail(writeTwoFreeMessage(layer));
        free = true;
        continue;
      }
      const got = sizeProblem(size);
      if (got !== false) fail(writeTargetSizeMessage(layer, got));
    }
    return {
      targetShape: options.targetShape,
      outputShape: (input) => tfReshapeRule(layer, target, input),
    };
  },
);

/** tfjs-layers' `PermuteLayerArgs`. */
export interface PermuteArgs extends Omit<TfArgs<typeof tfl.layers.permute>, "dims"> {
  /** A permutation of 1…n: output dimension i + 1 is input dimension dims[i] (the batch stays first). */
  readonly dims: readonly number[];
}
export const permuteOptions = tfOptions<PermuteArgs>()(permuteShown);

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
export const permute: <
  const Args extends RequiredOptions<PermuteArgs>,
  Problem = PlainPermute<Args> extends true ? false : PermuteProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, PermuteArgs>,
) => Permute<Fitting<Args, PermuteArgs>> = tfLayer(
  "Permute",
  "permute",
  permuteOptions,
  permuteShown,
  requiredOptions<PermuteArgs>()("dims"),
  (layer, options: PermuteArgs) => {
    checkSizeOption(layer, options, "dims");
    if (!isPermutation(options.dims)) fail(permutationMessage(layer, options.dims.length));
    const dims = [...options.dims];
    return {
      dims: options.dims,
      outputShape: (input) => tfPermuteRule(layer, dims, input),
    };
  },
);
