// tfjs-layers' Flatten: [batch, ...dims] → [batch, product of dims], on an input of rank 3 or more whose dimensions
// after the batch are known (tfjs flattens only fully known shapes; with dataFormat "channelsFirst" it moves the
// channels last first, which changes the order of the elements, not the shape). Twin: src/families/reshape/tf-flatten.ts.
import type { Product } from "../../../types/arith/index.ts";
import type { Dim, Shape, ValueOf } from "../../../types/shape/dims.ts";
import type { writeMinRankMessage } from "../linear/tf-dense.types.ts";

/** The message when a dimension after the batch is known only by name. */
export type writeFlattenUnknownMessage<
  Layer extends string,
  Axis extends number,
> = `${Layer}: dimension ${Axis} must be known: TensorFlow.js flattens only fully known shapes`;

/** The index of the first named dimension (counting the batch as 0), or `false`. */
type FirstNamed<Dims extends Shape, Axis extends unknown[] = [0]> = Dims extends readonly [
  infer D,
  ...infer Rest extends Shape,
]
  ? D extends string
    ? Axis["length"]
    : FirstNamed<Rest, [...Axis, 0]>
  : false;

/**
 * [batch, ...dims] → [batch, ∏ dims].
 *
 * @example
 * type F = TfFlattenRule<"flatten()", [number, 5, 5, 64]>;
 * //=> [number, 1600]
 */
export type TfFlattenRule<Layer extends string, Input> = Input extends readonly [
  infer Batch,
  ...infer Rest extends Shape,
]
  ? Rest extends readonly [Dim, Dim, ...Dim[]]
    ? FirstNamed<Rest> extends infer Axis extends number
      ? writeFlattenUnknownMessage<Layer, Axis>
      : [Batch, Product<{ [K in keyof Rest]: ValueOf<Rest[K]> }> & Dim]
    : writeMinRankMessage<Layer, 3, Input["length"]>
  : writeMinRankMessage<Layer, 3, 0>;
