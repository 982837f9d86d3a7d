// nn.pixelShuffle, nn.pixelUnshuffle (torch.nn's "Vision") and nn.channelShuffle ("Shuffle").
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, FirstSizeProblem } from "../../../types/shape/args.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { checkArguments, checkSizes } from "../../shape/args.ts";
import type { ChannelShuffleRule, PixelShuffleRule, PixelUnshuffleRule } from "./shuffle.types.ts";
import { channelShuffleRule, pixelShuffleRule, pixelUnshuffleRule } from "./shuffle.ts";

/** `nn.pixelShuffle(upscaleFactor)`: [..., C·r², H, W] → [..., C, H·r, W·r]. */
export interface PixelShuffle<R extends number> extends Layer, RuntimeLayer {
  readonly kind: "pixelShuffle";
  readonly upscaleFactor: R;
  readonly "~rule": PixelShuffleShapeRule<R>;
}
/** The shape rule of PixelShuffle. */
export interface PixelShuffleShapeRule<R extends number> extends ShapeRule {
  readonly "~output": PixelShuffleRule<`pixelShuffle(${R})`, R, this["~input"]>;
}
/** `nn.pixelUnshuffle(downscaleFactor)`: [..., C, H·r, W·r] → [..., C·r², H, W]. */
export interface PixelUnshuffle<R extends number> extends Layer, RuntimeLayer {
  readonly kind: "pixelUnshuffle";
  readonly downscaleFactor: R;
  readonly "~rule": PixelUnshuffleShapeRule<R>;
}
/** The shape rule of PixelUnshuffle. */
export interface PixelUnshuffleShapeRule<R extends number> extends ShapeRule {
  readonly "~output": PixelUnshuffleRule<`pixelUnshuffle(${R})`, R, this["~input"]>;
}
/** `nn.channelShuffle(groups)`: the channels regrouped; the shape is kept. */
export interface ChannelShuffle<G extends number> extends Layer, RuntimeLayer {
  readonly kind: "channelShuffle";
  readonly groups: G;
  readonly "~rule": ChannelShuffleShapeRule<G>;
}
/** The shape rule of ChannelShuffle. */
export interface ChannelShuffleShapeRule<G extends number> extends ShapeRule {
  readonly "~output": ChannelShuffleRule<`channelShuffle(${G})`, G, this["~input"]>;
}

/** The config of these layers (their runtime objects). */
export interface ShuffleConfig extends RuntimeLayer {
  readonly kind: "pixelShuffle" | "pixelUnshuffle" | "channelShuffle";
  readonly upscaleFactor?: number;
  readonly downscaleFactor?: number;
  readonly groups?: number;
}

/** A shuffle layer: `kind(value)` with its one size argument `key` checked, and its rule on the input. */
/** The builder of a shuffle layer: its one argument `key`, a positive size, to the layer of `rule`. */
const shuffleLayer =
  (
    kind: ShuffleConfig["kind"],
    key: "upscaleFactor" | "downscaleFactor" | "groups",
    rule: (layer: string, value: number, input: RuntimeShape) => RuntimeShape,
  ) =>
  (...args: unknown[]): never => {
    const value = args[0] as number;
    const layer = `${kind}(${value})`;
    checkArguments(layer, args, [key]);
    checkSizes(layer, { [key]: value });
    const runtime: ShuffleConfig = {
      kind,
      written: layer,
      [key]: value,
      outputShape: (input) => rule(layer, value, input),
    };
    return runtime as never;
  };

/**
 * PyTorch's `nn.PixelShuffle(upscale_factor)` (ESPCN's sub-pixel convolution): the channels, divisible by
 * r², become an r × r block of each position of the last two dimensions.
 *
 * @example
 * nn.pixelShuffle(2); // [n, 12, 8, 8] → [n, 3, 16, 16]
 */
export const pixelShuffle: <const R extends number>(
  upscaleFactor: Arg<R, FirstSizeProblem<`pixelShuffle(${R})`, ["upscaleFactor"], [R]>>,
) => PixelShuffle<R> = shuffleLayer("pixelShuffle", "upscaleFactor", pixelShuffleRule);

/**
 * PyTorch's `nn.PixelUnshuffle(downscale_factor)`: each r × r block of the last two dimensions (divisible
 * by r) becomes r² channels.
 *
 * @example
 * nn.pixelUnshuffle(2); // [n, 3, 16, 16] → [n, 12, 8, 8]
 */
export const pixelUnshuffle: <const R extends number>(
  downscaleFactor: Arg<R, FirstSizeProblem<`pixelUnshuffle(${R})`, ["downscaleFactor"], [R]>>,
) => PixelUnshuffle<R> = shuffleLayer("pixelUnshuffle", "downscaleFactor", pixelUnshuffleRule);

/**
 * PyTorch's `nn.ChannelShuffle(groups)` (ShuffleNet): the channels (dimension 1, divisible by groups) seen
 * as [groups, C / groups] and transposed.
 *
 * @example
 * nn.channelShuffle(2); // [n, 8, 4, 4] → [n, 8, 4, 4]
 */
export const channelShuffle: <const G extends number>(
  groups: Arg<G, FirstSizeProblem<`channelShuffle(${G})`, ["groups"], [G]>>,
) => ChannelShuffle<G> = shuffleLayer("channelShuffle", "groups", channelShuffleRule);
