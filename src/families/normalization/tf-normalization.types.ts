// tfjs-layers' BatchNormalization: the shape is kept; `axis` (default -1) must name a dimension whose size is known
// (tfjs sizes gamma and beta from it), on an input of rank 2, 3 or 4 (tfjs implements no other).
// Twin: src/families/normalization/tf-normalization.ts.
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

/** The message when the axis dimension is known only by name. */
export type writeAxisUnknownMessage<
  Layer extends string,
  Axis extends number,
> = `${Layer}: dimension ${Axis} (the axis) must be known: TensorFlow.js sizes gamma and beta from it`;

/**
 * The input's shape, or the message.
 *
 * @example
 * type B = TfBatchNormRule<"batchNormalization()", -1, [number, 26, 26, 32]>;
 * //=> [number, 26, 26, 32]
 */
export type TfBatchNormRule<Layer extends string, Axis extends number, Input> = Input extends Shape
  ? Input["length"] extends 2 | 3 | 4
    ? DimIndex<Axis, Input["length"]> extends infer Index extends number
      ? Input[Index] extends string
        ? writeAxisUnknownMessage<Layer, Index>
        : Input
      : writeDimRangeMessage<Layer, "axis", Axis, Input["length"]>
    : writeRankMessage<Layer, "of rank 2, 3 or 4 (TensorFlow.js)", Input["length"]>
  : never;
