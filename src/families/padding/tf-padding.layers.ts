// layers.zeroPadding2d / upSampling2d: tfjs-layers' ZeroPadding2D and UpSampling2D.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { FirstSizeProblem } from "../../../types/shape/args.ts";
import type { PaddingPairs, TfUpSamplingRule, TfZeroPaddingRule, ZeroPadding } from "./tf-padding.types.ts";
import type {
  At,
  CheckedOptions,
  DataFormat,
  FirstOptionProblem,
  OptionOf,
  PlainOptions,
  UnknownOptionProblem,
  WrittenLayer,
  LooseOptions,
  CheckedLooseOptions,
  LaterTupleOption,
  InputShapeChecked,
} from "../../../types/shape/tf-options.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { checkSizes } from "../../shape/args.ts";
import { checkedPairs, tfUpSamplingRule, tfZeroPaddingRule } from "./tf-padding.ts";
import { choiceOf, dataFormatOf, tfOptions, optionOf, tfLayer } from "../../shape/tf-options.ts";

// ---- zeroPadding2d

/** tfjs-layers' `ZeroPadding2DLayerArgs`. */
export interface ZeroPadding2DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.zeroPadding2d>[0]>,
  "padding" | "dataFormat"
> {
  /** Default 1: one size for every side, [rows, cols], or [[top, bottom], [left, right]]. */
  readonly padding?: ZeroPadding;
  /** Default "channelsLast". */
  readonly dataFormat?: DataFormat;
}
const zeroPaddingShown = ["padding", "dataFormat"] as const;
const upSamplingShown = ["size", "dataFormat"] as const;
export const zeroPadding2dOptions = tfOptions<ZeroPadding2DArgs>()(zeroPaddingShown);

/** `layers.zeroPadding2d({ padding })`: [batch, rows, cols, channels] → [batch, rows + top + bottom, cols + left + right, channels]. */
export interface ZeroPadding2D<Args extends ZeroPadding2DArgs = {}> extends Layer, RuntimeLayer {
  readonly kind: "ZeroPadding2D";
  readonly args: Args;
  readonly padding: PaddingPairs<OptionOf<Args, "padding", 1>>;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
  readonly "~rule": ZeroPadding2DShapeRule<Args>;
}
/** The shape rule of ZeroPadding2D. */
export interface ZeroPadding2DShapeRule<Args extends ZeroPadding2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "zeroPadding2d",
    Args,
    this["~input"],
    TfZeroPaddingRule<
      WrittenLayer<"zeroPadding2d", Args, typeof zeroPaddingShown>,
      PaddingPairs<OptionOf<Args, "padding", 1>>,
      OptionOf<Args, "dataFormat", "channelsLast">,
      this["~input"]
    >
  >;
}
type Flat<Pairs> = Pairs extends [[infer Top, infer Bottom], [infer Left, infer Right]]
  ? [Top, Bottom, Left, Right]
  : [];
type ZeroPaddingProblem<
  Args,
  Layer extends string = WrittenLayer<"zeroPadding2d", Args, typeof zeroPaddingShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "zeroPadding2d", Args, keyof ZeroPadding2DArgs>,
    At<"padding", FirstSizeProblem<Layer, ["padding"], [Flat<PaddingPairs<OptionOf<Args, "padding", 1>>>], 0>>,
  ]
>;

/** The message for a padding that is not a number, [rows, cols] or [[top, bottom], [left, right]]. */
export interface TfZeroPaddingConfig extends TfjsConfig<"ZeroPadding2D", ZeroPadding2DArgs> {
  readonly padding: readonly (readonly [number, number])[];
  readonly dataFormat: DataFormat;
}

/**
 * tfjs's `tf.layers.zeroPadding2d({ padding = 1, dataFormat = "channelsLast" })`: zeros around an image.
 *
 * @example
 * layers.zeroPadding2d({ padding: [[1, 2], [0, 3]] }); // [n, 4, 5, 2] → [n, 7, 8, 2]
 */
export const zeroPadding2d: <
  const Args extends ZeroPadding2DArgs | LooseOptions = {},
  Problem = PlainOptions<Args, keyof ZeroPadding2DArgs, "padding", 2> extends true ? false : ZeroPaddingProblem<Args>,
