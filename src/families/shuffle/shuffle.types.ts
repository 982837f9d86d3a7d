// Rules of torch.nn's "Vision" and "Shuffle" rearrangements: pixelShuffle (channels → space),
// pixelUnshuffle (space → channels), both on the last three dimensions, and channelShuffle (dimension 1).
// Twin: src/families/shuffle/shuffle.ts.
import type { FloorDiv, Mod, Mul } from "../../../types/arith/index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

/** The message when the input has fewer dimensions than the layer needs. */
export type writeShuffleRankMessage<
  Layer extends string,
  Rank extends number,
> = `${Layer}: expects an input of rank 3 or more ([batch, channels, ...]), got rank ${Rank}`;
/** The message when a dimension is not divisible as the layer needs. */
export type writeNotDivisibleMessage<
  Layer extends string,
  What extends string,
  By extends string,
  Size extends number,
> = `${Layer}: ${What} must be divisible by ${By}, got ${Size}`;

/** A dimension times a factor: unknown (number) for an unknown or named dimension. */
type Times<D, R extends number> = D extends number ? (number extends D | R ? number : Mul<D, R>) : number;
/** A dimension divided by a factor, or the message when it does not divide it. */
type DividedBy<D, R extends number, Message extends string> = D extends number
  ? number extends D | R
    ? number
    : Mod<D, R> extends 0
      ? FloorDiv<D, R>
      : Message
  : number;

/** pixelShuffle(r): [..., C, H, W] → [..., C / r², H·r, W·r]; C must be divisible by r². */
export type PixelShuffleRule<Layer extends string, R extends number, Input> = Input extends Shape
  ? Input extends readonly [...infer Lead, infer C, infer H, infer W]
    ? Times<R, R> extends infer R2 extends number
      ? DividedBy<
          C,
          R2,
          writeNotDivisibleMessage<Layer, "the channels (dimension -3)", `upscaleFactor² = ${R2}`, C & number>
        > extends infer Out
        ? Out extends string
          ? Out
          : [...Lead, Out, Times<H, R>, Times<W, R>]
        : never
      : never
    : writeShuffleRankMessage<Layer, Input["length"]>
  : never;

/** pixelUnshuffle(r): [..., C, H, W] → [..., C·r², H / r, W / r]; H and W must be divisible by r. */
export type PixelUnshuffleRule<Layer extends string, R extends number, Input> = Input extends Shape
  ? Input extends readonly [...infer Lead, infer C, infer H, infer W]
    ? DividedBy<
        H,
        R,
        writeNotDivisibleMessage<Layer, "the height (dimension -2)", `downscaleFactor ${R}`, H & number>
      > extends infer OutH
      ? OutH extends string
        ? OutH
        : DividedBy<
              W,
              R,
              writeNotDivisibleMessage<Layer, "the width (dimension -1)", `downscaleFactor ${R}`, W & number>
            > extends infer OutW
          ? OutW extends string
            ? OutW
            : [...Lead, Times<C, Times<R, R> & number>, OutH, OutW]
          : never
      : never
    : writeShuffleRankMessage<Layer, Input["length"]>
  : never;

/** channelShuffle(g): the shape is kept; the channels (dimension 1) must be divisible by g; rank 3 or more. */
export type ChannelShuffleRule<Layer extends string, G extends number, Input> = Input extends Shape
  ? Input extends readonly [unknown, infer C, unknown, ...unknown[]]
    ? DividedBy<
        C,
        G,
        writeNotDivisibleMessage<Layer, "the channels (dimension 1)", `groups ${G}`, C & number>
      > extends infer Out
      ? Out extends string
        ? Out
        : Input
      : never
    : writeShuffleRankMessage<Layer, Input["length"]>
  : never;
