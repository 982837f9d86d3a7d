import type { Shape } from "../../types/shape/dims.ts";
import type { CheckedLayers, LayerOrMessage, Trace, Walk } from "../../types/model/walk.ts";
import type { RuntimeShape, RuntimeShapeOf } from "../shape/dims.ts";
import type { Input, InputLike } from "./input.ts";
import type { AnyLayer, RuntimeLayer } from "./layer.ts";
import { walk } from "./walk.ts";
import { fail } from "../errors.ts";
import { isObject } from "../shape/args.ts";
import type { ModelText, SequentialAsLayer } from "./model-as-layer.types.ts";

/** The count of layers a message says, `n` for an array that is not a tuple (as nn.sequential's). */
type CountOf<Items extends readonly unknown[]> = number extends Items["length"] ? "n" : Items["length"];

/**
 * A chain of layers whose shapes were checked: by the compiler as types, and again when built.
 * Hovering it shows its input and output shapes. Plain data: `shapecheck/tfjs` runs it
 * (`build(net)`, `toTfjs(net)`, `load(net, where)`).
 */
export interface Sequential<
  InputShape extends Shape,
  OutputShape extends Shape,
  Layers extends readonly unknown[] = readonly AnyLayer[],
  Name extends string = "",
> {
  readonly kind: "sequential";
  /** The name given by `named(name, model)`, for messages: `netD (sequential): …`. */
  readonly name?: Name;
  /** Input shape, batch first (`null` where unknown): `[null, 1, 28, 28]`. */
  readonly inputShape: RuntimeShapeOf<InputShape>;
  /** Output shape: `[null, 10]`. */
  readonly outputShape: RuntimeShapeOf<OutputShape>;
  readonly layers: Layers;
  /** Every layer's output shape, in order. */
  readonly trace: RuntimeShape[];
  /** Phantom: the type-level input and output shapes. */
  readonly "~shapes": readonly [InputShape, OutputShape];
  /**
   * Phantom: the model's shape rule as a layer of another model or in `.pipe(...)` (a model is a layer
   * by type; src/model/model-as-layer.ts): its input checked against `InputShape`, then its layers applied.
   */
  readonly "~rule": SequentialAsLayer<
    ModelText<Name, "sequential", `sequential(${CountOf<Layers>} layers)`>,
    InputShape,
    OutputShape,
    Layers
  >;
  /**
   * Phantom: every layer's output shape (the walk's own steps, cached from the check). Read by the editor plugin where it cannot
   * rebuild a layer from its arguments (a helper's layers). The compiler computes a member's type only when
   * it is asked for, so a model that is only checked does not pay for it.
   */
  readonly "~trace": Trace<InputShape, Layers>;
}

/** The output shape of the layers on an input (the loose `Shape` when a layer does not fit: the call reports it). */
export type OutputOf<InputShape extends Shape, Layers extends readonly unknown[]> =
  Walk<InputShape, Layers> extends { readonly output: infer Output extends Shape } ? Output : Shape;

/**
 * The output shape of a model, batch first: `[number, 10]`; of a `graph(...)`, its output's shape, or
 * a tuple of them when it has several outputs. `Shape` where the compiler cannot know it (layers spread
 * from an array that is not a tuple: the model checks them when it is built).
 */
export type OutputShape<M> = M extends { readonly "~shapes": readonly [Shape, infer Output] }
  ? Output
  : M extends {
        readonly kind: "graph";
        readonly "~shapes": readonly [readonly Shape[], infer Outputs extends readonly Shape[]];
      }
    ? Outputs extends readonly [infer Only]
      ? Only
      : Outputs
    : never;

/** The message of `ShapeTrace` on a graph, which has no single chain of layers. */
export type writeGraphTraceMessage =
  "ShapeTrace: a graph has no single chain of layers; OutputShape gives its output shapes";

/**
 * Every layer's output shape of a model, in order: `[[number, 32, 26, 26], …, [number, 10]]`; where the
 * compiler cannot know the shapes (an array of layers that is not a tuple), it ends with `...Shape[]`.
 */
export type ShapeTrace<M> = M extends {
  readonly "~shapes": readonly [infer InputShape extends Shape, Shape];
  readonly layers: infer Layers extends readonly unknown[];
}
  ? Trace<InputShape, Layers>
  : M extends { readonly kind: "graph" }
    ? writeGraphTraceMessage
    : never;

/**
 * A model declared as a type alone: one example's shape and the layers. It does not compile, with
 * the layer's message, when a layer does not fit.
 *
 * @example
 * type Net = Model<[9216], [Linear<9216, 128>, ReLU, Linear<128, 10>]>;
 * type Output = OutputShape<Net>; //=> [number, 10]
 */
export type Model<
  Example extends Shape,
  Layers extends readonly AnyLayer[] & { [K in keyof Layers]: LayerOrMessage<[number, ...Example], Layers, K> },
> = Sequential<[number, ...Example], OutputOf<[number, ...Example], Layers>, Layers>;

/**
 * Chains layers after an input. A layer that does not fit its input is a compile error on that
 * layer's argument, with a message that says what was expected; the same check runs again here,
 * throwing a ShapeError with the same text (for JavaScript callers, `any`, and dimensions that
 * were unknown to the compiler).
 *
 * @example
 * const net = sequential(input([9216]), nn.linear(9216, 128), nn.relu(), nn.linear(128, 10));
 * net.outputShape; // [null, 10]
 */
export function sequential<First, const Layers extends readonly unknown[]>(
  input: First extends InputLike<Shape> ? First : writeSequentialInputMessage,
  ...layers: First extends InputLike<infer S> ? CheckedLayers<S, Layers> : Layers
): Sequential<InputShapeOf<First>, OutputOf<InputShapeOf<First>, Layers>, Layers> {
  const first = input as unknown as Partial<Input<Shape>> | null | undefined;
  if (!isObject(first) || first.node?.op !== "input" || !Array.isArray(first.shape)) {
    fail(writeSequentialInputMessage);
  }
  const shape = first.shape;
  const chain = layers as unknown as readonly RuntimeLayer[];
  const trace = walk(shape, chain);
  return {
    kind: "sequential",
    inputShape: shape,
    outputShape: trace.at(-1) ?? shape,
    layers,
    trace,
  } as unknown as Sequential<InputShapeOf<First>, OutputOf<InputShapeOf<First>, Layers>, Layers>;
}

/** The message when `sequential`'s first argument is not `input(...)` (a layer, a shape, nothing). */
export type writeSequentialInputMessage =
  "sequential's first argument is input(shape), as in sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3))";
export const writeSequentialInputMessage: writeSequentialInputMessage =
  "sequential's first argument is input(shape), as in sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3))";

/** The shape of `sequential`'s first argument (`[]` when it is not an input: the call reports it). */
type InputShapeOf<First> = First extends InputLike<infer S> ? S : [];
