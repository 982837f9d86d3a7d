// layers.cropping2D: tfjs-layers' Cropping2D.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type { FirstSizeProblem } from "../../../types/shape/args.ts";
import type { PaddingPairs, ZeroPadding } from "./tf-padding.types.ts";
import type { TfCroppingRule } from "./tf-cropping.types.ts";
import type {
  At,
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
  DataFormat,
  FirstOptionProblem,
  InputShapeChecked,
  OptionOf,
  PlainOptions,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { requiredOptions, dataFormatOf, tfOptions, tfLayer } from "../../shape/tf-options.ts";
import { checkedPairs } from "./tf-padding.ts";
import { tfCroppingRule } from "./tf-cropping.ts";

/** tfjs-layers' `Cropping2DLayerArgs`. */
export interface Cropping2DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.cropping2D>[0]>,
  "cropping" | "dataFormat"
> {
  /** One size for every side, [rows, cols], or [[top, bottom], [left, right]]. */
  readonly cropping: ZeroPadding;
  /** Default "channelsLast". */
  readonly dataFormat?: DataFormat;
}
const shown = ["cropping", "dataFormat"] as const;
export const cropping2DOptions = tfOptions<Cropping2DArgs>()(shown);

/** `layers.cropping2D({ cropping })`: [batch, rows, cols, channels] → [batch, rows − top − bottom, cols − left − right, channels]. */
export interface Cropping2D<Args extends Cropping2DArgs = Cropping2DArgs> extends TfLayerOf<Args> {
  readonly kind: "Cropping2D";
  readonly "~rule": Cropping2DShapeRule<Args>;
}
/** The shape rule of Cropping2D. */
export interface Cropping2DShapeRule<Args extends Cropping2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "cropping2D",
    Args,
    this["~input"],
    TfCroppingRule<
      WrittenLayer<"cropping2D", Args, typeof shown>,
      PaddingPairs<OptionOf<Args, "cropping", 0>>,
      OptionOf<Args, "dataFormat", "channelsLast">,
      this["~input"]
    >
  >;
}
/** The config of layers.cropping2D (its runtime object). */
export interface TfCroppingConfig extends TfjsConfig<"Cropping2D", Cropping2DArgs> {
  readonly cropping: readonly (readonly [number, number])[];
  readonly dataFormat: DataFormat;
}

type Flat<Pairs> = Pairs extends [[infer Top, infer Bottom], [infer Left, infer Right]]
  ? [Top, Bottom, Left, Right]
  : [];
type CroppingProblem<Args, Layer extends string = WrittenLayer<"cropping2D", Args, typeof shown>> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "cropping2D", Args, keyof Cropping2DArgs>,
    At<"cropping", FirstSizeProblem<Layer, ["cropping"], [Flat<PaddingPairs<OptionOf<Args, "cropping", 0>>>], 0>>,
  ]
>;

/**
 * tfjs's `tf.layers.cropping2D({ cropping, dataFormat = "channelsLast" })`: cuts rows and columns off an image; at
 * least one row and one column must remain.
 *
 * @example
 * layers.cropping2D({ cropping: [[1, 2], [0, 3]] }); // [n, 8, 8, 2] → [n, 5, 5, 2]
 */
export const cropping2D: <
  const Args extends RequiredOptions<Cropping2DArgs>,
  Problem = PlainOptions<Args, keyof Cropping2DArgs, "cropping", 2> extends true ? false : CroppingProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, Cropping2DArgs>,
) => Cropping2D<Fitting<Args, Cropping2DArgs>> = tfLayer(
  "Cropping2D",
  "cropping2D",
  cropping2DOptions,
  shown,
  requiredOptions<Cropping2DArgs>()("cropping"),
  (layer, options: Cropping2DArgs) => {
    const pairs = checkedPairs(layer, "cropping", options.cropping);
    const dataFormat = dataFormatOf(layer, options);
    return {
      cropping: pairs,
      dataFormat,
      outputShape: (input) => tfCroppingRule(layer, pairs, dataFormat, input),
    };
  },
);
