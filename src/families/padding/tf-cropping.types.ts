// tfjs-layers' Cropping2D on images (channels last by default): rows − top − bottom, cols − left − right, at least 1
// row and 1 column left (tfjs gives 0 or a negative size, or a slice of another size than its computeOutputShape).
// Twin: src/families/padding/tf-cropping.ts.
import type { Add, Compare, Sub } from "../../../types/arith/index.ts";
import type { Dim, IsUnknown } from "../../../types/shape/dims.ts";
import type { JoinImage, SplitImage } from "../conv/tf-conv.types.ts";
import type { DataFormat } from "../../../types/shape/tf-options.ts";

/** The message when the cropping leaves nothing of a spatial dimension. */
export type writeCroppingMessage<
  Layer extends string,
  Name extends string,
  Before,
  After,
  Size,
> = `${Layer}: cropping ${Before & number} + ${After & number} leaves no ${Name} of ${Size & number}`;

type Cropped<Layer extends string, Name extends string, Size extends Dim, Pair> =
  IsUnknown<Size> extends true
    ? number
    : Pair extends readonly [infer Before extends number, infer After extends number]
      ? number extends Before | After
        ? number
        : Compare<Add<Before, After>, Size> extends "lt"
          ? Sub<Size, Add<Before, After>>
          : writeCroppingMessage<Layer, Name, Before, After, Size>
      : never;

/**
 * [batch, rows, cols, channels] → [batch, rows − top − bottom, cols − left − right, channels].
 *
 * @example
 * type C = TfCroppingRule<"cropping2D({ cropping: 1 })", [[1, 1], [1, 1]], "channelsLast", [number, 28, 28, 3]>;
 * //=> [number, 26, 26, 3]
 */
export type TfCroppingRule<Layer extends string, Pairs extends readonly unknown[], Format extends DataFormat, Input> =
  SplitImage<Layer, 2, Format, Input> extends infer Split
    ? Split extends {
        batch: infer Batch;
        channels: infer Channels;
        spatial: readonly [infer Rows extends Dim, infer Cols extends Dim];
      }
      ? Cropped<Layer, "rows", Rows, Pairs[0]> extends infer R
        ? R extends string
          ? R
          : Cropped<Layer, "columns", Cols, Pairs[1]> extends infer C
            ? C extends string
              ? C
              : JoinImage<Format, Batch, [R & Dim, C & Dim], Channels>
            : never
        : never
      : Split
    : never;
