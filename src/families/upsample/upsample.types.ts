// Rule of nn.upsample, nn.upsamplingNearest2d and nn.upsamplingBilinear2d (PyTorch 1.13's Upsample): the spatial
// dimensions (after batch and channels) become `size`, or ⌊size × scaleFactor⌋, one value or one per spatial
// dimension; the mode fixes the rank (nearest: 1 to 3 spatial dimensions, linear 1, bilinear and bicubic 2,
// trilinear 3). The size arithmetic (ScaledSize) is shared with ops.interpolate (src/ops/resize.ts).
// Twin: src/families/upsample/upsample.ts.
import type { Add, FloorDiv, Mod, Mul } from "../../../types/arith/index.ts";
import type { Dim, Shape, ShowShape } from "../../../types/shape/dims.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";

type StripZeros<S extends string> = S extends `0${infer R}` ? (R extends "" ? "0" : StripZeros<R>) : S;
type Zeros<S extends string> = S extends `${string}${infer R}` ? `0${Zeros<R>}` : "";
type ToNumber<S extends string> = S extends `${infer N extends number}` ? N : never;
/** 5^k for k decimals: a factor digits / 10^k is a binary fraction (exact in a double) when 5^k divides its digits. */
interface FivePower {
  "0": 5;
  "00": 25;
  "000": 125;
  "0000": 625;
  "00000": 3125;
  "000000": 15625;
}
/**
 * d × (digits / 10^k) for a factor with k decimals: ⌊d·digits / 10^k⌋, exact unless it divides evenly while the
 * factor is not a binary fraction (0.5, 0.25, 1.5, … are; 0.3, 0.29 are not): then `number`.
 */
type DecimalScaled<D, Whole extends string, Fraction extends string> =
  ToNumber<StripZeros<`${Whole}${Fraction}`>> extends infer Digits extends number
    ? Mul<D, Digits> extends infer P extends number
      ? ToNumber<`1${Zeros<Fraction>}`> extends infer Power extends number
        ? Mod<P, Power> extends 0
          ? Mod<Digits, FivePower[Zeros<Fraction> & keyof FivePower]> extends 0
            ? FloorDiv<P, Power> & Dim
            : number
          : FloorDiv<P, Power> & Dim
        : number
      : number
    : number;
/**
 * ⌊d × f⌋, PyTorch's output size for a scale factor (a product of doubles, floored). Exact for an integer factor
 * and a binary fraction (0.5, 1.5, 0.25: exact doubles); for another decimal (up to 6 decimals) when the exact
 * product is not an integer (its floor is the double's); `number` when it is (the double's may fall just below:
 * 0.29 × 100 = 28.999…), for a named or unknown dimension, and for longer decimals.
 *
 * @example
 * type A = ScaledSize<7, 2>; //=> 14
 * type B = ScaledSize<7, 0.5>; //=> 3
 * type C = ScaledSize<8, 0.5>; //=> 4
 * type D = ScaledSize<10, 0.3>; //=> number
 */
export type ScaledSize<D, F> = D extends string
  ? number
  : number extends D | F
    ? number
    : `${F & number}` extends `${string}e${string}`
      ? number
      : `${F & number}` extends `${infer Whole}.${infer Fraction}`
        ? Fraction extends `${infer _1}${infer _2}${infer _3}${infer _4}${infer _5}${infer _6}${infer _7}${string}` // 7+
          ? number
          : DecimalScaled<D, Whole, Fraction>
        : Mul<D, F> & Dim;

type Ones<N extends number, Out extends 1[] = []> = Out["length"] extends N ? Out : Ones<N, [...Out, 1]>;
/** One value per spatial dimension: the tuple as given, or a single number repeated. */
export type PerSpatial<V, N extends number> = V extends readonly number[]
  ? V
  : Ones<N> extends infer O extends unknown[]
    ? { [K in keyof O]: V }
    : never;

/** The modes of Upsample and the ranks they take. */
export interface UpsampleModeRanks {
  nearest: 3 | 4 | 5;
  linear: 3;
  bilinear: 4;
  bicubic: 4;
  trilinear: 5;
}
export type UpsampleMode = keyof UpsampleModeRanks;
/** How messages name the inputs of a mode. */
export type UpsampleRankText<Mode> = Mode extends "linear"
  ? `[batch, channels, length] (rank 3) in mode 'linear'`
  : Mode extends "bilinear" | "bicubic"
    ? `[batch, channels, height, width] (rank 4) in mode '${Mode}'`
    : Mode extends "trilinear"
      ? `[batch, channels, depth, height, width] (rank 5) in mode 'trilinear'`
      : `[batch, channels, ...1 to 3 spatial dimensions] (rank 3, 4 or 5) in mode 'nearest'`;

