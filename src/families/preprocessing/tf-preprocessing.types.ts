// tfjs-layers' image and category preprocessing layers (Resizing, CenterCrop, RandomWidth, CategoryEncoding), by
// the shapes tfjs's call really gives: tfjs's computeOutputShape is wrong for Resizing and RandomWidth on a batch
// ([height, width, W] and [undefined, -1, W]) and for CategoryEncoding's 'int' mode, so shapecheck follows the
// tensors. Images are [batch, height, width, channels]. Twin: src/families/preprocessing/tf-preprocessing.ts.
import type { Add, Compare, Mul, Sub } from "../../../types/arith/index.ts";
import type { StripZeros } from "../../../types/arith/digits.ts";
import type { IsUnknown, Shape, ShowShape } from "../../../types/shape/dims.ts";

/** The message for an input that is not a batch of images (tfjs would take a rank-3 tensor as one image). */
export type writeImageRankMessage<
  Layer extends string,
  Input extends Shape,
> = `${Layer}: takes images [batch, height, width, channels] (input ${ShowShape<Input>} of rank ${Input["length"]})`;

type RankMessage<Layer extends string, Input> = Input extends Shape ? writeImageRankMessage<Layer, Input> : never;

/**
 * resizing({ height, width }) and centerCrop({ height, width }): [batch, H, W, C] → [batch, height, width, C].
 *
 * @example
 * type R = TfResizeRule<"resizing({ height: 8, width: 6 })", 8, 6, [number, 28, 28, 3]>;
 * //=> [number, 8, 6, 3]
 */
export type TfResizeRule<Layer extends string, Height, Width, Input> = Input extends readonly [
  infer Batch,
  unknown,
  unknown,
  infer Channels,
]
  ? [Batch, Height, Width, Channels]
  : RankMessage<Layer, Input>;

/**
 * randomWidth({ factor }): [batch, H, W, C] → [batch, H, number, C]: the width is drawn at each call.
 *
 * @example
 * type R = TfRandomWidthRule<"randomWidth({ factor: 0.2 })", -0.2, [number, 28, 28, 3]>;
 * //=> [number, 28, number, 3]
 */
export type TfRandomWidthRule<Layer extends string, Lower, Input> = Input extends readonly [
  infer Batch,
  infer Height,
  infer Width,
  infer Channels,
]
  ? ZeroWidth<Width, Lower> extends true
    ? writeZeroWidthMessage<Layer, Width, Lower>
    : [Batch, Height, number, Channels]
  : RankMessage<Layer, Input>;

/** The message when the drawn width can round to 0 (tfjs then resizes to nothing). */
export type writeZeroWidthMessage<
  Layer extends string,
  Width,
  Lower,
> = `${Layer}: the width ${Width & number} can become 0 (${Width & number} · (1 + ${Lower & number}) rounds to 0)`;
/** Whether W · (1 + lower) < 0.5 (it rounds to 0), in millionths. */
type ZeroWidth<Width, Lower> = Width extends number
  ? number extends Width | Lower
    ? false
    : Lower extends number
      ? Signed<Lower> extends [infer Sign, infer M extends number]
        ? Compare<Mul<Width, Sign extends "-" ? Sub<1000000, M> : Add<1000000, M>>, 500000> extends "lt"
          ? true
          : false
        : false
      : false
  : false;

/** The message for a factor that is not a positive number or [lower, upper] with −1 ≤ lower ≤ upper. */
export type writeFactorMessage<Layer extends string> =
  `${Layer}: factor must be a positive number, or [lower, upper] with -1 <= lower <= upper`;
// Decimal factors compared through their digits (the arithmetic of types/arith takes integers): the magnitude with
// six decimals as an integer, then the signs.
type Six<F extends string> =
  `${F}000000` extends `${infer A}${infer B}${infer C}${infer D}${infer E}${infer G}${string}`
    ? `${A}${B}${C}${D}${E}${G}`
    : never;
