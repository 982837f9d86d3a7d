// tfjs-layers' Dense: [batch, ..., features] → [batch, ..., units] on the last axis of an input of rank 2 or more,
// with an optional `inputDim` that must equal the last dimension. Twin: src/families/linear/tf-dense.ts.
import type { Dim, IsUnknown, LastDim, Shape, WithoutLast } from "../../../types/shape/dims.ts";

/** The message when the input has fewer dimensions than a tfjs layer needs (tfjs's `minNDim`). */
export type writeMinRankMessage<
  Layer extends string,
  Minimum extends number,
  Got extends number,
> = `${Layer}: expects an input of rank ${Minimum} or more, got rank ${Got}`;

/** The message when `inputDim` differs from the last input dimension. */
export type writeInputDimMessage<
  Layer extends string,
  Last extends Dim,
> = `${Layer}: inputDim must equal the last input dimension ${Last & number}`;

/** The message when the last dimension is known only by name (tfjs sizes the kernel from it). */
export type writeFeaturesUnknownMessage<Layer extends string> =
  `${Layer}: the last input dimension must be known: TensorFlow.js sizes the kernel from it`;

/**
 * [..., features] → [..., Units]; `InputDim` (`undefined` when not given) must equal the last dimension. A last
 * dimension unknown to the compiler (`number`) is checked when the model is built.
 *
 * @example
 * type D = TfDenseRule<"dense({ units: 10 })", 10, undefined, [number, 1600]>;
 * //=> [number, 10]
 */
export type TfDenseRule<Layer extends string, Units, InputDim, Input> = Input extends readonly [Dim, Dim, ...Dim[]]
  ? LastDim<Input> extends infer Last
    ? Last extends string
      ? writeFeaturesUnknownMessage<Layer>
      : [InputDim] extends [undefined]
        ? [...WithoutLast<Input>, Units]
        : IsUnknown<Last> extends true
          ? [...WithoutLast<Input>, Units]
          : Last extends InputDim
            ? [...WithoutLast<Input>, Units]
            : writeInputDimMessage<Layer, Last & Dim>
    : never
  : writeMinRankMessage<Layer, 2, Input extends Shape ? Input["length"] : 0>;
