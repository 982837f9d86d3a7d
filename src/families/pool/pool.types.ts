// PyTorch's pooling output size (MaxPool/AvgPool 1d/2d), per spatial dimension:
//   out = ⌊(L + 2·padding − dilation·(kernel − 1) − 1 + (ceilMode ? stride − 1 : 0)) / stride⌋ + 1
// and in ceil mode the last window must start inside the input or its left padding:
//   if (out − 1)·stride ≥ L + padding then out − 1.   Twin: src/families/pool/pool.ts.
import type { Add, Compare, FloorDiv, Mul, Sub } from "../../../types/arith/index.ts";
import type {
  DilatedKernel,
  PaddedSize,
  RankText,
  writeKernelTooLargeMessage,
  writeRankMessage,
} from "../conv/conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";

/** One spatial output size of a pooling window, or the message when the window does not fit. */
export type PoolSize<
  Layer extends string,
  Axis extends number,
  Size extends Dim,
  Kernel,
  Stride,
  Padding,
  Dilation,
  CeilMode,
> =
  IsUnknown<Size> extends true
    ? number
    : [Stride, Padding, Dilation, CeilMode] extends [Kernel, 0, 1, false]
      ? TilingSize<Layer, Axis, Size, Kernel>
      : FullPoolSize<Layer, Axis, Size, Kernel, Stride, Padding, Dilation, CeilMode>;
// The most common pooling tiles the input (stride = kernel, no padding, dilation 1): ⌊L / k⌋, one
// division instead of four operations; 0 means the kernel does not fit, which the full rule says.
type TilingSize<Layer extends string, Axis extends number, Size extends Dim, Kernel> =
  FloorDiv<Size, Kernel> extends infer Out
    ? Out extends 0
      ? FullPoolSize<Layer, Axis, Size, Kernel, Kernel, 0, 1, false>
      : Out extends number
        ? Out
        : FullPoolSize<Layer, Axis, Size, Kernel, Kernel, 0, 1, false>
    : never;
type FullPoolSize<
  Layer extends string,
  Axis extends number,
  Size extends Dim,
  Kernel,
  Stride,
  Padding,
  Dilation,
  CeilMode,
> =
  PaddedSize<Size, Padding> extends infer Padded
    ? DilatedKernel<Kernel, Dilation> extends infer Extent
      ? (CeilMode extends true ? Add<Padded, Sub<Stride, 1>> : Padded) extends infer Reach
        ? Compare<Reach, Extent> extends "lt"
          ? writeKernelTooLargeMessage<Layer, Axis, Extent, Padded>
          : Add<FloorDiv<Sub<Reach, Extent>, Stride>, 1> extends infer Out
            ? CeilMode extends true
              ? Compare<Mul<Sub<Out, 1>, Stride>, Add<Size, Padding>> extends "lt"
                ? Out
                : Sub<Out, 1>
              : Out
            : never
        : never
      : never
    : never;

type Tail<Values extends readonly unknown[]> = Values extends readonly [unknown, ...infer Rest] ? Rest : [];

/** Every spatial output size in order, or the first message. */
export type PoolSizes<
  Layer extends string,
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  Dilations extends readonly unknown[],
  CeilMode,
  Axis extends unknown[] = [0, 0],
  Sizes extends Dim[] = [],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? PoolSize<Layer, Axis["length"], Size, Kernels[0], Strides[0], Paddings[0], Dilations[0], CeilMode> extends infer Out
    ? Out extends string
      ? Out
      : PoolSizes<
          Layer,
          Rest,
          Tail<Kernels>,
          Tail<Strides>,
          Tail<Paddings>,
          Tail<Dilations>,
          CeilMode,
          [...Axis, 0],
          [...Sizes, Out & Dim]
        >
    : never
  : Sizes;

/**
 * The channels-first pooling rule: [batch, channels, ...spatial] → [batch, channels, ...spatial′].
 * The mutable pattern matches shapes as they are (see ConvRule); the `readonly` one, hand-written shapes.
 */
export type PoolRule<
  Layer extends string,
  Rank extends number,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  Dilations extends readonly unknown[],
  CeilMode,
  Input,
> = Input extends [infer Batch, infer Channels, ...infer Spatial extends Shape]
  ? PoolOf<Layer, Rank, Kernels, Strides, Paddings, Dilations, CeilMode, Batch, Channels, Spatial>
  : Input extends readonly [infer Batch, infer Channels, ...infer Spatial extends Shape]
    ? PoolOf<Layer, Rank, Kernels, Strides, Paddings, Dilations, CeilMode, Batch, Channels, Spatial>
    : writeRankMessage<Layer, RankText<Rank>, Input extends Shape ? Input["length"] : 0>;
type PoolOf<
  Layer extends string,
  Rank extends number,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  Dilations extends readonly unknown[],
  CeilMode,
  Batch,
  Channels,
  Spatial extends Shape,
> = Spatial["length"] extends Rank
  ? PoolSizes<Layer, Spatial, Kernels, Strides, Paddings, Dilations, CeilMode> extends infer Result
    ? Result extends readonly Dim[]
      ? [Batch, Channels, ...Result]
      : Result
    : never
  : writeRankMessage<Layer, RankText<Rank>, Add<Spatial["length"], 2> & number>;

/** The message when padding is more than half the kernel (PyTorch's rule: 2·padding ≤ kernel). */
export type writePoolPaddingMessage<
  Layer extends string,
  Padding,
  Kernel,
> = `${Layer}: padding (${Padding & number}) must be at most half the kernel size (${Kernel & number})`;

/** The message when avgPool3d's kernel is larger than the unpadded input (PyTorch's avg_pool3d checks it). */
export type writeUnpaddedKernelMessage<
  Layer extends string,
  Axis extends number,
  Kernel,
  Size,
> = `${Layer}: the kernel (${Kernel & number}) is larger than the input (${Size & number}) in input dimension ${Axis} (PyTorch's avgPool3d does not count the padding here)`;

/**
 * PyTorch's avg_pool3d refuses an input smaller than the kernel in any dimension, padding aside: the message for
 * the first such dimension, or `false` (unknown sizes pass; the runtime checks them).
 */
export type UnpaddedKernelProblem<
  Layer extends string,
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Axis extends unknown[] = [0, 0],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? IsUnknown<Size> extends true
    ? UnpaddedKernelProblem<Layer, Rest, Tail<Kernels>, [...Axis, 0]>
    : Compare<Size, Kernels[0]> extends "lt"
      ? writeUnpaddedKernelMessage<Layer, Axis["length"], Kernels[0], Size>
      : UnpaddedKernelProblem<Layer, Rest, Tail<Kernels>, [...Axis, 0]>
  : false;
