import type { Invalid } from "../arith/invalid.ts";
import type { Shape, ShowShape } from "../shape/dims.ts";

/**
 * What every layer's type declares: its kind, and its shape rule, a small interface whose
 * `"~output"` reads the phantom `this["~input"]` (a "higher-kinded" type: the walker intersects the
 * rule with `{ "~input": S }` and reads `"~output"`). The `~` properties exist only in types.
 *
 * The rule is an interface of its own, not a property of the layer: reading `"~output"` through an
 * intersection makes the compiler instantiate every member of the intersected interface for the new
 * `this`, and a layer has a dozen (its settings, its runtime methods), its rule two.
 */
export interface Layer {
  readonly kind: string;
  readonly "~rule": ShapeRule;
}

/**
 * A layer's shape rule. A rule that also knows where its output dimensions come from (flatten:
 * `64·12·12`) declares `"~origins"`, one text per output dimension.
 *
 * @example
 * interface AddsAFeature extends ShapeRule {
 *   readonly "~output": this["~input"] extends [infer Batch, 10] ? [Batch, 11] : "addsAFeature: expects [batch, 10]";
 * }
 * type Out = (AddsAFeature & { readonly "~input": [number, 10] })["~output"]; //=> [number, 11]
 */
export interface ShapeRule {
  /** Phantom: the input shape the rule is applied to. */
  readonly "~input": unknown;
  /** Phantom: the output shape, or a message (a string literal) when the input does not fit. */
  readonly "~output": unknown;
}

/** The rule of layers that keep the shape (activations, dropout). */
export interface SameShape extends ShapeRule {
  readonly "~output": this["~input"];
}

/**
 * What a rule gives when the compiler cannot know its output shape (a block whose layers are an
 * array, not a tuple): the walk stops checking there, the model's shape is `Shape` from there on,
 * and the layers after it are checked when the model is built. (Not an object, so that the walk's
 * test for a shape, `extends object`, stays the only one on its hot path.)
 */
export type UnknownShape = null;

/** The output of layer L on input shape S: a shape, a message, an `Invalid`, or `UnknownShape`. */
export type Apply<L extends Layer, S> = (L["~rule"] & { readonly "~input": S })["~output"];

/**
 * Origins of the output dimensions: the layer's own, or the input's when the shape is unchanged.
 * With no origins to pass on (most steps), the shapes are not compared.
 */
export type OriginsAfter<L extends Layer, S, Out, Origins extends readonly string[]> = L["~rule"] extends {
  readonly "~origins": unknown;
}
  ? (L["~rule"] & { readonly "~input": S })["~origins"] extends infer Own extends readonly string[]
    ? Own
    : []
  : Origins extends []
    ? []
    : [S] extends [Out]
      ? [Out] extends [S]
        ? Origins
        : []
      : [];

/**
 * The message of a layer that does not fit, completed with its input: `"linear(9000, 128): … (input [number, 64·12·12 = 9216])"`.
 * A block's message about one of its layers already ends with that layer's input, and is kept as it is.
 */
export type StepMessage<
  L extends Layer,
  S,
  Origins extends readonly string[],
  Out = Apply<L, S>,
> = Out extends `${string} (input [${string}`
  ? Out // a block's inner layer: its message already has its own input
  : `${Out extends string ? Out : Out extends Invalid<infer Message> ? `${L["kind"]}: ${Message}` : `${L["kind"]}: no output shape`} (input ${S extends Shape ? ShowShape<S, Origins> : "?"})`;
