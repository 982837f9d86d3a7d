// layers.maxPooling1d / averagePooling1d / maxPooling2d / averagePooling2d and global pooling: tfjs-layers' pooling.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { PerDim } from "../../../types/shape/args.ts";
import type { TfGlobalPoolRule, TfPoolRule } from "./tf-pool.types.ts";
import type {
  DataFormat,
  FirstOptionProblem,
  KnownOptions,
  OptionOf,
  PlainOptions,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
  LooseOptions,
  CheckedLooseOptions,
  InputShapeChecked,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { perDim } from "../../shape/args.ts";
import type { TfPadding } from "../conv/tf-conv.ts";
import { tfGlobalPoolRule, tfPoolRule } from "./tf-pool.ts";
import { choiceOf, dataFormatOf, tfOptions, checkSizeOption, optionOf, tfLayer } from "../../shape/tf-options.ts";
import type { SizeArg } from "../conv/tf-conv.layers.ts";
import type { TfPool3DConfig } from "./tf-pool3d.layers.ts";

const shownOptions = ["poolSize", "strides", "padding", "dataFormat"] as const;
type ShownOptions = typeof shownOptions;

/** tfjs-layers' `Pooling1DLayerArgs`: pooling over [batch, length, channels]. */
export interface Pooling1DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.maxPooling1d>[0]>,
  ShownOptions[number]
> {
  /** Default 2 (a number, or a tuple of one). */
  readonly poolSize?: SizeArg;
  /** Default: the pool size. */
  readonly strides?: SizeArg;
  /** Default "valid": ⌈(n − poolSize + 1) / strides⌉; "same": ⌈n / strides⌉. */
  readonly padding?: TfPadding;
}
/** tfjs-layers' `Pooling2DLayerArgs`. */
export interface Pooling2DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.maxPooling2d>[0]>,
  ShownOptions[number]
> {
  /** Default [2, 2]. */
  readonly poolSize?: SizeArg;
  /** Default: the pool size. */
  readonly strides?: SizeArg;
  /** Default "valid": ⌈(n − poolSize + 1) / strides⌉; "same": ⌈n / strides⌉. */
  readonly padding?: TfPadding;
  /** Default "channelsLast": [batch, height, width, channels]. */
  readonly dataFormat?: DataFormat;
}
/** tfjs-layers' `GlobalPooling2DLayerArgs`. */
export interface GlobalPooling2DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.globalAveragePooling2d>[0]>,
  "dataFormat"
> {
  /** Default "channelsLast". */
  readonly dataFormat?: DataFormat;
}
/** tfjs-layers' `LayerArgs` (global 1D pooling has no options of its own). */
export type GlobalPooling1DArgs = NonNullable<Parameters<typeof tfl.layers.globalAveragePooling1d>[0]>;

export const pooling1dOptions = tfOptions<Pooling1DArgs>()([], "poolSize strides padding");
export const pooling2dOptions = tfOptions<Pooling2DArgs>()(shownOptions);
export const globalPooling2dOptions = tfOptions<GlobalPooling2DArgs>()([], "dataFormat");
export const globalPooling1dOptions = tfOptions<GlobalPooling1DArgs>()([]);

type PoolSizeOf<Args, Rank extends number> = OptionOf<Args, "poolSize", Rank extends 1 ? 2 : [2, 2]>;
type Rule<Name extends string, Rank extends number, Args, Input> = TfPoolRule<
  WrittenLayer<Name, Args, ShownOptions>,
  Rank,
  PerDim<PoolSizeOf<Args, Rank>, Rank>,
  PerDim<OptionOf<Args, "strides", PoolSizeOf<Args, Rank>>, Rank>,
  OptionOf<Args, "padding", "valid">,
  OptionOf<Args, "dataFormat", "channelsLast"> & DataFormat,
  Input
>;

interface PoolingLayer<Args, Rank extends number> extends Layer, RuntimeLayer {
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
  readonly poolSize: PoolSizeOf<Args, Rank>;
  readonly strides: OptionOf<Args, "strides", PoolSizeOf<Args, Rank>>;
  readonly padding: OptionOf<Args, "padding", "valid">;
}
/** `layers.maxPooling1d({ poolSize, strides, padding })` on [batch, length, channels]. */
export interface MaxPooling1D<Args extends Pooling1DArgs = {}> extends PoolingLayer<Args, 1> {
  readonly kind: "MaxPooling1D";
  readonly "~rule": MaxPooling1DShapeRule<Args>;
}
/** The shape rule of MaxPooling1D. */
export interface MaxPooling1DShapeRule<Args extends Pooling1DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "maxPooling1d",
    Args,
    this["~input"],
    Rule<"maxPooling1d", 1, Args, this["~input"]>
  >;
}
/** `layers.averagePooling1d({ poolSize, strides, padding })` on [batch, length, channels]. */
export interface AveragePooling1D<Args extends Pooling1DArgs = {}> extends PoolingLayer<Args, 1> {
  readonly kind: "AveragePooling1D";
  readonly "~rule": AveragePooling1DShapeRule<Args>;
}
/** The shape rule of AveragePooling1D. */
export interface AveragePooling1DShapeRule<Args extends Pooling1DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "averagePooling1d",
    Args,
    this["~input"],
    Rule<"averagePooling1d", 1, Args, this["~input"]>
  >;
}
/** `layers.maxPooling2d({ poolSize, strides, padding, dataFormat })` on [batch, height, width, channels]. */
export interface MaxPooling2D<Args extends Pooling2DArgs = {}> extends PoolingLayer<Args, 2> {
  readonly kind: "MaxPooling2D";
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
  readonly "~rule": MaxPooling2DShapeRule<Args>;
}
/** The shape rule of MaxPooling2D. */
export interface MaxPooling2DShapeRule<Args extends Pooling2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "maxPooling2d",
    Args,
    this["~input"],
    Rule<"maxPooling2d", 2, Args, this["~input"]>
  >;
}
/** `layers.averagePooling2d({ poolSize, strides, padding, dataFormat })` on [batch, height, width, channels]. */
export interface AveragePooling2D<Args extends Pooling2DArgs = {}> extends PoolingLayer<Args, 2> {
  readonly kind: "AveragePooling2D";
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
  readonly "~rule": AveragePooling2DShapeRule<Args>;
}
/** The shape rule of AveragePooling2D. */
export interface AveragePooling2DShapeRule<Args extends Pooling2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "averagePooling2d",
    Args,
    this["~input"],
    Rule<"averagePooling2d", 2, Args, this["~input"]>
  >;
}

