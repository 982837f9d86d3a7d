// PyTorch's Unfold (im2col): [batch, C, H, W] → [batch, C·kH·kW, L], L the number of sliding blocks, the product of
// the convolution's output sizes (conv.types.ts's ConvSizes: one formula); and Fold, its inverse.
// Twin: src/families/conv/unfold.ts.
import type { Add, FloorDiv, Mod, Mul } from "../../../types/arith/index.ts";
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

/** The message when fold's input channels are not a multiple of the kernel's size. */
export type writeFoldChannelsMessage<
  Layer extends string,
  Channels,
  Kernel,
> = `${Layer}: the input's dimension 1 (${Channels & number}) must be divisible by the kernel's size (${Kernel & number})`;
/** The message when fold's input has another number of blocks than its output size gives. */
export type writeFoldBlocksMessage<
  Layer extends string,
  Blocks,
  Expected,
> = `${Layer}: the input's dimension 2 (${Blocks & number}) must equal the number of blocks of the output size (${Expected & number})`;

/**
 * PyTorch's Fold (col2im), unfold's inverse: [batch, C·kH·kW, L] → [batch, C, ...outputSize], L being the blocks of
 * outputSize (`Blocks`, computed by the builder with ConvSizes). Unknown sizes pass (the runtime checks them).
 *
 * @example
 * type S = FoldRule<"fold([4, 5], 2)", 4, [4, 5], 12, [number, 12, 12]>;
 * //=> [number, 3, 4, 5]
 */
export type FoldRule<
  Layer extends string,
  Kernel,
  OutputSizes extends readonly unknown[],
  Blocks,
  Input,
> = Input extends readonly [infer Batch, infer Channels extends Dim, infer Length extends Dim]
  ? [Channels] extends [number]
    ? number extends Channels
      ? FoldLength<Layer, Blocks, Length, [Batch, number, ...OutputSizes]>
      : Mod<Channels, Kernel> extends 0
        ? FoldLength<Layer, Blocks, Length, [Batch, FloorDiv<Channels, Kernel>, ...OutputSizes]>
        : writeFoldChannelsMessage<Layer, Channels, Kernel>
    : FoldLength<Layer, Blocks, Length, [Batch, number, ...OutputSizes]>
  : writeRankMessage<Layer, "[batch, channels·kH·kW, blocks] (rank 3)", Input extends Shape ? Input["length"] : 0>;
type FoldLength<Layer extends string, Blocks, Length, Output> = [Length] extends [number]
  ? number extends Length
    ? Output
    : Length extends Blocks
      ? Output
      : writeFoldBlocksMessage<Layer, Length, Blocks>
  : Output;
