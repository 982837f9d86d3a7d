// Weights in PyTorch's layout: state_dict keys (`0.weight`, `7.bias`, index in the Sequential as
// PyTorch's nn.Sequential names them) and shapes (`[out, in, kh, kw]` conv, `[out, in]` linear),
// so a PyTorch twin's weights load here and ours load there.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { ShapeError } from "../errors.ts";
import type { ParamSpec } from "./convert/index.ts";
import { toTensor } from "./tensor.ts";

/** A state dict as PyTorch's `module.state_dict()`: PyTorch's names and shapes. */
export type StateDict = Record<string, tf.Tensor>;
/**
 * A state dict to load: tensors, or nested arrays as `{k: v.tolist() for k, v in sd.items()}`
 * writes them from Python (a flat array or typed array is given the parameter's shape).
 */
export type StateDictInput = Readonly<Record<string, tf.Tensor | tf.TensorLike>>;

function variableOf(model: tfl.LayersModel, spec: ParamSpec): tfl.LayerVariable {
  const name = `${spec.layer}/${spec.weight}`;
  let layer: tfl.layers.Layer;
  try {
    layer = model.getLayer(spec.layer);
  } catch {
    throw new Error(
      `state dict: the TensorFlow.js model has no layer "${spec.layer}" (for ${spec.key}); was it built from this model?`,
    );
  }
  const variable = layer.weights.find((w) => w.originalName === name);
  if (!variable) throw new Error(`state dict: layer "${spec.layer}" has no weight "${spec.weight}" (for ${spec.key})`);
  return variable;
}

/** The model's parameters in PyTorch's names and layouts (new tensors: the caller disposes them). */
export function stateDict(model: tfl.LayersModel, params: readonly ParamSpec[]): StateDict {
  const dict: StateDict = {};
  for (const spec of params) {
    dict[spec.key] = spec.constant ? spec.constant() : tf.tidy(() => spec.fromTfjs(variableOf(model, spec).read()));
  }
  return dict;
}

/**
 * Loads PyTorch-layout parameters into the model. Every parameter is checked before any is
 * written: a missing or unexpected key is a ShapeError naming them (unless `strict: false`, as
 * PyTorch's `load_state_dict`), a wrong shape a ShapeError naming both shapes.
 */
export function loadStateDict(
  model: tfl.LayersModel,
  params: readonly ParamSpec[],
  dict: StateDictInput,
  options: { strict?: boolean } = {},
): void {
  const strict = options.strict ?? true;
  const known = new Set(params.map((spec) => spec.key));
  if (strict) {
    const missing = params.filter((spec) => !spec.constant && dict[spec.key] === undefined).map((spec) => spec.key);
    const unexpected = Object.keys(dict).filter((key) => !known.has(key));
    if (missing.length > 0 || unexpected.length > 0) {
      const parts = [
        missing.length > 0 ? `missing keys ${missing.map((k) => `"${k}"`).join(", ")}` : "",
        unexpected.length > 0 ? `unexpected keys ${unexpected.map((k) => `"${k}"`).join(", ")}` : "",
      ].filter(Boolean);
      throw new ShapeError(
        `loadStateDict: ${parts.join("; ")} (expected ${[...known].map((k) => `"${k}"`).join(", ")})`,
      );
    }
  }
  const writes = new Map<tfl.LayerVariable, tf.Tensor>();
  const restores: [(value: tf.Tensor) => void, tf.Tensor][] = [];
  try {
    for (const spec of params) {
      const value = dict[spec.key];
      if (value === undefined || (spec.constant && !spec.restore)) continue;
      const { tensor, owned } = toTensor(`loadStateDict (${spec.key})`, value, spec.shape, "float32");
      if (tensor.shape.length !== spec.shape.length || tensor.shape.some((d, i) => d !== spec.shape[i])) {
        if (owned) tensor.dispose();
        throw new ShapeError(
          `loadStateDict (${spec.key}): expected a tensor of shape [${spec.shape.join(", ")}], got [${tensor.shape.join(", ")}]`,
        );
      }
      if (spec.restore) {
        // a buffer tfjs does not keep: given to the converter once every value is checked
        restores.push([spec.restore, owned ? tensor : tf.clone(tensor)]);
        continue;
      }
      const variable = variableOf(model, spec);
      const converted = tf.tidy(() => spec.toTfjs(tf.cast(tensor, "float32")));
      if (owned) tensor.dispose();
      const earlier = spec.accumulate ? writes.get(variable) : undefined;
      if (earlier) {
        writes.set(variable, tf.add(earlier, converted));
        earlier.dispose();
        converted.dispose();
      } else {
        writes.get(variable)?.dispose();
        writes.set(variable, converted);
      }
    }
    for (const [variable, value] of writes) variable.write(value);
    for (const [restore, value] of restores) restore(value);
  } finally {
    for (const value of writes.values()) value.dispose();
    for (const [, value] of restores) value.dispose();
  }
}
