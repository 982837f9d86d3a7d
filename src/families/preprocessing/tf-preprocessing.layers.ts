// layers.resizing, centerCrop, randomWidth, categoryEncoding: tfjs-layers' preprocessing layers (the rules:
// tf-preprocessing.types.ts, twin tf-preprocessing.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type {
  At,
  CheckedLooseOptions,
  FirstOptionProblem,
  Fitting,
  InputShapeChecked,
  KnownOptions,
  OptionOf,
  RequiredOptions,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";

import { checkSizeOption, choiceOf, tfOptions, requiredOptions, tfLayer } from "../../shape/tf-options.ts";
import type {
  FactorProblem,
  TfCategoryEncodingRule,
  TfRandomWidthRule,
  TfResizeRule,
} from "./tf-preprocessing.types.ts";
import {
  factorBounds,
  outputModes,
  tfCategoryEncodingRule,
  tfRandomWidthRule,
  tfResizeRule,
  type OutputMode,
} from "./tf-preprocessing.ts";

/** tfjs-layers' `ResizingArgs`. */
export type ResizingArgs = Parameters<typeof tfl.layers.resizing>[0] & {};
/** tfjs-layers' `CenterCropArgs`. */
export type CenterCropArgs = Parameters<typeof tfl.layers.centerCrop>[0] & {};
/** tfjs-layers' `RandomWidthArgs`. */
export type RandomWidthArgs = Parameters<typeof tfl.layers.randomWidth>[0];
/** tfjs-layers' `CategoryEncodingArgs`. */
export type CategoryEncodingArgs = Parameters<typeof tfl.layers.categoryEncoding>[0];

const factorShown = ["factor"] as const;
const sizeShown = ["height", "width"] as const;
const encodingShown = ["numTokens", "outputMode"] as const;
export const resizingOptions = tfOptions<ResizingArgs>()(sizeShown, "interpolation cropToAspectRatio");
export const centerCropOptions = tfOptions<CenterCropArgs>()(sizeShown);
export const randomWidthOptions = tfOptions<RandomWidthArgs>()(factorShown, "interpolation seed autoVectorize");
export const categoryEncodingOptions = tfOptions<CategoryEncodingArgs>()(encodingShown);
const interpolations = ["bilinear", "nearest"] as const;

// ---- the layer types

/** `layers.resizing({ height, width })`: [batch, H, W, C] → [batch, height, width, C]. */
export interface Resizing<Args extends ResizingArgs = ResizingArgs> extends TfLayerOf<Args> {
  readonly kind: "Resizing";
  readonly "~rule": ResizeShapeRule<"resizing", Args>;
}
/** `layers.centerCrop({ height, width })`: [batch, H, W, C] → [batch, height, width, C]. */
export interface CenterCrop<Args extends CenterCropArgs = CenterCropArgs> extends TfLayerOf<Args> {
  readonly kind: "CenterCrop";
  readonly "~rule": ResizeShapeRule<"centerCrop", Args>;
}
/** The shape rule of Resizing and CenterCrop. */
export interface ResizeShapeRule<
  Name extends string,
  Args extends { height: number; width: number },
> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    Name,
    Args,
    this["~input"],
    TfResizeRule<WrittenLayer<Name, Args, typeof sizeShown>, Args["height"], Args["width"], this["~input"]>
  >;
}
/** The lower bound of a factor: −f for one number, the first of a pair. */
type FactorLower<Factor> = Factor extends readonly [infer Lower, unknown]
  ? Lower
  : Factor extends number
    ? `-${Factor}` extends `${infer Negated extends number}`
      ? Negated
      : number
    : number;
