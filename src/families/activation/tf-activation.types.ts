// tfjs-layers' activation layers (ReLU, LeakyReLU, ELU, PReLU, Softmax, ThresholdedReLU) keep the shape; what
// tfjs refuses: ELU with an alpha other than 1, ReLU with a negative maxValue, Softmax along an axis other than
// the last (tfjs-core implements only that one; several axes go through logSumExp), PReLU's sharedAxes outside
// the dimensions after the batch. Twin: src/families/activation/tf-activation.ts.
import type { ShapeRule } from "../../../types/model/layer.ts";
import type { Sub } from "../../../types/arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { InputShapeChecked } from "../../../types/shape/tf-options.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";

/** A rule that keeps the shape, after the check of the layer's inputShape. */
export interface TfKeepShapeRule<Name extends string, Args> extends ShapeRule {
  readonly "~output": InputShapeChecked<Name, Args, this["~input"], this["~input"]>;
}

/** The input, when its rank is one of `Ranks`; else the message. */
export type TfRankRule<Layer extends string, Ranks extends number, Expected extends string, Input> = Input extends Shape
  ? Input["length"] extends Ranks
    ? Input
    : writeRankMessage<Layer, Expected, Input["length"]>
  : never;

/** The message when an axis is named twice (tfjs refuses it). */
export type writeAxisTwiceMessage<
  Layer extends string,
  Name extends string,
  Index extends number,
> = `${Layer}: ${Name} names dimension ${Index} twice`;

/** The first problem of a list of axes (out of range, or twice the same dimension), or false. */
export type AxesProblem<
  Layer extends string,
  Name extends string,
  Axes extends readonly number[],
  Rank extends number,
  Seen extends number = never,
> = Axes extends readonly [infer Axis extends number, ...infer Rest extends readonly number[]]
  ? number extends Axis
    ? AxesProblem<Layer, Name, Rest, Rank, Seen>
    : DimIndex<Axis, Rank> extends infer Index extends number
      ? [Index] extends [Seen]
        ? writeAxisTwiceMessage<Layer, Name, Index>
        : AxesProblem<Layer, Name, Rest, Rank, Seen | Index>
      : writeDimRangeMessage<Layer, Name, Axis, Rank>
  : false;

/** The message for a softmax along an axis other than the last. */
export type writeSoftmaxAxisMessage<
  Layer extends string,
  Rank extends number,
> = `${Layer}: TensorFlow.js's softmax works along the last axis only (-1 or ${Sub<Rank, 1> & number} for an input of rank ${Rank})`;

type SoftmaxOne<Layer extends string, Axis extends number, Input extends Shape> = number extends Axis
  ? Input
  : Axis extends -1
    ? Input
    : Axis extends DimIndex<-1, Input["length"]>
      ? Input
      : writeSoftmaxAxisMessage<Layer, Input["length"]>;

/**
 * tfjs's Softmax: the shape is kept. One axis (default 1!) must be the last; several axes (logSumExp) must be
 * in range and distinct; none is the last.
 *
 * @example
 * type S = TfSoftmaxRule<"softmax()", 1, [number, 10]>; //=> [number, 10]
 */
export type TfSoftmaxRule<Layer extends string, Axis, Input> = Input extends Shape
  ? Axis extends number
    ? SoftmaxOne<Layer, Axis, Input>
    : Axis extends readonly []
      ? Input
      : Axis extends readonly [infer Only extends number]
        ? SoftmaxOne<Layer, Only, Input>
        : Axis extends readonly number[]
          ? AxesProblem<Layer, "axis", Axis, Input["length"]> extends infer Problem extends string
            ? Problem
            : Input
          : Input
  : never;

/** The message for a sharedAxes entry that is not a dimension after the batch. */
export type writeSharedAxesMessage<
  Layer extends string,
  Axis extends number,
  Rank extends number,
> = `${Layer}: sharedAxes ${Axis} must name a dimension after the batch (1 to ${Sub<Rank, 1> & number} for an input of rank ${Rank})`;

type SharedAxesProblem<
  Layer extends string,
  Axes extends readonly number[],
  Rank extends number,
> = Axes extends readonly [infer Axis extends number, ...infer Rest extends readonly number[]]
  ? number extends Axis
    ? SharedAxesProblem<Layer, Rest, Rank>
    : `${Axis}` extends `-${string}` | "0"
      ? writeSharedAxesMessage<Layer, Axis, Rank>
      : DimIndex<Axis, Rank> extends number
        ? SharedAxesProblem<Layer, Rest, Rank>
        : writeSharedAxesMessage<Layer, Axis, Rank>
  : false;

/**
 * tfjs's PReLU: the shape is kept; alpha has one value per element of an example, shared along `sharedAxes`.
 *
 * @example
 * type P = TfPReLURule<"prelu()", [1, 2], [number, 8, 8, 3]>; //=> [number, 8, 8, 3]
 */
export type TfPReLURule<Layer extends string, SharedAxes, Input> = Input extends Shape
  ? SharedAxesProblem<
      Layer,
      SharedAxes extends number ? [SharedAxes] : SharedAxes extends readonly number[] ? SharedAxes : [],
      Input["length"]
    > extends infer Problem extends string
    ? Problem
    : Input
  : never;

/** The message for an ELU alpha other than 1 (tfjs: "Non-default alpha value … is not supported"). */
export type writeEluAlphaMessage<Layer extends string> = `${Layer}: TensorFlow.js's ELU layer supports alpha 1 only`;
/** The message for a negative ReLU maxValue (tfjs's clip refuses it). */
export type writeMaxValueMessage<Layer extends string> = `${Layer}: maxValue must be 0 or more`;
/** The message for a rate outside [0, 1] (tfjs would take it and compute nonsense). */
export type writeNoiseRateMessage<Layer extends string> = `${Layer}: rate must be between 0 and 1`;
