// layers.spatialDropout1d / gaussianNoise / gaussianDropout / alphaDropout: tfjs-layers' dropout and noise layers
// (active while training only; the shape is kept). SpatialDropout1D takes [batch, length, channels] only.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type {
  At,
  FirstOptionProblem,
  InputShapeChecked,
  KnownOptions,
  OptionOf,
  UnknownOptionProblem,
  WrittenLayer,
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfKeepShapeRule, TfRankRule, writeNoiseRateMessage } from "../activation/tf-activation.types.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { checkRate, tfRankRule } from "../activation/tf-activation.ts";
import { tfLayer, tfOptions } from "../../shape/tf-options.ts";

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/**
 * tfjs-layers' `SpatialDropout1DLayerConfig` (typed by tfjs as a JSON dict of any keys: here its real options, those of
 * a Dropout without noiseShape).
 */
export interface SpatialDropout1DArgs extends Omit<TfArgs<typeof tfl.layers.dropout>, "noiseShape"> {}
/** tfjs-layers' `GaussianNoiseArgs`. */
export type GaussianNoiseArgs = TfArgs<typeof tfl.layers.gaussianNoise>;
/** tfjs-layers' `GaussianDropoutArgs`. */
export type GaussianDropoutArgs = TfArgs<typeof tfl.layers.gaussianDropout>;
/** tfjs-layers' `AlphaDropoutArgs`. */
export type AlphaDropoutArgs = TfArgs<typeof tfl.layers.alphaDropout>;

const stddevShown = ["stddev"] as const;
const rateShown = ["rate"] as const;
export const spatialDropout1dOptions = tfOptions<SpatialDropout1DArgs>()(rateShown, "seed");
export const gaussianNoiseOptions = tfOptions<GaussianNoiseArgs>()(stddevShown);
export const gaussianDropoutOptions = tfOptions<GaussianDropoutArgs>()(rateShown);
export const alphaDropoutOptions = tfOptions<AlphaDropoutArgs>()(rateShown, "noiseShape");

/** `layers.spatialDropout1d({ rate })` on [batch, length, channels]: drops whole channels; the shape is kept. */
export interface SpatialDropout1D<Args extends SpatialDropout1DArgs = SpatialDropout1DArgs> extends TfLayerOf<Args> {
  readonly kind: "SpatialDropout1D";
  readonly "~rule": SpatialDropout1DShapeRule<Args>;
}
/** The shape rule of SpatialDropout1D. */
export interface SpatialDropout1DShapeRule<Args extends SpatialDropout1DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "spatialDropout1d",
    Args,
    this["~input"],
    TfRankRule<WrittenLayer<"spatialDropout1d", Args, typeof rateShown>, 3, "[batch, length, channels]", this["~input"]>
  >;
}
/** `layers.gaussianNoise({ stddev })`: the shape is kept. */
export interface GaussianNoise<Args extends GaussianNoiseArgs = GaussianNoiseArgs> extends TfLayerOf<Args> {
  readonly kind: "GaussianNoise";
  readonly "~rule": TfKeepShapeRule<"gaussianNoise", Args>;
}
/** `layers.gaussianDropout({ rate })`: the shape is kept. */
export interface GaussianDropout<Args extends GaussianDropoutArgs = GaussianDropoutArgs> extends TfLayerOf<Args> {
  readonly kind: "GaussianDropout";
  readonly "~rule": TfKeepShapeRule<"gaussianDropout", Args>;
}
/** `layers.alphaDropout({ rate })`: the shape is kept. */
export interface AlphaDropout<Args extends AlphaDropoutArgs = AlphaDropoutArgs> extends TfLayerOf<Args> {
  readonly kind: "AlphaDropout";
  readonly "~rule": TfKeepShapeRule<"alphaDropout", Args>;
}

export type TfSpatialDropout1DConfig = TfjsConfig<"SpatialDropout1D", SpatialDropout1DArgs>;
export type TfGaussianNoiseConfig = TfjsConfig<"GaussianNoise", GaussianNoiseArgs>;
export type TfGaussianDropoutConfig = TfjsConfig<"GaussianDropout", GaussianDropoutArgs>;
export type TfAlphaDropoutConfig = TfjsConfig<"AlphaDropout", AlphaDropoutArgs>;

type RateProblem<Layer extends string, Rate> = number extends Rate
  ? false
  : `${Rate & number}` extends `-${string}`
    ? writeNoiseRateMessage<Layer>
    : Rate extends 0 | 1
      ? false
      : `${Rate & number}` extends `0.${string}`
        ? false
        : writeNoiseRateMessage<Layer>;
