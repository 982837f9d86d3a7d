// layers.flatten: tfjs-layers' Flatten, every dimension after the batch into one (rule: tf-flatten.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { FlattenOrigins } from "./flatten.types.ts";
import type { TfFlattenRule } from "./tf-flatten.types.ts";
import type {
  DataFormat,
  OptionOf,
  UnknownOptionProblem,
  WrittenLayer,
  LooseOptions,
  CheckedLooseOptions,
  InputShapeChecked,
} from "../../../types/shape/tf-options.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { flattenOrigins } from "./flatten.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { tfFlattenRule } from "./tf-flatten.ts";
import { dataFormatOf, tfOptions, tfLayer } from "../../shape/tf-options.ts";

/** The config of layers.flatten (its runtime object). */
export interface TfFlattenConfig extends TfjsConfig<"Flatten", FlattenArgs> {
  readonly dataFormat: DataFormat;
}

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/** tfjs-layers' `FlattenLayerArgs`. */
export interface FlattenArgs extends Omit<TfArgs<typeof tfl.layers.flatten>, "dataFormat"> {
  /** Default "channelsLast"; "channelsFirst" moves the channels last before flattening (same shape, other order). */
  readonly dataFormat?: DataFormat;
}
const flattenShown = ["dataFormat"] as const;
export const flattenOptions = tfOptions<FlattenArgs>()(flattenShown);

/** `layers.flatten()`: [batch, ...dims] → [batch, product of dims]. */
export interface Flatten<Args extends FlattenArgs = {}> extends Layer, RuntimeLayer {
  readonly kind: "Flatten";
  readonly args: Args;
  readonly dataFormat: OptionOf<Args, "dataFormat", "channelsLast">;
  readonly "~rule": FlattenShapeRule<Args>;
}
/** The shape rule of Flatten. */
export interface FlattenShapeRule<Args extends FlattenArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "flatten",
    Args,
    this["~input"],
    TfFlattenRule<WrittenLayer<"flatten", Args, typeof flattenShown>, this["~input"]>
  >;
  readonly "~origins": FlattenOrigins<1, -1, this["~input"]>;
}

/**
 * tfjs's `tf.layers.flatten()`: every dimension after the batch becomes one, on an input of rank 3 or more whose
 * dimensions after the batch are known.
 *
 * @example
 * layers.flatten(); // [n, 5, 5, 64] → [n, 1600]
 */
export const flatten: <const Args extends FlattenArgs | LooseOptions = {}>(
  args?: CheckedLooseOptions<
    Args,
    UnknownOptionProblem<WrittenLayer<"flatten", Args, typeof flattenShown>, "flatten", Args, keyof FlattenArgs>,
    FlattenArgs
  >,
) => Flatten<Args> = tfLayer("Flatten", "flatten", flattenOptions, flattenShown, [], (layer, options: FlattenArgs) => {
  const dataFormat = dataFormatOf(layer, options);
  return {
    dataFormat,
    outputShape: (input) => tfFlattenRule(layer, input),
    origins: (input: RuntimeShape) => flattenOrigins(1, -1, input),
  };
});