/** `layers.randomWidth({ factor })`: [batch, H, W, C] → [batch, H, number, C] (the width is drawn at each call). */
export interface RandomWidth<Args extends RandomWidthArgs = RandomWidthArgs> extends TfLayerOf<Args> {
  readonly kind: "RandomWidth";
  readonly "~rule": RandomWidthShapeRule<Args>;
}
export interface RandomWidthShapeRule<Args extends RandomWidthArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "randomWidth",
    Args,
    this["~input"],
    TfRandomWidthRule<
      WrittenLayer<"randomWidth", Args, typeof factorShown>,
      FactorLower<Args["factor"]>,
      this["~input"]
    >
  >;
}
/** `layers.categoryEncoding({ numTokens, outputMode = 'multiHot' })`: token ids → [batch, numTokens]. */
export interface CategoryEncoding<Args extends CategoryEncodingArgs = CategoryEncodingArgs> extends TfLayerOf<Args> {
  readonly kind: "CategoryEncoding";
  readonly "~rule": CategoryEncodingShapeRule<Args>;
}
export interface CategoryEncodingShapeRule<Args extends CategoryEncodingArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "categoryEncoding",
    Args,
    this["~input"],
    TfCategoryEncodingRule<
      WrittenLayer<"categoryEncoding", Args, typeof encodingShown>,
      Args["numTokens"],
      OptionOf<Args, "outputMode", "multiHot"> & string,
      this["~input"]
    >
  >;
}

// ---- the configs (runtime objects)

export interface TfResizingConfig extends TfjsConfig<"Resizing", ResizingArgs> {
  readonly height: number;
  readonly width: number;
  readonly interpolation: "bilinear" | "nearest";
}
export interface TfCenterCropConfig extends TfjsConfig<"CenterCrop", CenterCropArgs> {
  readonly height: number;
  readonly width: number;
}
export interface TfRandomWidthConfig extends TfjsConfig<"RandomWidth", RandomWidthArgs> {
  /** The width factor's bounds: the width is W · (1 + f), f uniform in [lower, upper], rounded. */
  readonly factor: readonly [number, number];
  readonly interpolation: "bilinear" | "nearest";
}
export interface TfCategoryEncodingConfig extends TfjsConfig<"CategoryEncoding", CategoryEncodingArgs> {
  readonly numTokens: number;
  readonly outputMode: OutputMode;
}

// ---- the builders

type Unknown<Name extends string, Args, Known, Shown extends readonly string[]> = UnknownOptionProblem<
  WrittenLayer<Name, Args, Shown>,
  Name,
  Args,
  Known
>;
type SizesProblem<Name extends string, Args, Known, Shown extends readonly string[], Keys extends readonly string[]> =
  KnownOptions<Args, Known> extends true
    ? FirstOptionProblem<{ [I in keyof Keys]: SizeOptionProblem<WrittenLayer<Name, Args, Shown>, Args, Keys[I]> }>
    : Unknown<Name, Args, Known, Shown>;

/** resizing and centerCrop: height and width (required sizes) checked, the images made height × width. */
function sizeLayer<Kind extends "Resizing" | "CenterCrop", Args extends ResizingArgs | CenterCropArgs>(
  kind: Kind,
  name: "resizing" | "centerCrop",
  known: ReadonlySet<string>,
  settings: (layer: string, options: Args) => object = () => ({}),
) {
  const required = requiredOptions<ResizingArgs & CenterCropArgs>()("height", "width");
  return tfLayer(kind, name, known, sizeShown, required, (layer, options: Args) => {
    checkSizeOption(layer, options, "height");
    checkSizeOption(layer, options, "width");
    return {
      height: options.height,
      width: options.width,
      ...settings(layer, options),
      outputShape: (input) => tfResizeRule(layer, options.height, options.width, input),
    };
  });
}

/**
 * tfjs's `tf.layers.resizing({ height, width, interpolation = 'bilinear', cropToAspectRatio })`: images resized
 * to height × width (cropToAspectRatio changes the values only: tfjs passes it as alignCorners).
 *
 * @example
 * layers.resizing({ height: 14, width: 14 }); // [n, 28, 28, 1] → [n, 14, 14, 1]
 */
export const resizing: <
  const Args extends RequiredOptions<ResizingArgs>,
  Problem = SizesProblem<"resizing", Args, keyof ResizingArgs, typeof sizeShown, ["height", "width"]>,
