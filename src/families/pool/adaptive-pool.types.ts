// PyTorch's adaptive pooling (AdaptiveAvgPool1d/2d, AdaptiveMaxPool2d): the spatial dimensions become
// `outputSize`, whatever their input size; a `null` entry keeps that input size (PyTorch's None).
// Twin: src/families/pool/adaptive-pool.ts.
import type { Add } from "../../../types/arith/index.ts";
import type { RankText, writeRankMessage } from "../conv/conv.types.ts";
import type { Dim, Shape } from "../../../types/shape/dims.ts";

/** The output sizes: each `outputSize` entry, or the input's size where the entry is `null`. */
export type AdaptiveSizes<
  Spatial extends Shape,
  Sizes extends readonly unknown[],
  Out extends Dim[] = [],
> = Spatial extends readonly [infer Size extends Dim, ...infer Rest extends Shape]
  ? Sizes extends readonly [infer Wanted, ...infer More]
    ? AdaptiveSizes<Rest, More, [...Out, Wanted extends null ? Size : Wanted & Dim]>
    : Out
  : Out;

/**
 * The adaptive pooling rule: [batch, channels, ...spatial] → [batch, channels, ...outputSize].
 *
 * @example
 * type S = AdaptivePoolRule<"adaptiveAvgPool2d([null, 7])", 2, [null, 7], [number, 512, 13, 9]>;
 * //=> [number, 512, 13, 7]
 */
export type AdaptivePoolRule<
  Layer extends string,
  Rank extends number,
  Sizes extends readonly unknown[],
  Input,
> = Input extends [infer Batch, infer Channels, ...infer Spatial extends Shape] // shapes as they are (see ConvRule)
  ? AdaptivePoolOf<Layer, Rank, Sizes, Batch, Channels, Spatial>
  : Input extends readonly [infer Batch, infer Channels, ...infer Spatial extends Shape]
    ? AdaptivePoolOf<Layer, Rank, Sizes, Batch, Channels, Spatial>
    : writeRankMessage<Layer, RankText<Rank>, Input extends Shape ? Input["length"] : 0>;
type AdaptivePoolOf<
  Layer extends string,
  Rank extends number,
  Sizes extends readonly unknown[],
  Batch,
  Channels,
  Spatial extends Shape,
> = Spatial["length"] extends Rank
  ? [Batch, Channels, ...AdaptiveSizes<Spatial, Sizes>]
  : writeRankMessage<Layer, RankText<Rank>, Add<Spatial["length"], 2> & number>;
