// Explain rows of custom layers (defineLayer): each parameter's shape and size; the count is their sum.
import { count, times, type Explainer } from "../../explain/kinds/support.ts";
import type { CustomConfig, ParamShape } from "./define-layer.ts";

/** `weight: 16 × 64 = 1024` per parameter; no parameters: no arithmetic. */
export const custom: Explainer<CustomConfig> = (layer, input) => {
  const declared: Record<string, ParamShape> = layer.definition.spec.params?.(layer.settings, input) ?? {};
  let params = 0;
  const arithmetic = Object.entries(declared).map(([key, param]) => {
    const shape = (Array.isArray(param) ? param : (param as { shape: readonly number[] }).shape).map(count);
    const size = shape.reduce((total, dim) => total * dim, 1);
    params += size;
    return `${key}: ${times(shape)} = ${size}`;
  });
  return { arithmetic, params };
};
