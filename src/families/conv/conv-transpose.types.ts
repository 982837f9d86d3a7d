// PyTorch's transposed convolution output size (torch.nn.ConvTranspose1d/2d), per spatial dimension:
//   out = (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1
// which must be at least 1. Computed as L·stride + dilation·(kernel − 1) + outputPadding + 1 − (2·padding + stride)
// so that no intermediate result is negative. Twin: src/families/conv/conv-transpose.ts.
import type { Add, Compare, Mul, Sub } from "../../../types/arith/index.ts";
import type { RankText, writeInChannelsMessage, writeRankMessage } from "./conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";

/** The message when a transposed convolution's output size would be below 1 (`Size` is "0" or "-3"). */
export type writeOutputTooSmallMessage<
  Layer extends string,
  Axis extends number,
  Size extends string,
> = `${Layer}: the output size in input dimension ${Axis} would be ${Size}; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1`;

/** The message when outputPadding is neither smaller than stride nor smaller than dilation (PyTorch's rule). */
export type writeOutputPaddingMessage<
  Layer extends string,
  OutputPadding,
  Stride,
  Dilation,
> = `${Layer}: outputPadding (${OutputPadding & number}) must be smaller than either stride (${Stride & number}) or dilation (${Dilation & number})`;

/** One spatial output size, or the message when it would be below 1. Unknown sizes stay unknown. */
export type ConvTransposeSize<
  Layer extends string,
  Axis extends number,
  Size extends Dim,
  Kernel,
  Stride,
  Padding,
  OutputPadding,
  Dilation,
> =
  IsUnknown<Size> extends true
    ? number
    : Add<Add<Mul<Size, Stride>, Mul<Dilation, Sub<Kernel, 1>>>, Add<OutputPadding, 1>> extends infer Grown
      ? Add<Mul<Padding, 2>, Stride> extends infer Cut
        ? number extends Grown | Cut
          ? number // an argument the compiler does not know: checked when the model is built
          : Compare<Grown, Cut> extends "gt"
            ? Sub<Grown, Cut>
            : writeOutputTooSmallMessage<Layer, Axis, Grown extends Cut ? "0" : `-${Sub<Cut, Grown> & number}`>
        : never
      : never;

type Tail<Values extends readonly unknown[]> = Values extends readonly [unknown, ...infer Rest] ? Rest : [];

/** Every spatial output size in order, or the first message. */
export type ConvTransposeSizes<
  Layer extends string,
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  OutputPaddings extends readonly unknown[],
  Dilations extends readonly unknown[],
  Axis extends unknown[] = [0, 0],
  Sizes extends Dim[] = [],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? ConvTransposeSize<
      Layer,
      Axis["length"],
      Size,
      Kernels[0],
      Strides[0],
      Paddings[0],
      OutputPaddings[0],
      Dilations[0]
    > extends infer Out
    ? Out extends string
      ? Out
      : ConvTransposeSizes<
          Layer,
          Rest,
          Tail<Kernels>,
          Tail<Strides>,
          Tail<Paddings>,
          Tail<OutputPaddings>,
          Tail<Dilations>,
          [...Axis, 0],
          [...Sizes, Out & Dim]
        >
    : never
  : Sizes;

/**
 * The channels-first transposed convolution rule: [batch, inChannels, ...spatial] → [batch, outChannels, ...spatial′].
 *
 * @example
 * type S = ConvTransposeRule<"convTranspose2d(16, 8, 3, 2, 1, 1)", 2, 16, 8, [3, 3], [2, 2], [1, 1], [1, 1], [1, 1], [number, 16, 14, 14]>;
 * //=> [number, 8, 28, 28]
 */
export type ConvTransposeRule<
  Layer extends string,
  Rank extends number,
  In,
  Out,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  OutputPaddings extends readonly unknown[],
  Dilations extends readonly unknown[],
  Input,
> = Input extends readonly [infer Batch, infer Channels extends Dim, ...infer Spatial extends Shape]
  ? Spatial["length"] extends Rank
    ? IsUnknown<Channels> extends false
      ? Channels extends In
        ? Sizes<Layer, Batch, Out, Spatial, Kernels, Strides, Paddings, OutputPaddings, Dilations>
        : writeInChannelsMessage<Layer, Channels>
      : Sizes<Layer, Batch, Out, Spatial, Kernels, Strides, Paddings, OutputPaddings, Dilations>
    : writeRankMessage<Layer, RankText<Rank>, Add<Spatial["length"], 2> & number>
  : writeRankMessage<Layer, RankText<Rank>, Input extends Shape ? Input["length"] : 0>;
type Sizes<
  Layer extends string,
  Batch,
  Out,
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Paddings extends readonly unknown[],
  OutputPaddings extends readonly unknown[],
  Dilations extends readonly unknown[],
> =
  ConvTransposeSizes<Layer, Spatial, Kernels, Strides, Paddings, OutputPaddings, Dilations> extends infer Result
    ? Result extends readonly Dim[]
      ? [Batch, Out, ...Result]
      : Result
    : never;