/** Known options and a rate in [0, 1]: nothing more to check. */
type PlainRate<Args, Known> =
  KnownOptions<Args, Known> extends true
    ? [RateProblem<"", OptionOf<Args, "rate", 0>>] extends [false]
      ? true
      : false
    : false;
type RateLayerProblem<
  Name extends string,
  Args,
  Known,
  Layer extends string = WrittenLayer<Name, Args, typeof rateShown>,
> = FirstOptionProblem<
  [UnknownOptionProblem<Layer, Name, Args, Known>, At<"rate", RateProblem<Layer, OptionOf<Args, "rate", 0>>>]
>;

/** The builder of a layer whose option is `rate` (spatialDropout1d: on [batch, length, channels] only). */
const rateLayer = (kind: string, name: string, known: ReadonlySet<string>, rank3 = false) =>
  tfLayer(kind, name, known, rateShown, [], (layer, options: { rate?: unknown }) => {
    checkRate(layer, options.rate);
    return rank3 ? { outputShape: (input) => tfRankRule(layer, [3], "[batch, length, channels]", input) } : {};
  });

/**
 * tfjs's `tf.layers.spatialDropout1d({ rate })` on [batch, length, channels]: drops whole channels while training.
 * (tfjs takes a rate outside [0, 1]; here it is a mistake.)
 *
 * @example
 * layers.spatialDropout1d({ rate: 0.2 }); // [n, 20, 16] → [n, 20, 16]
 */
export const spatialDropout1d: <
  const Args extends RequiredOptions<SpatialDropout1DArgs>,
  Problem = PlainRate<Args, keyof SpatialDropout1DArgs> extends true
    ? false
    : RateLayerProblem<"spatialDropout1d", Args, keyof SpatialDropout1DArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, SpatialDropout1DArgs>,
) => SpatialDropout1D<Fitting<Args, SpatialDropout1DArgs>> = rateLayer(
  "SpatialDropout1D",
  "spatialDropout1d",
  spatialDropout1dOptions,
  true,
);

/**
 * tfjs's `tf.layers.gaussianDropout({ rate })`: multiplies by noise of mean 1 while training.
 *
 * @example
 * layers.gaussianDropout({ rate: 0.1 }); // [n, 128] → [n, 128]
 */
export const gaussianDropout: <
  const Args extends RequiredOptions<GaussianDropoutArgs>,
  Problem = PlainRate<Args, keyof GaussianDropoutArgs> extends true
    ? false
    : RateLayerProblem<"gaussianDropout", Args, keyof GaussianDropoutArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, GaussianDropoutArgs>,
) => GaussianDropout<Fitting<Args, GaussianDropoutArgs>> = rateLayer(
  "GaussianDropout",
  "gaussianDropout",
  gaussianDropoutOptions,
);

/**
 * tfjs's `tf.layers.alphaDropout({ rate })`: dropout that keeps a SELU network's mean and variance.
 *
 * @example
 * layers.alphaDropout({ rate: 0.1 }); // [n, 128] → [n, 128]
 */
export const alphaDropout: <
  const Args extends RequiredOptions<AlphaDropoutArgs>,
  Problem = PlainRate<Args, keyof AlphaDropoutArgs> extends true
    ? false
    : RateLayerProblem<"alphaDropout", Args, keyof AlphaDropoutArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, AlphaDropoutArgs>,
) => AlphaDropout<Fitting<Args, AlphaDropoutArgs>> = rateLayer("AlphaDropout", "alphaDropout", alphaDropoutOptions);

/**
 * tfjs's `tf.layers.gaussianNoise({ stddev })`: adds N(0, stddev²) noise while training.
 *
 * @example
 * layers.gaussianNoise({ stddev: 0.1 }); // [n, 128] → [n, 128]
 */
export const gaussianNoise: <
  const Args extends RequiredOptions<GaussianNoiseArgs>,
  Problem = KnownOptions<Args, keyof GaussianNoiseArgs> extends true
    ? false
    : UnknownOptionProblem<
        WrittenLayer<"gaussianNoise", Args, typeof stddevShown>,
        "gaussianNoise",
        Args,
        keyof GaussianNoiseArgs
      >,
>(
  args: CheckedLooseOptions<Args, Problem, GaussianNoiseArgs>,
) => GaussianNoise<Fitting<Args, GaussianNoiseArgs>> = tfLayer(
  "GaussianNoise",
  "gaussianNoise",
  gaussianNoiseOptions,
  stddevShown,
);
