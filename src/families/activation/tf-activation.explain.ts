// Explain text of the `layers` factories that keep the shape: activations, dropouts and noise, masking, rescaling
// (no parameters), PReLU (one alpha per element of an example, shared along sharedAxes) and LayerNormalization
// (gamma and beta over the axes), with the parameter counts tfjs's `model.countParams()` reports.
import type { Explainer } from "../../explain/kinds/support.ts";
import { known, product, times } from "../../explain/kinds/support.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { dimIndex } from "../../shape/dim-index.ts";
import type { TfLayerNormalizationConfig } from "../normalization/tf-layer-norm.layers.ts";
import type { TfPReLUConfig } from "./tf-activation.layers.ts";

const list = (value: number | readonly number[]): readonly number[] => (typeof value === "number" ? [value] : value);

/** No parameters, the shape kept. */
export const tfKeepsShape: Explainer<RuntimeLayer> = () => ({ arithmetic: [], params: 0 });

/** PReLU: alpha of the example's shape, 1 along sharedAxes. */
export const tfPReLU: Explainer<TfPReLUConfig> = (layer, input) => {
  const shared = list(layer.args.sharedAxes ?? []);
  const alpha = input.slice(1).map((d, i) => (shared.includes(i + 1) ? 1 : d));
  const sizes = alpha.map(known);
  return {
    arithmetic: [
      `alpha: ${alpha.length === 0 ? "one value" : times(alpha)}${shared.length > 0 ? ` (shared along ${shared.join(", ")})` : ""}`,
    ],
    params: sizes.every((s) => s !== null) ? product(sizes as number[]) : null,
  };
};

/** LayerNormalization: gamma and beta of the axes' sizes. */
export const tfLayerNormalization: Explainer<TfLayerNormalizationConfig> = (layer, input) => {
  const axes = list(layer.args.axis ?? -1).map((a) => dimIndex(a, input.length));
  const dims = axes.map((a) => (a === false ? undefined : input[a]));
  const sizes = dims.map((d) => known(d ?? null));
  const count = (layer.args.center !== false ? 1 : 0) + (layer.args.scale !== false ? 1 : 0);
  return {
    arithmetic: [`normalized over axis ${axes.join(", ")}: gamma and beta of ${times(dims.map((d) => d ?? null))}`],
    params: sizes.every((s) => s !== null) ? count * product(sizes as number[]) : null,
  };
};
