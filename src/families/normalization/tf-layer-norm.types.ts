// tfjs-layers' LayerNormalization: the shape is kept; `axis` (default -1; a number or a list) names dimensions in
// range, each once, and not the batch (tfjs sizes gamma and beta from them, so they must be known), on an input of
// rank 2, 3 or 4 (tfjs-core's batchNorm implements no other). Twin: src/families/normalization/tf-layer-norm.ts.
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { AxesProblem } from "../activation/tf-activation.types.ts";
import type { writeAxisUnknownMessage } from "./tf-normalization.types.ts";
import type { DimIndex } from "../../../types/shape/dim-index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

/** The message when an axis is the batch (tfjs cannot size gamma and beta from an unknown batch). */
export type writeBatchAxisMessage<Layer extends string> =
  `${Layer}: axis 0 is the batch: TensorFlow.js sizes gamma and beta from the axes, so they must come after it`;

type AxesList<Axis> = Axis extends number ? [Axis] : Axis extends readonly number[] ? Axis : [];

type KnownAxes<Layer extends string, Axes extends readonly number[], Input extends Shape> = Axes extends readonly [
  infer Axis extends number,
  ...infer Rest extends readonly number[],
]
  ? number extends Axis
    ? KnownAxes<Layer, Rest, Input>
    : DimIndex<Axis, Input["length"]> extends infer Index extends number
      ? Index extends 0
        ? writeBatchAxisMessage<Layer>
        : Input[Index] extends string
          ? writeAxisUnknownMessage<Layer, Index>
          : KnownAxes<Layer, Rest, Input>
      : KnownAxes<Layer, Rest, Input>
  : Input;

/**
 * The input's shape, or the message.
 *
 * @example
 * type L = TfLayerNormRule<"layerNormalization()", -1, [number, 20, 64]>; //=> [number, 20, 64]
 */
export type TfLayerNormRule<Layer extends string, Axis, Input> = Input extends Shape
  ? AxesProblem<Layer, "axis", AxesList<Axis>, Input["length"]> extends infer Problem extends string
    ? Problem
    : Input["length"] extends 2 | 3 | 4
      ? KnownAxes<Layer, AxesList<Axis>, Input>
      : writeRankMessage<Layer, "of rank 2, 3 or 4 (TensorFlow.js)", Input["length"]>
  : never;
