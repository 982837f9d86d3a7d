// PyTorch's convolution output size (torch.nn.Conv1d/2d/3d), one formula for every spatial dimension:
//   out = ⌊(L + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1
// valid when the padded input is at least as large as the dilated kernel. Twin: src/families/conv/conv.ts.
import type { Add, CeilDiv, Compare, FloorDiv, Mul, Sub } from "../../../types/arith/index.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";

/** The extent of a dilated kernel: d·(k − 1) + 1. */
export type DilatedKernel<Kernel, Dilation> = Dilation extends 1 ? Kernel : Add<Mul<Dilation, Sub<Kernel, 1>>, 1>;

/** The input size with padding on both sides: L + 2·p. */
export type PaddedSize<Size, Padding> = Padding extends 0 ? Size : Add<Size, Mul<Padding, 2>>;

/** The message when the dilated kernel does not fit in the padded input. */
export type writeKernelTooLargeMessage<
  Layer extends string,
  Axis extends number,
  Extent,
  Padded,
> = `${Layer}: the kernel (extent ${Extent & number}) is larger than the padded input (${Padded & number}) in input dimension ${Axis}`;

/** What ConvSize gives when the dilated kernel does not fit in the padded input (ConvRule writes the message). */
export interface KernelTooLarge<Axis extends number = number, Extent = unknown, Padded = unknown> {
  readonly axis: Axis;
  readonly extent: Extent;
  readonly padded: Padded;
}

/**
 * One spatial output size, or KernelTooLarge. Unknown sizes stay unknown; a size-keeping convolution
 * keeps a named one. Free of the layer's name, so layers that differ only in their channels share
 * the arithmetic.
 */
export type ConvSize<Axis extends number, Size extends Dim, Kernel, Stride, Padding, Dilation> =
  PadsByHalf<Size, Kernel, Padding, Dilation> extends true
    ? Stride extends 1
      ? Size // the size kept, a named one too
      : IsUnknown<Size> extends true
        ? number
        : CeilDiv<Size, Stride>
    : IsUnknown<Size> extends true
      ? number
      : [Stride, Padding, Dilation] extends [1, 0, 1]
        ? ValidSize<Axis, Size, Kernel>
        : FullConvSize<Axis, Size, Kernel, Stride, Padding, Dilation>;
type FullConvSize<Axis extends number, Size extends Dim, Kernel, Stride, Padding, Dilation> =
  PaddedSize<Size, Padding> extends infer Padded
    ? DilatedKernel<Kernel, Dilation> extends infer Extent
      ? Compare<Padded, Extent> extends "lt"
        ? KernelTooLarge<Axis, Extent, Padded>
        : Add<Stride extends 1 ? Sub<Padded, Extent> : FloorDiv<Sub<Padded, Extent>, Stride>, 1>
      : never
    : never;

// The most common convolutions pad an odd kernel by half (3 by 1, 5 by 2, …; 1 by 0), dilation 1, on
// an input of at least 1: ⌊(L + 2p − k) / s⌋ + 1 is then ⌈L / s⌉, the size itself at stride 1 (no
// arithmetic), one division otherwise (instead of four operations).
type PadsByHalf<Size, Kernel, Padding, Dilation> = [Dilation, Size] extends [1, Exclude<Size, 0>]
  ? Padding extends keyof OddKernel
    ? [Kernel] extends [OddKernel[Padding]]
      ? true
      : false
    : false
  : false;
interface OddKernel {
  0: 1;
  1: 3;
  2: 5;
  3: 7;
  4: 9;
  5: 11;
}

// An unpadded convolution at stride 1 (PyTorch's default): L − (k − 1), one subtraction instead of
// four operations. Below 1 the kernel does not fit, which the full rule says.
type ValidSize<Axis extends number, Size extends Dim, Kernel> = Kernel extends keyof KernelReach
  ? Sub<Size, KernelReach[Kernel]> extends infer Out
    ? Out extends 0
      ? FullConvSize<Axis, Size, Kernel, 1, 0, 1>
      : Out extends number
        ? Out
        : FullConvSize<Axis, Size, Kernel, 1, 0, 1>
    : never
  : FullConvSize<Axis, Size, Kernel, 1, 0, 1>;
/** How far a kernel reaches past its first element: k − 1. */
interface KernelReach {
  1: 0;
  2: 1;
  3: 2;
  4: 3;
  5: 4;
  6: 5;
  7: 6;
  8: 7;
  9: 8;
  10: 9;
  11: 10;
}