/** The message when the sizes or scale factors are not one per spatial dimension. */
export type writeUpsampleCountMessage<
  Layer extends string,
  Spatial extends number,
  Given extends number,
> = `${Layer}: the input has ${Spatial} spatial dimensions (after batch and channels), but ${Given} sizes or scale factors were given`;
/** The message when a scaled size is 0. */
export type writeUpsampleZeroMessage<
  Layer extends string,
  D extends number,
  F extends number,
> = `${Layer}: an output size would be ⌊${D} × ${F}⌋ = 0; every output size must be at least 1`;

/**
 * The upsample rule. `Size`: the `size` option (undefined when `scaleFactor` is given); `Factor`: `scaleFactor`.
 *
 * @example
 * type S = UpsampleRule<"upsample(scaleFactor 2)", "nearest", undefined, 2, [number, 3, 16, 16]>;
 * //=> [number, 3, 32, 32]
 */
export type UpsampleRule<Layer extends string, Mode, Size, Factor, Input> = Input extends [
  infer N extends Dim,
  infer C extends Dim,
  ...infer Spatial extends Shape,
] // shapes as they are (see ConvRule)
  ? UpsampleOf<Layer, Mode, Size, Factor, N, C, Spatial>
  : Input extends readonly [infer N extends Dim, infer C extends Dim, ...infer Spatial extends Shape]
    ? UpsampleOf<Layer, Mode, Size, Factor, N, C, Spatial>
    : writeRankMessage<Layer, UpsampleRankText<Mode>, Input extends Shape ? Input["length"] : 0>;
type UpsampleOf<
  Layer extends string,
  Mode,
  Size,
  Factor,
  N extends Dim,
  C extends Dim,
  Spatial extends Shape,
> = `${Spatial["length"]}` extends `${infer S extends number}`
  ? [Add<S, 2>] extends [UpsampleModeRanks[Mode & UpsampleMode]]
    ? [Size] extends [undefined]
      ? PerSpatial<Factor, S> extends infer Factors extends readonly unknown[]
        ? Factors["length"] extends S
          ? ScaleAll<Layer, Spatial, Factors, [N, C]>
          : writeUpsampleCountMessage<Layer, S, Factors["length"]>
        : never
      : PerSpatial<Size, S> extends infer Sizes extends readonly unknown[]
        ? Sizes["length"] extends S
          ? [N, C, ...{ -readonly [K in keyof Sizes]: Sizes[K] & Dim }]
          : writeUpsampleCountMessage<Layer, S, Sizes["length"]>
        : never
    : writeRankMessage<Layer, UpsampleRankText<Mode>, Add<S, 2> & number>
  : never;
type ScaleAll<
  Layer extends string,
  Spatial extends Shape,
  Factors extends readonly unknown[],
  Out extends Dim[],
> = Spatial extends readonly [infer D, ...infer Rest extends Shape]
  ? Factors extends readonly [infer F, ...infer More]
    ? ScaledSize<D, F> extends infer O extends Dim
      ? O extends 0
        ? writeUpsampleZeroMessage<Layer, D & number, F & number>
        : ScaleAll<Layer, Rest, More, [...Out, O]>
      : never
    : Out
  : Out;

/** How a layer is written in messages: `upsample(scaleFactor 2, 'bilinear')`, `upsample('bilinear')`. */
export type UpsampleName<
  Kind extends string,
  Size,
  Factor,
  Mode,
> = `${Kind}(${[Size] extends [undefined] ? ([Factor] extends [undefined] ? "" : `scaleFactor ${Show<Factor>}`) : `size ${Show<Size>}`}` extends infer Head extends
  string
  ? [Mode] extends [undefined]
    ? `${Head})`
    : `${Head}${Head extends `${Kind}(` ? "" : ", "}'${Mode & string}')`
  : never;
type Show<V> = V extends number ? `${V}` : V extends Shape ? ShowShape<V> : "?";
