// PyTorch's flatten(startDim, endDim): the dimensions startDim…endDim become their product.
// Twin: src/families/reshape/flatten.ts.
import type { Add, Product } from "../../../types/arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Dim, Shape, ShowDim, ValueOf } from "../../../types/shape/dims.ts";

/** The first `Count` dimensions of a shape, and the rest. */
export type Take<S extends Shape, Count extends number, Taken extends Dim[] = []> = Taken["length"] extends Count
  ? Taken
  : S extends readonly [infer D extends Dim, ...infer Rest extends Shape]
    ? Take<Rest, Count, [...Taken, D]>
    : Taken;
export type Drop<
  S extends Shape,
  Count extends number,
  Dropped extends unknown[] = [],
> = Dropped["length"] extends Count
  ? S
  : S extends readonly [unknown, ...infer Rest extends Shape]
    ? Drop<Rest, Count, [...Dropped, 0]>
    : [];

/** The message when startDim comes after endDim. */
export type writeFlattenOrderMessage<Layer extends string> = `${Layer}: startDim cannot come after endDim`;

/** How messages show a flattened dimension's origin: `64·12·12`. */
export type Origin<Dims extends Shape, Text extends string = ""> = Dims extends readonly [
  infer D,
  ...infer Rest extends Shape,
]
  ? Origin<Rest, `${Text}${Text extends "" ? "" : "·"}${ShowDim<D>}`>
  : Text;

/** Values of dimensions (named dimensions have unknown values). */
type Values<Dims extends Shape> = { [K in keyof Dims]: ValueOf<Dims[K]> };

/** End + 1, looked up for the small indices of shapes (the arithmetic costs a new checker ~2 ms to read). */
type Plus1<End extends number> = End extends keyof Successors ? Successors[End] : Add<End, 1> & number;
interface Successors {
  0: 1;
  1: 2;
  2: 3;
  3: 4;
  4: 5;
  5: 6;
  6: 7;
  7: 8;
}

/** The flatten rule: [..., a, b, c, ...] → [..., a·b·c, ...]. */
export type FlattenRule<
  Layer extends string,
  StartDim extends number,
  EndDim extends number,
  Input,
> = Input extends Shape
  ? DimIndex<StartDim, Input["length"]> extends infer Start extends number
    ? DimIndex<EndDim, Input["length"]> extends infer End extends number
      ? Plus1<End> extends infer After extends number
        ? Take<Input, Start> extends infer Before extends Shape
          ? Drop<Input, After> extends infer Rest extends Shape
            ? Drop<Take<Input, After>, Start> extends infer Merged extends Shape
              ? Merged extends []
                ? writeFlattenOrderMessage<Layer>
                : [...Before, Product<Values<Merged>> & Dim, ...Rest]
              : never
            : never
          : never
        : never
      : writeDimRangeMessage<Layer, "endDim", EndDim, Input["length"]>
    : writeDimRangeMessage<Layer, "startDim", StartDim, Input["length"]>
  : never;

/** `Count` empty origins. */
type Blanks<Count extends number, Texts extends string[] = []> = Texts["length"] extends Count
  ? Texts
  : Blanks<Count, [...Texts, ""]>;

/** Origins after flatten: the merged dimension's factors (`64·12·12`) when two or more are merged. */
export type FlattenOrigins<StartDim extends number, EndDim extends number, Input> = Input extends Shape
  ? [DimIndex<StartDim, Input["length"]>, DimIndex<EndDim, Input["length"]>] extends [
      infer Start extends number,
      infer End extends number,
    ]
    ? Drop<Take<Input, Plus1<End>>, Start> extends infer Merged extends Shape
      ? Merged["length"] extends 0 | 1
        ? []
        : [...Blanks<Start>, Origin<Merged>]
      : []
    : []
  : [];
