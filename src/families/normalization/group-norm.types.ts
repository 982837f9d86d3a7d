// Rule of nn.groupNorm (PyTorch's GroupNorm): the shape is kept; rank 2 or more; the channels (dimension 1) must
// equal numChannels when affine (its weight has that size) and be divisible by numGroups.
// Twin: src/families/normalization/group-norm.ts.
import type { Mod } from "../../../types/arith/index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

export type writeGroupNormRankMessage<
  Layer extends string,
  Rank extends number,
> = `${Layer}: expects an input of rank 2 or more ([batch, channels, ...]), got rank ${Rank}`;
export type writeGroupNormChannelsMessage<
  Layer extends string,
  C extends number,
  Got,
> = `${Layer}: numChannels ${C} must equal the input's channels (dimension 1) ${Got & (number | string)}`;
export type writeGroupNormGroupsMessage<
  Layer extends string,
  G extends number,
  Got,
> = `${Layer}: the input's channels (dimension 1) ${Got & number} must be divisible by numGroups ${G}`;

/** The message when each group holds one value (PyTorch's training-mode "Expected more than 1 value per channel"). */
export type writeGroupNormSingleMessage<Layer extends string> =
  `${Layer}: each group holds a single value (batch 1, one channel per group, every other dimension 1): PyTorch refuses it when training`;

export type GroupNormRule<Layer extends string, G extends number, C extends number, Affine, Input> = Input extends Shape
  ? Input extends readonly [1, G, ...infer Rest]
    ? Rest[number] extends 1
      ? writeGroupNormSingleMessage<Layer>
      : GroupNormChannels<Layer, G, C, Affine, Input>
    : GroupNormChannels<Layer, G, C, Affine, Input>
  : never;
type GroupNormChannels<
  Layer extends string,
  G extends number,
  C extends number,
  Affine,
  Input extends Shape,
> = Input extends readonly [unknown, infer Channels, ...unknown[]]
  ? Channels extends number
    ? number extends Channels
      ? Input
      : Affine extends false
        ? Mod<Channels, G> extends 0
          ? Input
          : writeGroupNormGroupsMessage<Layer, G, Channels>
        : Channels extends C
          ? Input
          : writeGroupNormChannelsMessage<Layer, C, Channels>
    : Input // a named channel dimension: checked when the model is built
  : writeGroupNormRankMessage<Layer, Input["length"]>;

/** The message when numChannels is not divisible by numGroups (PyTorch's constructor refuses it). */
export type writeGroupNormDivisibleMessage<
  Layer extends string,
  C extends number,
  G extends number,
> = `${Layer}: numChannels ${C} must be divisible by numGroups ${G}`;
