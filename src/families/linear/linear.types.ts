// The linear (dense) rule: [..., inFeatures] → [..., outFeatures]. Twin: src/families/linear/linear.ts.
import type { Dim, IsUnknown, LastDim, Shape, WithoutLast } from "../../../types/shape/dims.ts";

/** The message when the last input dimension differs from inFeatures. */
export type writeInFeaturesMessage<
  Layer extends string,
  Expected extends Dim,
> = `${Layer}: inFeatures must equal the last input dimension ${Expected & number}`;

/** The message when the input has no feature dimension. */
export type writeNoFeaturesMessage<Layer extends string> =
  `${Layer}: expects an input with a feature dimension (rank 1 or more)`;

/** [..., InFeatures] → [..., OutFeatures]; an unknown last dimension is checked when the model is built. */
export type LinearRule<Layer extends string, InFeatures, OutFeatures, Input> = Input extends readonly [Dim, ...Dim[]]
  ? IsUnknown<LastDim<Input>> extends true
    ? [...WithoutLast<Input>, OutFeatures]
    : LastDim<Input> extends InFeatures
      ? [...WithoutLast<Input>, OutFeatures]
      : writeInFeaturesMessage<Layer, LastDim<Input> & Dim>
  : Input extends Shape
    ? writeNoFeaturesMessage<Layer>
    : never;
