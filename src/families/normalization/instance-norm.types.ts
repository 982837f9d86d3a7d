// Rule of nn.instanceNorm1d/2d/3d and nn.lazyInstanceNorm1d/2d/3d (PyTorch 1.13's InstanceNorm): the shape is kept.
// The input is batched ([batch, channels, ...K spatial]) or unbatched ([channels, ...K spatial]: PyTorch reads
// dimension 0 as the channels, here the model's batch dimension). With weights (affine) or running statistics
// (trackRunningStats) the channels must be numFeatures (lazy: numFeatures is dimension 1, even unbatched, as
// PyTorch's LazyInstanceNorm); without them any channels go. Training needs more than one spatial element.
// Twin: src/families/normalization/instance-norm.ts.
import type { Add } from "../../../types/arith/index.ts";
import type { Dim, Shape } from "../../../types/shape/dims.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";

/** How messages name the inputs of an instance norm over `K` spatial dimensions. */
export type InstanceNormRankText<K extends number> = K extends 1
  ? "[batch, channels, length] or [channels, length] (rank 3 or 2)"
  : K extends 2
    ? "[batch, channels, height, width] or [channels, height, width] (rank 4 or 3)"
    : "[batch, channels, depth, height, width] or [channels, depth, height, width] (rank 5 or 4)";

/** The message when the channels differ from numFeatures (the weights or running statistics have numFeatures). */
export type writeInstanceNormChannelsMessage<
  Layer extends string,
  NumFeatures extends string,
  Axis extends number,
  Channels,
> = `${Layer}: numFeatures ${NumFeatures} must equal the input's channels (dimension ${Axis}) ${Channels & number} when affine or trackRunningStats`;

/** The message when each instance has a single value (PyTorch refuses it when training). */
export type writeInstanceNormSpatialMessage<Layer extends string> =
  `${Layer}: each channel of each instance holds a single value (every spatial dimension 1): PyTorch refuses it when training`;

/**
 * The instance norm rule over `K` spatial dimensions (`Batched` = K + 2, `Unbatched` = K + 1). `NumFeatures`
 * "lazy": dimension 1. `Checked`: affine or trackRunningStats.
 *
 * @example
 * type S = InstanceNormRule<"instanceNorm2d(3)", 2, 4, 3, 3, false, [number, 3, 32, 32]>;
 * //=> [number, 3, 32, 32]
 */
export type InstanceNormRule<
  Layer extends string,
  K extends number,
  Batched extends number,
  Unbatched extends number,
  NumFeatures,
  Checked extends boolean,
  Input,
> = Input extends [infer A extends Dim, infer B extends Dim, ...infer Rest extends Shape] // shapes as they are
  ? InstanceNormOf<Layer, K, Batched, Unbatched, NumFeatures, Checked, Input, A, B, Rest>
  : Input extends readonly [infer A extends Dim, infer B extends Dim, ...infer Rest extends Shape]
    ? InstanceNormOf<Layer, K, Batched, Unbatched, NumFeatures, Checked, Input, A, B, Rest>
    : writeRankMessage<Layer, InstanceNormRankText<K>, Input extends Shape ? Input["length"] : 0>;
type InstanceNormOf<
  Layer extends string,
  K extends number,
  Batched extends number,
  Unbatched extends number,
  NumFeatures,
  Checked extends boolean,
  Input,
  A extends Dim,
  B extends Dim,
  Rest extends Shape,
> =
  Add<Rest["length"], 2> extends infer Rank extends number
    ? Rank extends Batched
      ? Spatial<Layer, Rest, Channels<Layer, NumFeatures extends "lazy" ? B : NumFeatures, Checked, 1, B, Input>>
      : Rank extends Unbatched
        ? Spatial<
            Layer,
            [B, ...Rest],
            Channels<Layer, NumFeatures extends "lazy" ? B : NumFeatures, Checked, 0, A, Input>
          >
        : writeRankMessage<Layer, InstanceNormRankText<K>, Rank>
    : never;
/** More than one spatial element (a `number` or named dimension may be larger: checked when the model runs). */
type Spatial<Layer extends string, Dims extends Shape, Then> = Dims[number] extends 1
  ? writeInstanceNormSpatialMessage<Layer>
  : Then;
type Channels<Layer extends string, NumFeatures, Checked extends boolean, Axis extends number, C, Input> = [
  Checked,
] extends [false]
  ? Input
  : C extends number
    ? number extends C
      ? Input
      : NumFeatures extends number
        ? number extends NumFeatures
          ? Input
          : C extends NumFeatures
            ? Input
            : writeInstanceNormChannelsMessage<Layer, `${NumFeatures}`, Axis, C>
        : Input
    : Input; // a named channel dimension: checked when the model is built
