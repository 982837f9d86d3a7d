// tfjs-layers' pooling (MaxPooling1D/2D, AveragePooling1D/2D): tfjs's `convOutputLength` with dilation 1, the
// channels kept; global pooling keeps [batch, channels]. Twin: src/families/pool/tf-pool.ts.
import type { Shape } from "../../../types/shape/dims.ts";
import type { JoinImage, SplitImage, TfConvLengths } from "../conv/tf-conv.types.ts";
import type { DataFormat } from "../../../types/shape/tf-options.ts";

/** Dilation 1 for every spatial dimension. */
type Ones<Rank extends number, Values extends 1[] = []> = Values["length"] extends Rank
  ? Values
  : Ones<Rank, [...Values, 1]>;

/**
 * tfjs's pooling rule: [batch, ...spatial, channels] → [batch, ...spatial′, channels] (channels last), with
 * spatial′ = ⌈(n − poolSize + 1) / strides⌉ ("valid") or ⌈n / strides⌉ ("same").
 */
export type TfPoolRule<
  Layer extends string,
  Rank extends number,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
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
      ? TfConvLengths<Layer, Spatial, Kernels, Strides, Padding, Ones<Rank>, Axis> extends infer Sizes
        ? Sizes extends readonly unknown[]
          ? JoinImage<Format, Batch, Sizes, Channels>
          : Sizes
        : never
      : Split
    : never;

/** tfjs's global pooling rule: [batch, ...spatial, channels] → [batch, channels]. */
export type TfGlobalPoolRule<Layer extends string, Rank extends number, Format extends DataFormat, Input> =
  SplitImage<Layer, Rank, Format, Input> extends infer Split
    ? Split extends { batch: infer Batch; channels: infer Channels }
      ? [Batch, Channels]
      : Split
    : never;