/**
 * Every spatial output size in order (a tuple), or the first KernelTooLarge. `Padding` may be "same"
 * (output = input; PyTorch allows it with stride 1 only, which the builder checks).
 */
export type ConvSizes<
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings,
  Dilations extends readonly unknown[],
  Axis extends unknown[] = [0, 0],
  Sizes extends Dim[] = [],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? Paddings extends "same"
    ? ConvSizes<Rest, Tail<Kernels>, Tail<Strides>, Paddings, Tail<Dilations>, [...Axis, 0], [...Sizes, Size]> // "same": the size is kept, even a named one
    : ConvSize<
          Axis["length"],
          Size,
          Kernels[0],
          Strides[0],
          Paddings extends readonly [infer P, ...unknown[]] ? P : 0,
          Dilations[0]
        > extends infer Out
      ? Out extends KernelTooLarge
        ? Out
        : ConvSizes<
            Rest,
            Tail<Kernels>,
            Tail<Strides>,
            Paddings extends readonly [unknown, ...infer More] ? More : Paddings,
            Tail<Dilations>,
            [...Axis, 0],
            [...Sizes, Out & Dim]
          >
      : never
  : Sizes;
type Tail<Values extends readonly unknown[]> = Values extends readonly [unknown, ...infer Rest] ? Rest : [];

/** The message when the input's channel dimension differs from `inChannels`. */
export type writeInChannelsMessage<
  Layer extends string,
  Channels extends Dim,
> = `${Layer}: inChannels must equal the input's channel dimension ${Channels & number}`;

/** The message when the input has the wrong rank for the layer. */
export type writeRankMessage<
  Layer extends string,
  Expected extends string,
  Got extends number,
> = `${Layer}: expects an input ${Expected}, got rank ${Got}`;

/**
 * The channels-first convolution rule: [batch, inChannels, ...spatial] → [batch, outChannels, ...spatial′].
 * Shapes are mutable tuples, which the first pattern matches as they are (the compiler then relates
 * the input to itself, for free); the `readonly` one is for shapes written by hand.
 */
export type ConvRule<
  Layer extends string,
  Rank extends number,
  In,
  Out,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings,
  Dilations extends readonly unknown[],
  Input,
> = Input extends [infer Batch, infer Channels extends Dim, ...infer Spatial extends Shape]
  ? ConvOf<Layer, Rank, In, Out, Kernels, Strides, Paddings, Dilations, Batch, Channels, Spatial>
  : Input extends readonly [infer Batch, infer Channels extends Dim, ...infer Spatial extends Shape]
    ? ConvOf<Layer, Rank, In, Out, Kernels, Strides, Paddings, Dilations, Batch, Channels, Spatial>
    : writeRankMessage<Layer, RankText<Rank>, Input extends Shape ? Input["length"] : 0>;
type ConvOf<
  Layer extends string,
  Rank extends number,
  In,
  Out,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings,
  Dilations extends readonly unknown[],
  Batch,
  Channels extends Dim,
  Spatial extends Shape,
> = Spatial["length"] extends Rank
  ? IsUnknown<Channels> extends false
    ? Channels extends In
      ? Sizes<Layer, Batch, Out, Spatial, Kernels, Strides, Paddings, Dilations>
      : writeInChannelsMessage<Layer, Channels>
    : Sizes<Layer, Batch, Out, Spatial, Kernels, Strides, Paddings, Dilations>
  : writeRankMessage<Layer, RankText<Rank>, Add<Spatial["length"], 2> & number>;
type Sizes<
  Layer extends string,
  Batch,
  Out,
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings,
  Dilations extends readonly unknown[],
> =
  ConvSizes<Spatial, Kernels, Strides, Paddings, Dilations> extends infer Result
    ? Result extends readonly Dim[]
      ? [Batch, Out, ...Result]
      : Result extends KernelTooLarge<infer Axis, infer Extent, infer Padded>
        ? writeKernelTooLargeMessage<Layer, Axis, Extent, Padded>
        : never
    : never;

/** How messages name the input a rank-N spatial layer expects. */
export type RankText<Rank extends number> = Rank extends 1
  ? "[batch, channels, length] (rank 3)"
  : Rank extends 2
    ? "[batch, channels, height, width] (rank 4)"
    : "[batch, channels, depth, height, width] (rank 5)";
