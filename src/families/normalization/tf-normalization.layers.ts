// layers.batchNormalization: tfjs-layers' BatchNormalization.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { TfBatchNormRule } from "./tf-normalization.types.ts";
import type {
  CheckedOptions,
  OptionOf,
  UnknownOptionProblem,
  WrittenLayer,
  LooseOptions,
  CheckedLooseOptions,
  InputShapeChecked,
} from "../../../types/shape/tf-options.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { tfBatchNormRule } from "./tf-normalization.ts";
import { optionOf, tfLayer, tfOptions } from "../../shape/tf-options.ts";
import { normalizationKeys } from "./tf-layer-norm.layers.ts";

/** tfjs-layers' `BatchNormalizationLayerArgs`. */
export interface BatchNormalizationArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.batchNormalization>[0]>,
  "axis"
> {
  /** Default -1 (the channels, last): the axis normalized per feature; negative counts from the end. */
  readonly axis?: number;
}
const shownOptions = ["axis"] as const;
export const batchNormalizationOptions = tfOptions<BatchNormalizationArgs>()(
  shownOptions,
  `${normalizationKeys} momentum movingMeanInitializer movingVarianceInitializer betaConstraint gammaConstraint`,
);

/** `layers.batchNormalization({ axis? })`: the shape is kept. */
export interface BatchNormalization<Args extends BatchNormalizationArgs = {}> extends Layer, RuntimeLayer {
  readonly kind: "BatchNormalization";
  readonly args: Args;
  readonly axis: OptionOf<Args, "axis", -1>;
  readonly "~rule": BatchNormalizationShapeRule<Args>;
}
/** The shape rule of BatchNormalization. */
export interface BatchNormalizationShapeRule<Args extends BatchNormalizationArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "batchNormalization",
    Args,
    this["~input"],
    TfBatchNormRule<
      WrittenLayer<"batchNormalization", Args, typeof shownOptions>,
      OptionOf<Args, "axis", -1>,
      this["~input"]
    >
  >;
}

/** The config of layers.batchNormalization (its runtime object). */
export interface TfBatchNormalizationConfig extends TfjsConfig<"BatchNormalization", BatchNormalizationArgs> {
  readonly axis: number;
}

/**
 * tfjs's `tf.layers.batchNormalization({ axis = -1 })` on an input of rank 2, 3 or 4; the axis dimension must be known.
 *
 * @example
 * layers.batchNormalization(); // [n, 26, 26, 32] → [n, 26, 26, 32]
 */
export const batchNormalization: <const Args extends BatchNormalizationArgs | LooseOptions = {}>(
  args?: CheckedLooseOptions<
    Args,
    UnknownOptionProblem<
      WrittenLayer<"batchNormalization", Args, typeof shownOptions>,
      "batchNormalization",
      Args,
      keyof BatchNormalizationArgs
    >,
    BatchNormalizationArgs
  >,
) => BatchNormalization<Args> = tfLayer(
  "BatchNormalization",
  "batchNormalization",
  batchNormalizationOptions,
  shownOptions,
  [],
  (layer, options: BatchNormalizationArgs) => {
    const axis = optionOf(options, "axis", -1);
    // its config (TfBatchNormalizationConfig): a layer that keeps the shape, and its axis
    return { axis, outputShape: (input) => tfBatchNormRule(layer, axis, input) };
  },
);
