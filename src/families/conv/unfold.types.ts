// PyTorch's Unfold (im2col): [batch, C, H, W] → [batch, C·kH·kW, L], L the number of sliding blocks, the product of
// the convolution's output sizes (conv.types.ts's ConvSizes: one formula). Twin: src/families/conv/unfold.ts.
import type { Add, Mul } from "../../../types/arith/index.ts";
import type {
  ConvSizes,
  KernelTooLarge,
  RankText,
  writeKernelTooLargeMessage,
  writeRankMessage,
} from "./conv.types.ts";
import type { Dim, Shape } from "../../../types/shape/dims.ts";

/** A product of two sizes, `number` when either is not a number literal (unknown or named). */
type Times<A, B> = [A, B] extends [number, number] ? (number extends A | B ? number : Mul<A, B>) : number;

/**
 * The unfold rule: [batch, channels, height, width] → [batch, channels·kH·kW, blocks].
 *
 * @example
 * type S = UnfoldRule<"unfold(2)", [2, 2], [2, 2], [0, 0], [1, 1], [number, 3, 8, 6]>;
 * //=> [number, 12, 12]
 */
export type UnfoldRule<
  Layer extends string,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  Dilations extends readonly unknown[],
  Input,
> = Input extends readonly [infer Batch, infer Channels extends Dim, ...infer Spatial extends Shape]
  ? Spatial["length"] extends 2
    ? ConvSizes<Spatial, Kernels, Strides, Paddings, Dilations> extends infer Sizes
      ? Sizes extends readonly [infer Height, infer Width]
        ? [Batch, Times<Channels, Times<Kernels[0], Kernels[1]>>, Times<Height, Width>]
        : Sizes extends KernelTooLarge<infer Axis, infer Extent, infer Padded>
          ? writeKernelTooLargeMessage<Layer, Axis, Extent, Padded>
          : never
      : never
    : writeRankMessage<Layer, RankText<2>, Add<Spatial["length"], 2> & number>
  : writeRankMessage<Layer, RankText<2>, Input extends Shape ? Input["length"] : 0>;
