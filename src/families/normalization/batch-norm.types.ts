// PyTorch's batch normalization (BatchNorm1d/2d): the shape is kept; the channel dimension (1) must be
// numFeatures. An unknown channel dimension becomes numFeatures (checked when the model is built).
// Twin: src/families/normalization/batch-norm.ts.
import type { Add } from "../../../types/arith/index.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";

/** The message when the input's channel dimension differs from numFeatures. */
export type writeNumFeaturesMessage<
  Layer extends string,
  Channels extends Dim,
> = `${Layer}: numFeatures must equal the input's channel dimension ${Channels & number}`;

/** How messages name the inputs a batch norm accepts (`Ranks` 2 | 3, 4, 5, or `number`: rank 2 or more). */
export type BatchNormRankText<Ranks extends number> = number extends Ranks
  ? "[batch, channels, ...] (rank 2 or more)"
  : [Ranks] extends [2 | 3]
    ? "[batch, channels] or [batch, channels, length] (rank 2 or 3)"
    : [Ranks] extends [5]
      ? "[batch, channels, depth, height, width] (rank 5)"
      : "[batch, channels, height, width] (rank 4)";

/**
 * The batch norm rule: [batch, numFeatures, ...] → the same shape; the input's rank must be one of `Ranks`
 * (`number`: any rank from 2, syncBatchNorm). Lazy batch norms pass `number` as NumFeatures (any channels);
 * `Checked` false (neither affine nor trackRunningStats: no per-channel tensor) accepts any channels, as PyTorch.
 *
 * @example
 * type S = BatchNormRule<"batchNorm2d(64)", 4, 64, [number, 64, 28, 28]>;
 * //=> [number, 64, 28, 28]
 */
export type BatchNormRule<
  Layer extends string,
  Ranks extends number,
  NumFeatures,
  Input,
  Checked extends boolean = true,
> = Input extends [infer Batch, infer Channels extends Dim, ...infer Rest extends Shape] // shapes as they are (see ConvRule)
  ? BatchNormOf<Layer, Ranks, [Checked] extends [false] ? number : NumFeatures, Input, Batch, Channels, Rest>
  : Input extends readonly [infer Batch, infer Channels extends Dim, ...infer Rest extends Shape]
    ? BatchNormOf<Layer, Ranks, [Checked] extends [false] ? number : NumFeatures, Input, Batch, Channels, Rest>
    : writeRankMessage<Layer, BatchNormRankText<Ranks>, Input extends Shape ? Input["length"] : 0>;
// The rank is read from the dimensions after the channels, shared by many layers' inputs: reading a
// new tuple's "length" makes the compiler build all its members.
type BatchNormOf<
  Layer extends string,
  Ranks extends number,
  NumFeatures,
  Input,
  Batch,
  Channels extends Dim,
  Rest extends Shape,
> =
  Add<Rest["length"], 2> extends Ranks
    ? Channels extends string
      ? Input
      : IsUnknown<Channels> extends true
        ? [Batch, NumFeatures, ...Rest]
        : Channels extends NumFeatures
          ? Input
          : writeNumFeaturesMessage<Layer, Channels>
    : writeRankMessage<Layer, BatchNormRankText<Ranks>, Add<Rest["length"], 2> & number>;
