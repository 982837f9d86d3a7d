// layers.layerNormalization: tfjs-layers' LayerNormalization.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type {
  CheckedLooseOptions,
  InputShapeChecked,
  KnownOptions,
  LooseOptions,
  OptionOf,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfLayerNormRule } from "./tf-layer-norm.types.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { axesOption, tfLayer, tfOptions } from "../../shape/tf-options.ts";
import { tfLayerNormRule } from "./tf-layer-norm.ts";

/** tfjs-layers' `LayerNormalizationLayerArgs`. */
export interface LayerNormalizationArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.layerNormalization>[0]>,
  "axis"
> {
  /** Default -1: the axes normalized over (a number or a list; negative counts from the end; not the batch). */
  readonly axis?: number | readonly number[];
}
/** The options layerNormalization and batchNormalization share (but axis, which messages show). */
export const normalizationKeys =
  "epsilon center scale betaInitializer gammaInitializer betaRegularizer gammaRegularizer" as const;
const shown = ["axis"] as const;
export const layerNormalizationOptions = tfOptions<LayerNormalizationArgs>()(shown, normalizationKeys);

/** `layers.layerNormalization({ axis? })`: the shape is kept. */
export interface LayerNormalization<Args extends LayerNormalizationArgs = {}> extends TfLayerOf<Args> {
  readonly kind: "LayerNormalization";
  readonly "~rule": LayerNormalizationShapeRule<Args>;
}
/** The shape rule of LayerNormalization. */
export interface LayerNormalizationShapeRule<Args extends LayerNormalizationArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "layerNormalization",
    Args,
    this["~input"],
    TfLayerNormRule<WrittenLayer<"layerNormalization", Args, typeof shown>, OptionOf<Args, "axis", -1>, this["~input"]>
  >;
}
export type TfLayerNormalizationConfig = TfjsConfig<"LayerNormalization", LayerNormalizationArgs>;

/**
 * tfjs's `tf.layers.layerNormalization({ axis = -1, epsilon = 1e-3, center = true, scale = true })` on an input of
 * rank 2, 3 or 4: normalizes each example over `axis` (known dimensions after the batch).
 *
 * @example
 * layers.layerNormalization(); // [n, 20, 64] → [n, 20, 64]
 */
export const layerNormalization: <
  const Args extends LayerNormalizationArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof LayerNormalizationArgs> extends true
    ? false
    : UnknownOptionProblem<
        WrittenLayer<"layerNormalization", Args, typeof shown>,
        "layerNormalization",
        Args,
        keyof LayerNormalizationArgs
      >,
>(
  args?: CheckedLooseOptions<Args, Problem, LayerNormalizationArgs>,
) => LayerNormalization<Args> = tfLayer(
  "LayerNormalization",
  "layerNormalization",
  layerNormalizationOptions,
  shown,
  [],
  (layer, options: LayerNormalizationArgs) => {
    const given = axesOption(layer, options, "axis", -1);
    const axis = typeof given === "number" ? given : [...given]; // tfjs normalizes its axis list in place
    return { outputShape: (input) => tfLayerNormRule(layer, axis, input) };
  },
);
