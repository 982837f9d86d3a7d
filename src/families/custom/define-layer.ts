// defineLayer: a layer the library does not have, written by its user: its name, its shape rule (as a
// type, and as a function: the runtime twin), its parameters' shapes and its forward computation in
// TensorFlow.js ops. The result makes builders like the built-in ones (kind "custom"): checked by the
// compiler with the user's messages, explained, converted to a tfjs layer registered under
// `shapecheck>custom>${name}`, trained, saved and loaded. Guide: docs/custom-layers.md.
//
// This file is part of the checker (`shapecheck`): it imports TensorFlow.js's types only; the runtime
// (src/families/custom/custom.tfjs-layer.ts) learns of every definition through `onDefine`.
import type * as tfc from "@tensorflow/tfjs-core";
import type { Layer, ShapeRule, UnknownShape } from "../../../types/model/layer.ts";
import { fail } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { KindConfig } from "../layer-config.ts";

/** How a parameter starts: zeros, ones, N(0, std²) (`{ normal: std }`) or U(−b, b) (`{ uniform: b }`). */
export type ParamInit = "zeros" | "ones" | { readonly normal: number } | { readonly uniform: number };

/** A parameter: its shape (PyTorch's, as in state_dict), or its shape and how it starts (default: zeros). */
export type ParamShape = readonly number[] | { readonly shape: readonly number[]; readonly init?: ParamInit };

/** The values a layer's settings may hold (they are saved in model.json). */
export type SettingValue = number | string | boolean | null | readonly SettingValue[];

/** What `defineLayer` takes. `Settings`: the object its builder passes (`{ seq, dim }`); `Params`: its parameters' names. */
export interface LayerSpec<Settings extends object, Params extends string> {
  /** The layer's name: in `written` (`positionalEmbedding(16, 64)`) and in model.json (`shapecheck>custom>${name}`). */
  readonly name: string;
  /**
   * The runtime twin of the type rule: the output shape for an input shape (batch first, `null`
   * unknown, a string a named dimension), or the message, the same text as the type rule's.
   */
  readonly outputShape: (settings: Settings, input: RuntimeShape) => RuntimeShape | string;
  /** The parameters (PyTorch's names and shapes: `{ weight: [seq, dim] }`); `input` is the layer's input shape. */
  readonly params?: (settings: Settings, input: RuntimeShape) => { readonly [Name in Params]: ParamShape };
  /**
   * The forward computation in TensorFlow.js ops, on `x` laid out as the model's shapes are written
   * (channels first in an `nn` model, whatever tfjs does inside); `tf` is tfjs-core.
   */
  readonly forward: (
    x: tfc.Tensor,
    params: { readonly [Name in Params]: tfc.Tensor },
    tf: typeof tfc,
    settings: Settings,
  ) => tfc.Tensor;
  /** The layer as written in messages and tables; default: `${name}(${the settings' values})`. */
  readonly written?: (settings: Settings) => string;
}

/**
 * The rule of a layer made without one (`definition.layer(settings)`): the compiler does not know its
 * output shape (the model's shape is `Shape` from there), and the runtime twin checks.
 */
export interface UnknownOutputRule extends ShapeRule {
  readonly "~output": UnknownShape;
}

/** A layer made by a definition: its shape rule is the user's `Rule`. */
export interface CustomLayer<Rule extends ShapeRule = UnknownOutputRule> extends Layer, RuntimeLayer {
  readonly kind: "custom";
  /** The definition's name. */
  readonly name: string;
  readonly "~rule": Rule;
}

/** What `defineLayer` returns: makes the layers (`definition.layer<Rule>(settings)`), and is what the runtime reads. */
export interface LayerDefinition<Settings extends object = object, Params extends string = string> {
  readonly name: string;
  readonly spec: LayerSpec<Settings, Params>;
  /**
   * A layer of this definition with these settings, checked by the compiler with `Rule` (a `ShapeRule`
   * whose `"~output"` reads `this["~input"]`): call it in the builder you export.
   */
  layer<Rule extends ShapeRule = UnknownOutputRule>(settings: Settings): CustomLayer<Rule>;
}

/** A definition as the runtime keeps it (its settings' type forgotten). */
export interface AnyDefinition {
  readonly name: string;
  readonly spec: LayerSpec<object, string>;
}

/** The config of a custom layer (its runtime object): its definition and its settings. */
export interface CustomConfig extends KindConfig<"custom"> {
  readonly name: string;
  readonly definition: AnyDefinition;
  readonly settings: object;
}

// The definitions made so far, by name, and who wants to know of new ones (the runtime registers a
// tfjs class for each). Module state, not a global: importing the checker has no side effect.
const definitions = new Map<string, AnyDefinition>();
const listeners = new Set<(definition: AnyDefinition) => void>();

/** Calls `listener` for every definition made so far and every one made later. */
export function onDefine(listener: (definition: AnyDefinition) => void): void {
  listeners.add(listener);
  for (const definition of definitions.values()) listener(definition);
}

/** A setting as `written` shows it: `16`, `"same"`, `[3, 3]`. */
const showSetting = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(showSetting).join(", ")}]`
    : typeof value === "string"
      ? JSON.stringify(value)
      : String(value);

export const writeNameMessage = (name: string): string =>
  `defineLayer: the name ${JSON.stringify(name)} must be letters and digits, starting with a letter (an identifier without _, which TensorFlow.js would rename when loading): it names the layer in messages and in model.json`;
export const writeNotAShapeMessage = (written: string, value: unknown): string =>
  `${written}: its outputShape gave ${showSetting(value)}, neither a shape (an array) nor a message (a string)`;

/**
 * Defines a layer of your own, checked, explained, converted, trained, saved and loaded like the
 * built-in ones. Export a builder that calls `definition.layer<YourRule<…>>(settings)`; the guide
 * (docs/custom-layers.md) writes PixelShuffle and a learned positional embedding this way.
 *
 * @example
 * interface Scale2Rule extends ShapeRule {
 *   readonly "~output": this["~input"];
 * }
 * const Scale2 = defineLayer({
 *   name: "scale2",
 *   outputShape: (_settings: {}, input) => input,
 *   forward: (x, _params, tf) => tf.mul(x, 2),
 * });
 * const scale2 = () => Scale2.layer<Scale2Rule>({});
 * scale2(); // [n, 10] → [n, 10]
 */
export function defineLayer<Settings extends object, Params extends string = never>(
  spec: LayerSpec<Settings, Params>,
): LayerDefinition<Settings, Params> {
  if (!/^[A-Za-z$][A-Za-z0-9$]*$/.test(spec.name)) throw new Error(writeNameMessage(spec.name));
  const definition: LayerDefinition<Settings, Params> = {
    name: spec.name,
    spec,
    layer(settings) {
      const written = spec.written
        ? spec.written(settings)
        : `${spec.name}(${Object.values(settings).map(showSetting).join(", ")})`;
      const runtime: CustomConfig = {
        kind: "custom",
        name: spec.name,
        written,
        definition: definition as unknown as AnyDefinition,
        settings,
        outputShape(input) {
          const output = spec.outputShape(settings, input);
          if (typeof output === "string") fail(output);
          if (!Array.isArray(output)) fail(writeNotAShapeMessage(written, output));
          return output;
        },
      };
      return runtime as never;
    },
  };
  // A definition made again under the same name (a module re-evaluated) replaces the earlier one.
  definitions.set(spec.name, definition as unknown as AnyDefinition);
  for (const listener of listeners) listener(definition as unknown as AnyDefinition);
  return definition;
}
