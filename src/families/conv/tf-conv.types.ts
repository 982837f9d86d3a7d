// tfjs-layers' convolution output size (`convOutputLength` in tfjs-layers/src/utils/conv_utils.ts), per spatial dim:
//   "same":  out = ⌈n / stride⌉
//   "valid": out = ⌈(n − dilatedKernel + 1) / stride⌉, valid when n ≥ dilatedKernel (tfjs itself would produce a
//            dimension ≤ 0)
// with channels last ([batch, ...spatial, channels], the default) or first. Pooling uses the same length with
// dilation 1. The transposed convolutions (Conv2DTranspose, Conv3DTranspose) use `deconvLength`:
//   "same":  out = n·stride
//   "valid": out = n·stride + max(kernel − stride, 0)
// Twin: src/families/conv/tf-conv.ts.
import type { Add, CeilDiv, Compare, Mul, Sub } from "../../../types/arith/index.ts";
import type { DilatedKernel, writeKernelTooLargeMessage, writeRankMessage } from "./conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";
import type { DataFormat } from "../../../types/shape/tf-options.ts";

/** tfjs's padding modes for convolutions and pooling ("causal" is declared by tfjs but not implemented). */
export type TfPadding = "valid" | "same";

/**
 * One spatial output size (tfjs's `convOutputLength`) as a one-element tuple (a size may be a name), or the message
 * when the kernel does not fit. Unknown sizes stay unknown; "same" with stride 1 keeps the dimension as it is.
 *
 * @example
 * type S = TfConvLength<"conv2d(…)", 1, 28, 3, 2, "same", 1>;
 * //=> [14]
 * type V = TfConvLength<"conv2d(…)", 1, 28, 3, 2, "valid", 1>;
 * //=> [13]
 */
export type TfConvLength<
  Layer extends string,
  Axis extends number,
  Size extends Dim,
  Kernel,
  Stride,
  Padding,
  Dilation,
> = Padding extends "same"
  ? Stride extends 1
    ? [Size]
    : IsUnknown<Size> extends true
      ? [number]
      : [CeilDiv<Size, Stride>]
  : IsUnknown<Size> extends true
    ? [number]
    : DilatedKernel<Kernel, Dilation> extends infer Extent
      ? Compare<Size, Extent> extends "lt"
        ? writeKernelTooLargeMessage<Layer, Axis, Extent, Size>
        : [CeilDiv<Add<Sub<Size, Extent>, 1>, Stride>]
      : never;

type Tail<Values extends readonly unknown[]> = Values extends readonly [unknown, ...infer Rest] ? Rest : [];

/** Every spatial output size in order, or the first message. `Axis` counts the input's dimensions (batch = 0). */
export type TfConvLengths<
  Layer extends string,
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
  Dilations extends readonly unknown[],
  Axis extends unknown[],
  Sizes extends Dim[] = [],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? TfConvLength<Layer, Axis["length"], Size, Kernels[0], Strides[0], Padding, Dilations[0]> extends infer Out
    ? Out extends readonly [infer Length]
      ? TfConvLengths<
          Layer,
          Rest,
          Tail<Kernels>,
          Tail<Strides>,
          Padding,
          Tail<Dilations>,
          [...Axis, 0],
          [...Sizes, Length & Dim]
        >
      : Out
    : never
  : Sizes;

/** How messages name the input a rank-N spatial tfjs layer expects. */
export type TfRankText<Rank extends number, Format extends DataFormat> = Format extends "channelsFirst"
  ? Rank extends 1
    ? "[batch, channels, length] (rank 3)"
    : Rank extends 3
      ? "[batch, channels, depth, height, width] (rank 5)"
      : "[batch, channels, height, width] (rank 4)"
  : Rank extends 1
    ? "[batch, length, channels] (rank 3)"
    : Rank extends 3
      ? "[batch, depth, height, width, channels] (rank 5)"
      : "[batch, height, width, channels] (rank 4)";

/** An input split into batch, spatial dimensions and channels by the data format, or the rank message. */
export type SplitImage<
  Layer extends string,
  Rank extends number,
  Format extends DataFormat,
  Input,
> = Input extends readonly [infer Batch extends Dim, ...infer Rest extends Shape]
  ? Rest["length"] extends Add<Rank, 1>
    ? Format extends "channelsFirst"
      ? Rest extends readonly [infer Channels extends Dim, ...infer Spatial extends Shape]
        ? { batch: Batch; channels: Channels; spatial: Spatial; axis: [0, 0] }
        : never
      : Rest extends readonly [...infer Spatial extends Shape, infer Channels extends Dim]
        ? { batch: Batch; channels: Channels; spatial: Spatial; axis: [0] }
        : never
    : writeRankMessage<Layer, TfRankText<Rank, Format>, Add<Rest["length"], 1> & number>
  : writeRankMessage<Layer, TfRankText<Rank, Format>, Input extends Shape ? Input["length"] : 0>;

/** An image shape put back together in the data format's order. */
export type JoinImage<
  Format extends DataFormat,
  Batch,
  Spatial extends readonly unknown[],
  Channels,
> = Format extends "channelsFirst" ? [Batch, Channels, ...Spatial] : [Batch, ...Spatial, Channels];