>(
  args: CheckedLooseOptions<Args, Problem, ResizingArgs>,
) => Resizing<Fitting<Args, ResizingArgs>> = sizeLayer("Resizing", "resizing", resizingOptions, (layer, options) => ({
  interpolation: choiceOf(layer, options, "interpolation", interpolations),
}));

/**
 * tfjs's `tf.layers.centerCrop({ height, width })`: the center height × width of each image (resized up where
 * the image is smaller).
 *
 * @example
 * layers.centerCrop({ height: 24, width: 24 }); // [n, 28, 28, 3] → [n, 24, 24, 3]
 */
export const centerCrop: <
  const Args extends RequiredOptions<CenterCropArgs>,
  Problem = SizesProblem<"centerCrop", Args, keyof CenterCropArgs, typeof sizeShown, ["height", "width"]>,
>(
  args: CheckedLooseOptions<Args, Problem, CenterCropArgs>,
) => CenterCrop<Fitting<Args, CenterCropArgs>> = sizeLayer("CenterCrop", "centerCrop", centerCropOptions);

/**
 * tfjs's `tf.layers.randomWidth({ factor, interpolation = 'bilinear', seed })`: each call resizes the images to
 * a width drawn in W · (1 + [lower, upper]) (factor f: [−f, f]); the width is unknown (`number`) to the compiler.
 * tfjs's RandomWidth draws at inference too.
 *
 * @example
 * layers.randomWidth({ factor: 0.2 }); // [n, 28, 28, 3] → [n, 28, number, 3]
 */
export const randomWidth: <
  const Args extends RequiredOptions<RandomWidthArgs>,
  Problem = KnownOptions<Args, keyof RandomWidthArgs> extends true
    ? At<"factor", FactorProblem<WrittenLayer<"randomWidth", Args, typeof factorShown>, OptionOf<Args, "factor", 1>>>
    : Unknown<"randomWidth", Args, keyof RandomWidthArgs, typeof factorShown>,
>(
  args: CheckedLooseOptions<Args, Problem, RandomWidthArgs>,
) => RandomWidth<Fitting<Args, RandomWidthArgs>> = tfLayer(
  "RandomWidth",
  "randomWidth",
  randomWidthOptions,
  factorShown,
  requiredOptions<RandomWidthArgs>()("factor"),
  (layer, options: RandomWidthArgs) => {
    const factor = factorBounds(layer, options.factor);
    return {
      factor,
      interpolation: choiceOf(layer, options, "interpolation", interpolations),
      outputShape: (input) => tfRandomWidthRule(layer, factor[0], input),
    };
  },
);

/**
 * tfjs's `tf.layers.categoryEncoding({ numTokens, outputMode = 'multiHot' })`: token ids in 0 … numTokens − 1 to
 * vectors of numTokens ('oneHot': one id per example, [batch, 1]; 'multiHot', 'count': a list per example; 'int'
 * keeps them).
 *
 * @example
 * layers.categoryEncoding({ numTokens: 10 }); // [n, 4] → [n, 10]
 */
export const categoryEncoding: <
  const Args extends RequiredOptions<CategoryEncodingArgs>,
  Problem = SizesProblem<"categoryEncoding", Args, keyof CategoryEncodingArgs, typeof encodingShown, ["numTokens"]>,
>(
  args: CheckedLooseOptions<Args, Problem, CategoryEncodingArgs>,
) => CategoryEncoding<Fitting<Args, CategoryEncodingArgs>> = tfLayer(
  "CategoryEncoding",
  "categoryEncoding",
  categoryEncodingOptions,
  encodingShown,
  requiredOptions<CategoryEncodingArgs>()("numTokens"),
  (layer, options: CategoryEncodingArgs) => {
    checkSizeOption(layer, options, "numTokens");
    const outputMode = choiceOf(layer, options, "outputMode", outputModes);
    return {
      numTokens: options.numTokens,
      outputMode,
      outputShape: (input) => tfCategoryEncodingRule(layer, options.numTokens, outputMode, input),
    };
  },
);