interface GlobalPoolingLayer<Args> extends Layer, RuntimeLayer {
  readonly args: Args;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
}
/** `layers.globalAveragePooling1d()`: [batch, length, channels] → [batch, channels]. */
export interface GlobalAveragePooling1D<Args extends GlobalPooling1DArgs = {}> extends GlobalPoolingLayer<Args> {
  readonly kind: "GlobalAveragePooling1D";
  readonly "~rule": GlobalAveragePooling1DShapeRule<Args>;
}
/** The shape rule of GlobalAveragePooling1D. */
export interface GlobalAveragePooling1DShapeRule<Args extends GlobalPooling1DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "globalAveragePooling1d",
    Args,
    this["~input"],
    TfGlobalPoolRule<WrittenLayer<"globalAveragePooling1d", Args, ShownOptions>, 1, "channelsLast", this["~input"]>
  >;
}
/** `layers.globalMaxPooling1d()`: [batch, length, channels] → [batch, channels]. */
export interface GlobalMaxPooling1D<Args extends GlobalPooling1DArgs = {}> extends GlobalPoolingLayer<Args> {
  readonly kind: "GlobalMaxPooling1D";
  readonly "~rule": GlobalMaxPooling1DShapeRule<Args>;
}
/** The shape rule of GlobalMaxPooling1D. */
export interface GlobalMaxPooling1DShapeRule<Args extends GlobalPooling1DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "globalMaxPooling1d",
    Args,
    this["~input"],
    TfGlobalPoolRule<WrittenLayer<"globalMaxPooling1d", Args, ShownOptions>, 1, "channelsLast", this["~input"]>
  >;
}
/** `layers.globalAveragePooling2d({ dataFormat })`: [batch, height, width, channels] → [batch, channels]. */
export interface GlobalAveragePooling2D<Args extends GlobalPooling2DArgs = {}> extends GlobalPoolingLayer<Args> {
  readonly kind: "GlobalAveragePooling2D";
  readonly "~rule": GlobalAveragePooling2DShapeRule<Args>;
}
/** The shape rule of GlobalAveragePooling2D. */
export interface GlobalAveragePooling2DShapeRule<Args extends GlobalPooling2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "globalAveragePooling2d",
    Args,
    this["~input"],
    TfGlobalPoolRule<
      WrittenLayer<"globalAveragePooling2d", Args, ShownOptions>,
      2,
      OptionOf<Args, "dataFormat", "channelsLast">,
      this["~input"]
    >
  >;
}
/** `layers.globalMaxPooling2d({ dataFormat })`: [batch, height, width, channels] → [batch, channels]. */
export interface GlobalMaxPooling2D<Args extends GlobalPooling2DArgs = {}> extends GlobalPoolingLayer<Args> {
  readonly kind: "GlobalMaxPooling2D";
  readonly "~rule": GlobalMaxPooling2DShapeRule<Args>;
}
/** The shape rule of GlobalMaxPooling2D. */
export interface GlobalMaxPooling2DShapeRule<Args extends GlobalPooling2DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "globalMaxPooling2d",
    Args,
    this["~input"],
    TfGlobalPoolRule<
      WrittenLayer<"globalMaxPooling2d", Args, ShownOptions>,
      2,
      OptionOf<Args, "dataFormat", "channelsLast">,
      this["~input"]
    >
  >;
}

