// PyTorch's layer normalization (LayerNorm): the shape is kept; its last dimensions must be
// normalizedShape. Unknown dimensions there become the normalizedShape's sizes (checked when the model
// is built). Twin: src/families/normalization/layer-norm.ts.
import type { Compare, Sub } from "../../../types/arith/index.ts";
import type { Dim, IsUnknown, Shape, ShowShape } from "../../../types/shape/dims.ts";
import type { Drop, Take } from "../reshape/flatten.types.ts";

/** The message when the last input dimensions differ from normalizedShape. */
export type writeNormalizedShapeMessage<Layer extends string, Last extends Shape> = Last extends readonly [infer Only]
  ? `${Layer}: normalizedShape must equal the last input dimension ${Only & number}`
  : `${Layer}: normalizedShape must equal the last ${Last["length"]} input dimensions ${ShowShape<Last>}`;

/** The message when the input has fewer dimensions than normalizedShape. */
export type writeLayerNormRankMessage<
  Layer extends string,
  Normalized extends readonly unknown[],
  Got extends number,
> = `${Layer}: expects an input [..., ${Join<Normalized>}] (rank ${Normalized["length"]} or more), got rank ${Got}`;
type Join<Sizes extends readonly unknown[], Text extends string = ""> = Sizes extends readonly [
  infer First,
  ...infer Rest,
]
  ? Join<Rest, `${Text}${Text extends "" ? "" : ", "}${First & number}`>
  : Text;

/** The last dims checked against normalizedShape: the refined dims, or `false` on a mismatch. */
type Matched<
  Last extends Shape,
  Normalized extends readonly unknown[],
  Out extends Dim[] = [],
> = Last extends readonly [infer D extends Dim, ...infer Rest extends Shape]
  ? Normalized extends readonly [infer Size, ...infer More]
    ? D extends string
      ? Matched<Rest, More, [...Out, D]>
      : IsUnknown<D> extends true
        ? Matched<Rest, More, [...Out, Size & Dim]>
        : D extends Size
          ? Matched<Rest, More, [...Out, D]>
          : false
    : Out
  : Out;

/**
 * The layer norm rule: [..., ...normalizedShape] → the same shape.
 *
 * @example
 * type S = LayerNormRule<"layerNorm(512)", [512], [number, 10, 512]>;
 * //=> [number, 10, 512]
 */
export type LayerNormRule<Layer extends string, Normalized extends readonly unknown[], Input> = Input extends Shape
  ? // One size (nn.layerNorm(512)) on a tuple: its last dimension, without arithmetic on the ranks (the
    // general rule computes Sub<rank, 1>, Drop and Take: ~600 instantiations the first time).
    Normalized extends readonly [unknown]
    ? Input extends readonly [...infer Lead extends Dim[], infer D extends Dim]
      ? Matched<[D], Normalized> extends infer Refined extends Shape
        ? [...Lead, ...Refined]
        : writeNormalizedShapeMessage<Layer, [D]>
      : GeneralRule<Layer, Normalized, Input>
    : GeneralRule<Layer, Normalized, Input>
  : never;

/** LayerNormRule for any normalized shape and any input (a rank the compiler does not know included). */
type GeneralRule<Layer extends string, Normalized extends readonly unknown[], Input extends Shape> =
  Compare<Input["length"], Normalized["length"]> extends "lt"
    ? writeLayerNormRankMessage<Layer, Normalized, Input["length"]>
    : Sub<Input["length"], Normalized["length"]> extends infer Lead extends number
      ? Drop<Input, Lead> extends infer Last extends Shape
        ? Matched<Last, Normalized> extends infer Refined extends Shape
          ? [...Take<Input, Lead>, ...Refined]
          : writeNormalizedShapeMessage<Layer, Last>
        : never
      : never;
