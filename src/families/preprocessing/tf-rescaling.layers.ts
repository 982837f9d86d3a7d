// layers.rescaling: tfjs-layers' Rescaling (x · scale + offset); the shape is kept.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type {
  KnownOptions,
  UnknownOptionProblem,
  WrittenLayer,
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfKeepShapeRule } from "../activation/tf-activation.types.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { tfLayer, tfOptions } from "../../shape/tf-options.ts";

/** tfjs-layers' `RescalingArgs`. */
export type RescalingArgs = NonNullable<Parameters<typeof tfl.layers.rescaling>[0]>;
const shown = ["scale", "offset"] as const;
export const rescalingOptions = tfOptions<RescalingArgs>()(shown);

/** `layers.rescaling({ scale, offset? })`: the shape is kept. */
export interface Rescaling<Args extends RescalingArgs = RescalingArgs> extends TfLayerOf<Args> {
  readonly kind: "Rescaling";
  readonly "~rule": TfKeepShapeRule<"rescaling", Args>;
}
export type TfRescalingConfig = TfjsConfig<"Rescaling", RescalingArgs>;

/**
 * tfjs's `tf.layers.rescaling({ scale, offset = 0 })`: x · scale + offset.
 *
 * @example
 * layers.rescaling({ scale: 1 / 255 }); // [n, 28, 28, 1] → [n, 28, 28, 1]
 */
export const rescaling: <
  const Args extends RequiredOptions<RescalingArgs>,
  Problem = KnownOptions<Args, keyof RescalingArgs> extends true
    ? false
    : UnknownOptionProblem<WrittenLayer<"rescaling", Args, typeof shown>, "rescaling", Args, keyof RescalingArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, RescalingArgs>,
) => Rescaling<Fitting<Args, RescalingArgs>> = tfLayer("Rescaling", "rescaling", rescalingOptions, shown);
