import type { Shape } from "../shape/dims.ts";
import type { Layer, Step } from "./layer.ts";

/** The state between two layers: [shape, origins], or the message of the layer that failed. */
type State = readonly [Shape, readonly string[]] | string;

/**
 * Applies the layers in order: `{ output }`, or `{ index, message }` for the first layer that does
 * not fit. One tail-recursive step per layer (each layer's rule is forced as the next step's
 * argument), so a chain of ~1,000 layers stays under the compiler's recursion limit.
 */
export type Walk<Current extends State, Layers extends readonly unknown[], Count extends readonly unknown[] = []> =
  [Current, Layers] extends [readonly [infer S extends Shape, infer Origins extends readonly string[]], readonly [infer L extends Layer, ...infer Rest]]
    ? Walk<Step<L, S, Origins>, Rest, [...Count, L]>
    : Current extends readonly [infer S extends Shape, readonly string[]]
      ? { readonly output: S }
      : { readonly index: Count extends readonly [unknown, ...infer Before] ? Before["length"] : 0; readonly message: Current };

/** Every layer's output shape in order, up to the first layer that does not fit. */
export type Trace<Current extends State, Layers extends readonly unknown[], Shapes extends readonly Shape[] = []> =
  [Current, Layers] extends [readonly [infer S extends Shape, infer Origins extends readonly string[]], readonly [infer L extends Layer, ...infer Rest]]
    ? Step<L, S, Origins> extends infer Next extends State
      ? Trace<Next, Rest, Next extends readonly [infer Out extends Shape, unknown] ? [...Shapes, Out] : Shapes>
      : never
    : Shapes;

/** The layers as a parameter list: each layer itself, except the first that does not fit, which becomes its message. */
export type CheckedLayers<Input extends Shape, Layers extends readonly unknown[]> =
  Walk<[Input, []], Layers> extends { readonly index: infer Index extends number; readonly message: infer Message }
    ? { [K in keyof Layers]: K extends `${Index}` ? Message : Layers[K] }
    : Layers;

/** For an F-bounded constraint `Layers extends CheckedLayersAt<…>` (models declared as types). */
export type LayerOrMessage<Input extends Shape, Layers extends readonly unknown[], K> =
  Walk<[Input, []], Layers> extends { readonly index: infer Index extends number; readonly message: infer Message }
    ? (K extends `${Index}` ? Message : Layers[K & keyof Layers])
    : Layers[K & keyof Layers];
