// PyTorch's unflatten(dim, sizes): dimension `dim` becomes `sizes`, whose product must be its size; one size
// may be -1, inferred from the others. Twin: src/families/reshape/unflatten.ts.
import type { Add, FloorDiv, Mod, Product } from "../../../types/arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";
import type { Drop, Take } from "./flatten.types.ts";

/** The message when the sizes do not multiply out to the size of the dimension. */
export type writeUnflattenProductMessage<
  Layer extends string,
  Axis extends number,
  Size,
  SizesProduct,
> = `${Layer}: the sizes multiply to ${SizesProduct & number}, not to the size ${Size & number} of input dimension ${Axis}`;

/** The message when the dimension's size is not a multiple of the sizes other than -1. */
export type writeUnflattenInferMessage<
  Layer extends string,
  Axis extends number,
  Size,
  Known,
> = `${Layer}: the size ${Size & number} of input dimension ${Axis} is not divisible by ${Known & number}, the product of the sizes other than -1`;

/** The sizes other than -1. */
export type KnownSizes<Sizes extends readonly unknown[], Known extends unknown[] = []> = Sizes extends readonly [
  infer Size,
  ...infer Rest,
]
  ? KnownSizes<Rest, Size extends -1 ? Known : [...Known, Size]>
  : Known;

/** The sizes with -1 replaced by `Inferred`. */
type Inferred<Sizes extends readonly unknown[], Value> = {
  -readonly [K in keyof Sizes]: Sizes[K] extends -1 ? Value : Sizes[K];
};

/** The new dimensions in place of one of size `Size`, or the message. Unknown sizes give an unknown inferred size. */
export type UnflattenSizes<Layer extends string, Axis extends number, Size, Sizes extends readonly unknown[]> =
  Product<KnownSizes<Sizes>> extends infer Known
    ? -1 extends Sizes[number]
      ? IsUnknown<Size> extends true
        ? Inferred<Sizes, number>
        : number extends Known
          ? Inferred<Sizes, number>
          : Mod<Size, Known> extends 0
            ? Inferred<Sizes, FloorDiv<Size, Known>>
            : writeUnflattenInferMessage<Layer, Axis, Size, Known>
      : IsUnknown<Size> extends true
        ? Inferred<Sizes, never>
        : number extends Known
          ? Inferred<Sizes, never>
          : Known extends Size
            ? Inferred<Sizes, never>
            : writeUnflattenProductMessage<Layer, Axis, Size, Known>
    : never;

/**
 * The unflatten rule: [..., n, ...] → [..., ...sizes, ...] with product(sizes) = n.
 *
 * @example
 * type S = UnflattenRule<"unflatten(1, [-1, 4])", 1, [-1, 4], [number, 12]>;
 * //=> [number, 3, 4]
 */
export type UnflattenRule<
  Layer extends string,
  DimArg extends number,
  Sizes extends readonly unknown[],
  Input,
> = Input extends Shape
  ? DimIndex<DimArg, Input["length"]> extends infer Axis extends number
    ? UnflattenSizes<Layer, Axis, Input[Axis], Sizes> extends infer New
      ? New extends readonly Dim[]
        ? [...Take<Input, Axis>, ...New, ...Drop<Input, Add<Axis, 1> & number>]
        : New
      : never
    : writeDimRangeMessage<Layer, "dim", DimArg, Input["length"]>
  : never;