/** The first problem of a pooling layer's argument object, on its property. */
type PoolProblem<
  Name extends string,
  Rank extends number,
  Args,
  Known,
  Layer extends string = WrittenLayer<Name, Args, ShownOptions>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, Name, Args, Known>,
    SizeOptionProblem<Layer, Args, "poolSize", Rank>,
    SizeOptionProblem<Layer, Args, "strides", Rank>,
  ]
>;
type GlobalProblem<Name extends string, Args, Known> = UnknownOptionProblem<
  WrittenLayer<Name, Args, ShownOptions>,
  Name,
  Args,
  Known
>;

/**
 * tfjs's `tf.layers.maxPooling1d({ poolSize = 2, strides = poolSize, padding = "valid" })`.
 *
 * @example
 * layers.maxPooling1d({ poolSize: 3 }); // [n, 10, 8] → [n, 3, 8]
 */
export const maxPooling1d: <
  const Args extends RequiredOptions<Pooling1DArgs> = {},
  Problem = PlainOptions<Args, keyof Pooling1DArgs, "poolSize" | "strides", 1> extends true
    ? false
    : PoolProblem<"maxPooling1d", 1, Args, keyof Pooling1DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, Pooling1DArgs>,
) => MaxPooling1D<Fitting<Args, Pooling1DArgs>> = layersPool("MaxPooling1D", "maxPooling1d", 1, pooling1dOptions);
/** tfjs's `tf.layers.averagePooling1d({ poolSize = 2, strides = poolSize, padding = "valid" })`. */
export const averagePooling1d: <
  const Args extends RequiredOptions<Pooling1DArgs> = {},
  Problem = PlainOptions<Args, keyof Pooling1DArgs, "poolSize" | "strides", 1> extends true
    ? false
    : PoolProblem<"averagePooling1d", 1, Args, keyof Pooling1DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, Pooling1DArgs>,
) => AveragePooling1D<Fitting<Args, Pooling1DArgs>> = layersPool(
  "AveragePooling1D",
  "averagePooling1d",
  1,
  pooling1dOptions,
);
/**
 * tfjs's `tf.layers.maxPooling2d({ poolSize = [2, 2], strides = poolSize, padding = "valid", dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.maxPooling2d({ poolSize: 2 }); // [n, 26, 26, 32] → [n, 13, 13, 32]
 */
export const maxPooling2d: <
  const Args extends RequiredOptions<Pooling2DArgs> = {},
  Problem = PlainOptions<Args, keyof Pooling2DArgs, "poolSize" | "strides", 2> extends true
    ? false
    : PoolProblem<"maxPooling2d", 2, Args, keyof Pooling2DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, Pooling2DArgs>,
) => MaxPooling2D<Fitting<Args, Pooling2DArgs>> = layersPool("MaxPooling2D", "maxPooling2d", 2, pooling2dOptions);
/** tfjs's `tf.layers.averagePooling2d({ poolSize = [2, 2], strides = poolSize, padding = "valid", dataFormat = "channelsLast" })`. */
export const averagePooling2d: <
  const Args extends RequiredOptions<Pooling2DArgs> = {},
  Problem = PlainOptions<Args, keyof Pooling2DArgs, "poolSize" | "strides", 2> extends true
    ? false
    : PoolProblem<"averagePooling2d", 2, Args, keyof Pooling2DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, Pooling2DArgs>,
) => AveragePooling2D<Fitting<Args, Pooling2DArgs>> = layersPool(
  "AveragePooling2D",
  "averagePooling2d",
  2,
  pooling2dOptions,
);
/** tfjs's `tf.layers.globalAveragePooling1d()`: the mean over the length. */
export const globalAveragePooling1d: <
  const Args extends GlobalPooling1DArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof GlobalPooling1DArgs> extends true
    ? false
    : GlobalProblem<"globalAveragePooling1d", Args, keyof GlobalPooling1DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, GlobalPooling1DArgs>,
) => GlobalAveragePooling1D<Args> = layersPool(
  "GlobalAveragePooling1D",
  "globalAveragePooling1d",
  1,
  globalPooling1dOptions,
);
/** tfjs's `tf.layers.globalMaxPooling1d()`: the maximum over the length. */
export const globalMaxPooling1d: <
  const Args extends GlobalPooling1DArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof GlobalPooling1DArgs> extends true
    ? false
    : GlobalProblem<"globalMaxPooling1d", Args, keyof GlobalPooling1DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, GlobalPooling1DArgs>,
) => GlobalMaxPooling1D<Args> = layersPool("GlobalMaxPooling1D", "globalMaxPooling1d", 1, globalPooling1dOptions);
/**
 * tfjs's `tf.layers.globalAveragePooling2d({ dataFormat = "channelsLast" })`: the mean over height and width.
 *
 * @example
 * layers.globalAveragePooling2d(); // [n, 7, 7, 512] → [n, 512]
 */
