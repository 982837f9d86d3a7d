// layers.masking: tfjs-layers' Masking (skips timesteps equal to maskValue in the layers after it); the shape is kept.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type {
  CheckedLooseOptions,
  KnownOptions,
  LooseOptions,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfKeepShapeRule } from "../activation/tf-activation.types.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { tfLayer, tfOptions } from "../../shape/tf-options.ts";

/** tfjs-layers' `MaskingArgs`. */
export type MaskingArgs = NonNullable<Parameters<typeof tfl.layers.masking>[0]>;
const shown = ["maskValue"] as const;
export const maskingOptions = tfOptions<MaskingArgs>()(shown);

/** `layers.masking({ maskValue? })`: the shape is kept. */
export interface Masking<Args extends MaskingArgs = {}> extends TfLayerOf<Args> {
  readonly kind: "Masking";
  readonly "~rule": TfKeepShapeRule<"masking", Args>;
}
export type TfMaskingConfig = TfjsConfig<"Masking", MaskingArgs>;

/**
 * tfjs's `tf.layers.masking({ maskValue = 0 })`: timesteps whose features all equal maskValue are skipped by the
 * recurrent layers after it.
 *
 * @example
 * layers.masking(); // [n, 20, 8] → [n, 20, 8]
 */
export const masking: <
  const Args extends MaskingArgs | LooseOptions = {},
  Problem = KnownOptions<Args, keyof MaskingArgs> extends true
    ? false
    : UnknownOptionProblem<WrittenLayer<"masking", Args, typeof shown>, "masking", Args, keyof MaskingArgs>,
>(
  args?: CheckedLooseOptions<Args, Problem, MaskingArgs>,
) => Masking<Args> = tfLayer("Masking", "masking", maskingOptions, shown);