type Scaled<Abs extends string> = Abs extends `${infer I}.${infer F}` ? `${I}${Six<F>}` : `${Abs}000000`;
type Magnitude<Abs extends string> = StripZeros<Scaled<Abs>> extends `${infer N extends number}` ? N : never;
type Signed<N extends number> = `${N}` extends `-${infer Abs}` ? ["-", Magnitude<Abs>] : ["+", Magnitude<`${N}`>];
/** How two decimal literals compare ("lt", "eq", "gt"). */
type CompareDecimal<A extends number, B extends number> =
  Signed<A> extends [infer SA, infer MA]
    ? Signed<B> extends [infer SB, infer MB]
      ? SA extends "+"
        ? SB extends "+"
          ? Compare<MA, MB>
          : "gt"
        : SB extends "+"
          ? "lt"
          : Compare<MB, MA>
      : never
    : never;
type Fits<Lower extends number, Upper extends number> =
  CompareDecimal<Lower, -1> extends "lt"
    ? false
    : CompareDecimal<Upper, -1> extends "lt"
      ? false
      : CompareDecimal<Upper, Lower> extends "lt"
        ? false
        : true;
/** The problem of randomWidth's factor (literal numbers are checked; the runtime checks the others). */
export type FactorProblem<Layer extends string, Factor> = Factor extends readonly [infer Lower, infer Upper]
  ? number extends Lower | Upper
    ? false
    : Fits<Lower & number, Upper & number> extends true
      ? false
      : writeFactorMessage<Layer>
  : Factor extends number
    ? number extends Factor
      ? false
      : CompareDecimal<Factor, 0> extends "gt"
        ? false
        : writeFactorMessage<Layer>
    : writeFactorMessage<Layer>;

/** categoryEncoding's output modes. */
export type OutputMode = "oneHot" | "multiHot" | "count" | "tfIdf" | "int";

/** The message for an input categoryEncoding cannot encode in its mode. */
export type writeEncodingInputMessage<
  Layer extends string,
  Mode extends string,
  Input extends Shape,
> = `${Layer}: outputMode '${Mode}' encodes inputs ${Mode extends "oneHot" ? "[batch, 1]" : "[batch, tokens]"} (input ${ShowShape<Input>})`;
type EncodingMessage<Layer extends string, Mode extends string, Input> = Input extends Shape
  ? writeEncodingInputMessage<Layer, Mode, Input>
  : never;
/** The message for tfIdf (its weights are a call argument, which a layer of a model is not given). */
export type writeTfIdfMessage<Layer extends string> =
  `${Layer}: outputMode 'tfIdf' needs idf weights, which TensorFlow.js's CategoryEncoding takes only as a call argument`;

/**
 * categoryEncoding({ numTokens, outputMode = 'multiHot' }): token ids → [batch, numTokens]; 'oneHot' takes one
 * id per example ([batch, 1]; on [batch] tfjs drops the batch when it is 1), 'multiHot' and 'count' a list of ids
 * per example ([batch, tokens]; on [batch] tfjs counts the whole batch as one example); 'int' keeps the ids.
 *
 * @example
 * type E = TfCategoryEncodingRule<"categoryEncoding({ numTokens: 10 })", 10, "multiHot", [number, 4]>;
 * //=> [number, 10]
 */
export type TfCategoryEncodingRule<Layer extends string, NumTokens, Mode extends string, Input> = Mode extends "int"
  ? Input
  : Mode extends "tfIdf"
    ? writeTfIdfMessage<Layer>
    : Input extends readonly [infer Batch, infer Tokens]
      ? Mode extends "oneHot"
        ? Tokens extends 1
          ? [Batch, NumTokens]
          : IsUnknown<Tokens> extends true
            ? [Batch, NumTokens]
            : EncodingMessage<Layer, Mode, Input>
        : [Batch, NumTokens]
      : EncodingMessage<Layer, Mode, Input>;