export const globalAveragePooling2d: <
  const Args extends GlobalPooling2DArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof GlobalPooling2DArgs> extends true
    ? false
    : GlobalProblem<"globalAveragePooling2d", Args, keyof GlobalPooling2DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, GlobalPooling2DArgs>,
) => GlobalAveragePooling2D<Args> = layersPool(
  "GlobalAveragePooling2D",
  "globalAveragePooling2d",
  2,
  globalPooling2dOptions,
);
/** tfjs's `tf.layers.globalMaxPooling2d({ dataFormat = "channelsLast" })`: the maximum over height and width. */
export const globalMaxPooling2d: <
  const Args extends GlobalPooling2DArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof GlobalPooling2DArgs> extends true
    ? false
    : GlobalProblem<"globalMaxPooling2d", Args, keyof GlobalPooling2DArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, GlobalPooling2DArgs>,
) => GlobalMaxPooling2D<Args> = layersPool("GlobalMaxPooling2D", "globalMaxPooling2d", 2, globalPooling2dOptions);

// ---- runtime

/** The config of layers.maxPooling1d / 2d, averagePooling1d / 2d (its runtime object), defaults filled in. */
export interface TfPoolConfig extends TfjsConfig<
  "MaxPooling1D" | "MaxPooling2D" | "AveragePooling1D" | "AveragePooling2D",
  Pooling1DArgs | Pooling2DArgs
> {
  readonly poolSize: SizeArg;
  readonly strides: SizeArg;
  readonly padding: "valid" | "same";
  readonly dataFormat: DataFormat;
}
/** The config of layers.globalAveragePooling1d / 2d, globalMaxPooling1d / 2d (its runtime object). */
export interface TfGlobalPoolConfig extends TfjsConfig<
  "GlobalAveragePooling1D" | "GlobalMaxPooling1D" | "GlobalAveragePooling2D" | "GlobalMaxPooling2D",
  object
> {
  readonly dataFormat: DataFormat;
}

/**
 * The builder of a pooling layer (maxPooling1d/2d/3d, averagePooling1d/2d/3d) or a global one (kind `Global…`):
 * `name` is how messages write it, `known` its options.
 */
export function layersPool(
  kind: TfPoolConfig["kind"] | TfPool3DConfig["kind"] | TfGlobalPoolConfig["kind"],
  name: string,
  rank: number,
  known: ReadonlySet<string>,
) {
  return tfLayer(kind, name, known, shownOptions, [], (layer, options: object) => {
    if (kind.startsWith("Global")) {
      const dataFormat = dataFormatOf(layer, options);
      return { dataFormat, outputShape: (input) => tfGlobalPoolRule(layer, rank, dataFormat, input) };
    }
    checkSizeOption(layer, options, "poolSize", rank);
    checkSizeOption(layer, options, "strides", rank);
    const poolSize = optionOf<SizeArg>(options, "poolSize", rank === 1 ? 2 : perDim(2, rank));
    const strides = optionOf<SizeArg>(options, "strides", poolSize);
    const padding = choiceOf(layer, options, "padding", ["valid", "same"]);
    const dataFormat = dataFormatOf(layer, options);
    const kernels = perDim(poolSize, rank);
    return {
      poolSize,
      strides,
      padding,
      dataFormat,
      outputShape: (input) =>
        tfPoolRule(layer, rank, { kernels, strides: perDim(strides, rank), padding, dataFormat }, input),
    };
  }) as never;
}
