// A custom layer (defineLayer) → its own tfjs class (custom.tfjs-layer.ts), on a tensor in PyTorch's
// layout; its parameters are in state_dict as `${path}.${name}`, in the shapes the definition gives.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { ShapeError } from "../../errors.ts";
import type { Converter, ParamSpec } from "../../runtime/convert/context.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { CustomConfig, ParamShape } from "./define-layer.ts";
import { classOf, type SavedParam } from "./custom.tfjs-layer.ts";

export const writeParamShapeMessage = (written: string, key: string, shape: readonly unknown[]): string =>
  `${written}: the parameter ${key} has the shape [${shape.map(String).join(", ")}], not a list of sizes (a size unknown until data arrives? give input() that size)`;

/** The definition's parameters for this input, checked: every dimension a size. */
export function paramsOf(layer: CustomConfig, input: RuntimeShape): Record<string, SavedParam> {
  const declared: Record<string, ParamShape> = layer.definition.spec.params?.(layer.settings, input) ?? {};
  return Object.fromEntries(
    Object.entries(declared).map(([key, param]) => {
      const { shape, init } = Array.isArray(param)
        ? { shape: param as readonly number[], init: undefined }
        : (param as Exclude<ParamShape, readonly number[]>);
      if (!shape.every((dim) => Number.isSafeInteger(dim) && dim >= 0))
        throw new ShapeError(writeParamShapeMessage(layer.written, key, shape));
      return [key, { shape: [...shape], ...(init === undefined ? {} : { init }) }];
    }),
  );
}

export const custom: Converter<CustomConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const params = paramsOf(layer, ctx.input);
    const name = `${ctx.path}.${layer.name}`;
    const Custom = classOf(layer.definition);
    const y = new Custom({ settings: layer.settings, params, name }).apply(ctx.x) as tfl.SymbolicTensor;
    const specs: ParamSpec[] = Object.entries(params).map(([key, { shape }]) => ({
      key: `${ctx.path}.${key}`,
      layer: name,
      weight: key,
      shape,
      toTfjs: (w: tf.Tensor) => tf.clone(w),
      fromTfjs: (w: tf.Tensor) => tf.clone(w),
    }));
    return { y, layout: "first", params: specs };
  },
};
