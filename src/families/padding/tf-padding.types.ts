// tfjs-layers' ZeroPadding2D and UpSampling2D on images (channels last by default). Twin: src/families/padding/tf-padding.ts.
//   zeroPadding2d({ padding }): rows + top + bottom, cols + left + right
//   upSampling2d({ size }):     rows · size[0], cols · size[1]
import type { Add, Mul } from "../../../types/arith/index.ts";
import type { Dim, IsUnknown } from "../../../types/shape/dims.ts";
import type { JoinImage, SplitImage } from "../conv/tf-conv.types.ts";
import type { DataFormat } from "../../../types/shape/tf-options.ts";

/** tfjs's padding argument: one size for all sides, [rows, cols], or [[top, bottom], [left, right]]. */
export type ZeroPadding =
  number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];

/** The padding as [[top, bottom], [left, right]]. */
export type PaddingPairs<Padding> = Padding extends readonly [
  readonly [infer Top, infer Bottom],
  readonly [infer Left, infer Right],
]
  ? [[Top, Bottom], [Left, Right]]
  : Padding extends readonly [infer Rows, infer Cols]
    ? [[Rows, Rows], [Cols, Cols]]
    : [[Padding, Padding], [Padding, Padding]];

type Padded<Size extends Dim, Pair> =
  IsUnknown<Size> extends true
    ? number
    : Pair extends readonly [infer Before, infer After]
      ? Add<Size, Add<Before, After>>
      : never;

/**
 * [batch, rows, cols, channels] → [batch, rows + top + bottom, cols + left + right, channels].
 *
 * @example
 * type Z = TfZeroPaddingRule<"zeroPadding2d()", [[1, 1], [1, 1]], "channelsLast", [number, 28, 28, 3]>;
 * //=> [number, 30, 30, 3]
 */
export type TfZeroPaddingRule<
  Layer extends string,
  Pairs extends readonly unknown[],
  Format extends DataFormat,
  Input,
> =
  SplitImage<Layer, 2, Format, Input> extends infer Split
    ? Split extends {
        batch: infer Batch;
        channels: infer Channels;
        spatial: readonly [infer Rows extends Dim, infer Cols extends Dim];
      }
      ? JoinImage<Format, Batch, [Padded<Rows, Pairs[0]> & Dim, Padded<Cols, Pairs[1]> & Dim], Channels>
      : Split
    : never;

type Scaled<Size extends Dim, Factor> = IsUnknown<Size> extends true ? number : Mul<Size, Factor>;

/**
 * [batch, rows, cols, channels] → [batch, rows · size[0], cols · size[1], channels].
 *
 * @example
 * type U = TfUpSamplingRule<"upSampling2d()", [2, 2], "channelsLast", [number, 7, 7, 64]>;
 * //=> [number, 14, 14, 64]
 */
export type TfUpSamplingRule<Layer extends string, Size extends readonly unknown[], Format extends DataFormat, Input> =
  SplitImage<Layer, 2, Format, Input> extends infer Split
    ? Split extends {
        batch: infer Batch;
        channels: infer Channels;
        spatial: readonly [infer Rows extends Dim, infer Cols extends Dim];
      }
      ? JoinImage<Format, Batch, [Scaled<Rows, Size[0]> & Dim, Scaled<Cols, Size[1]> & Dim], Channels>
      : Split
    : never;