>(
  args?: CheckedLooseOptions<Args, Problem, ZeroPadding2DArgs>,
) => ZeroPadding2D<Args> = tfLayer(
  "ZeroPadding2D",
  "zeroPadding2d",
  zeroPadding2dOptions,
  zeroPaddingShown,
  [],
  (layer, options: ZeroPadding2DArgs) => {
    const pairs = checkedPairs(layer, "padding", optionOf(options, "padding", 1));
    const dataFormat = dataFormatOf(layer, options);
    return {
      padding: pairs,
      dataFormat,
      outputShape: (input) => tfZeroPaddingRule(layer, pairs, dataFormat, input),
    };
  },
);

// ---- upSampling2d

/** tfjs-layers' `UpSampling2DLayerArgs`. */
export interface UpSampling2DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.upSampling2d>[0]>,
  "size" | "dataFormat"
> {
  /** Default [2, 2]: the factors for rows and columns (a tuple: TensorFlow.js ignores a single number). */
  readonly size?: number | readonly number[];
  /** Default "channelsLast". */
  readonly dataFormat?: DataFormat;
}
export const upSampling2dOptions = tfOptions<UpSampling2DArgs>()(upSamplingShown, "interpolation");

/** `layers.upSampling2d({ size })`: [batch, rows, cols, channels] → [batch, rows · size[0], cols · size[1], channels]. */
export interface UpSampling2D<Args extends UpSampling2DArgs = {}> extends Layer, RuntimeLayer {
  readonly kind: "UpSampling2D";
  readonly args: Args;
  readonly size: OptionOf<Args, "size", [2, 2]>;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
  readonly "~rule": UpSampling2DShapeRule<Args>;
}
/** The shape rule of UpSampling2D. */
export interface UpSampling2DShapeRule<Args extends UpSampling2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "upSampling2d",
    Args,
    this["~input"],
    TfUpSamplingRule<
      WrittenLayer<"upSampling2d", Args, typeof upSamplingShown>,
      OptionOf<Args, "size", [2, 2]> & readonly unknown[],
      OptionOf<Args, "dataFormat", "channelsLast">,
      this["~input"]
    >
  >;
}

/** The message for a size that is not a tuple [rows, cols]. */
export type writeUpSamplingSizeMessage<Layer extends string> =
  `${Layer}: size must be a tuple [rows, cols] (TensorFlow.js)`;
export const writeUpSamplingSizeMessage = (layer: string): string =>
  `${layer}: size must be a tuple [rows, cols] (TensorFlow.js)`;
type SizeProblemOf<Layer extends string, Size> = Size extends readonly [unknown, unknown]
  ? FirstSizeProblem<Layer, ["size"], [Size]>
  : writeUpSamplingSizeMessage<Layer>;
type UpSamplingProblem<
  Args,
  Layer extends string = WrittenLayer<"upSampling2d", Args, typeof upSamplingShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "upSampling2d", Args, keyof UpSampling2DArgs>,
    At<"size", SizeProblemOf<Layer, OptionOf<Args, "size", [2, 2]>>>,
  ]
>;

/** The config of layers.upSampling2d (its runtime object). */
export interface TfUpSamplingConfig extends TfjsConfig<"UpSampling2D", UpSampling2DArgs> {
  readonly size: number | readonly number[];
  readonly interpolation: "nearest" | "bilinear";
  readonly dataFormat: DataFormat;
}

/**
 * tfjs's `tf.layers.upSampling2d({ size = [2, 2], interpolation = "nearest", dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.upSampling2d({ size: [2, 3] }); // [n, 4, 5, 2] → [n, 8, 15, 2]
 */
export const upSampling2d: <
  const Args extends UpSampling2DArgs | LooseOptions = {},
  Problem = [PlainOptions<Args, keyof UpSampling2DArgs, "size", 2>, OptionOf<Args, "size", [2, 2]>] extends [
    true,
    readonly unknown[],
  ]
    ? false
    : UpSamplingProblem<Args>,
>(
  args?: CheckedLooseOptions<Args, Problem, UpSampling2DArgs> | LaterTupleOption<Args, "size">,
) => UpSampling2D<Args> = tfLayer(
  "UpSampling2D",
  "upSampling2d",
  upSampling2dOptions,
  upSamplingShown,
  [],
  (layer, options: UpSampling2DArgs) => {
    const size = optionOf<number | readonly number[]>(options, "size", [2, 2]);
    if (!(Array.isArray(size) && size.length === 2)) throw new ShapeError(writeUpSamplingSizeMessage(layer));
    checkSizes(layer, { size });
    const interpolation = choiceOf(layer, options, "interpolation", ["nearest", "bilinear"]);
    const dataFormat = dataFormatOf(layer, options);
    return {
      size,
      interpolation,
      dataFormat,
      outputShape: (input) => tfUpSamplingRule(layer, size, dataFormat, input),
    };
  },
);