/** The message when a layer that sizes weights from the channel dimension gets a named one (known only by name). */
export type writeChannelsUnknownMessage<
  Layer extends string,
  Axis extends number,
> = `${Layer}: the channel dimension (axis ${Axis}) must be known: TensorFlow.js sizes the kernel from it`;

/**
 * tfjs's convolution rule (Conv1D, Conv2D): [batch, ...spatial, channels] → [batch, ...spatial′, filters]
 * (channels last), or [batch, channels, ...spatial] → [batch, filters, ...spatial′] (channels first).
 */
export type TfConvRule<
  Layer extends string,
  Rank extends number,
  Filters,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
  Dilations extends readonly unknown[],
  Format extends DataFormat,
  Input,
> =
  SplitImage<Layer, Rank, Format, Input> extends infer Split
    ? Split extends {
        batch: infer Batch;
        channels: infer Channels;
        spatial: infer Spatial extends Shape;
        axis: infer Axis extends unknown[];
      }
      ? Channels extends string
        ? writeChannelsUnknownMessage<Layer, Format extends "channelsFirst" ? 1 : Add<Rank, 1> & number>
        : TfConvLengths<Layer, Spatial, Kernels, Strides, Padding, Dilations, Axis> extends infer Sizes
          ? Sizes extends readonly Dim[]
            ? JoinImage<Format, Batch, Sizes, Filters>
            : Sizes
          : never
      : Split
    : never;

/** The message for padding "causal": tfjs declares it but its convolutions throw "not implemented". */
export type writeCausalMessage<Layer extends string> = `${Layer}: padding 'causal' is not implemented in TensorFlow.js`;

/** The message when strides and dilationRate are both above 1 (tfjs-core: "Either strides or dilations must be 1"). */
export type writeStridesDilationMessage<Layer extends string> =
  `${Layer}: strides and dilationRate cannot both be above 1 (TensorFlow.js)`;

/**
 * One spatial output size of a transposed convolution (tfjs's `deconvLength`), or `number` when unknown; "same"
 * with stride 1 keeps the dimension as it is.
 *
 * @example
 * type S = TfDeconvLength<7, 3, 2, "valid">;
 * //=> 15
 */
export type TfDeconvLength<Size extends Dim, Kernel, Stride, Padding> = [Padding, Stride] extends ["same", 1]
  ? Size
  : IsUnknown<Size> extends true
    ? number
    : Padding extends "same"
      ? Mul<Size, Stride>
      : Add<Mul<Size, Stride>, Compare<Kernel, Stride> extends "gt" ? Sub<Kernel, Stride> : 0>;
type TfDeconvLengths<
  Spatial extends Shape,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
  Sizes extends Dim[] = [],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? TfDeconvLengths<
      Rest,
      Tail<Kernels>,
      Tail<Strides>,
      Padding,
      [...Sizes, TfDeconvLength<Size, Kernels[0], Strides[0], Padding> & Dim]
    >
  : Sizes;

/**
 * tfjs's transposed convolution rule (Conv2DTranspose, Conv3DTranspose): [batch, ...spatial, channels] →
 * [batch, ...spatial′, filters] (channels last), or channels first; the channel dimension must be known.
 */
export type TfConvTransposeRule<
  Layer extends string,
  Rank extends number,
  Filters,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
  Format extends DataFormat,
  Input,
> =
  SplitImage<Layer, Rank, Format, Input> extends infer Split
    ? Split extends { batch: infer Batch; channels: infer Channels; spatial: infer Spatial extends Shape }
      ? Channels extends string
        ? writeChannelsUnknownMessage<Layer, Format extends "channelsFirst" ? 1 : Add<Rank, 1> & number>
        : JoinImage<Format, Batch, TfDeconvLengths<Spatial, Kernels, Strides, Padding>, Filters>
      : Split
    : never;

/**
 * tfjs's depthwise convolution rule (DepthwiseConv2D): the convolution's spatial sizes (tfjs's computeOutputShape
 * ignores the dilation, and so does its layer), channels × depthMultiplier.
 */
export type TfDepthwiseRule<
  Layer extends string,
  Multiplier,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
  Format extends DataFormat,
  Input,
> =
  SplitImage<Layer, 2, Format, Input> extends infer Split
    ? Split extends {
        batch: infer Batch;
        channels: infer Channels;
        spatial: infer Spatial extends Shape;
        axis: infer Axis extends unknown[];
      }
      ? Channels extends string
        ? writeChannelsUnknownMessage<Layer, Format extends "channelsFirst" ? 1 : 3>
        : TfConvLengths<Layer, Spatial, Kernels, Strides, Padding, [1, 1], Axis> extends infer Sizes
          ? Sizes extends readonly Dim[]
            ? JoinImage<Format, Batch, Sizes, IsUnknown<Channels> extends true ? number : Mul<Channels, Multiplier>>
            : Sizes
          : never
      : Split
    : never;

/** The message for a dilationRate above 1 where tfjs's layer ignores it (DepthwiseConv2D, Conv2DTranspose, Conv3DTranspose). */
export type writeIgnoredDilationMessage<
  Layer extends string,
  Class extends string,
> = `${Layer}: dilationRate above 1 is ignored by TensorFlow.js's ${Class} (its output would not be dilated)`;
