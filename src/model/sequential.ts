import type { Shape } from "../../types/shape/dims.ts";
import type { CheckedLayers, LayerOrMessage, Trace, Walk } from "../../types/model/walk.ts";
import type { RuntimeShape, RuntimeShapeOf } from "../shape/dims.ts";
import type { Input } from "./input.ts";
import type { AnyLayer, RuntimeLayer } from "./layer.ts";
import { walk } from "./walk.ts";
import { sequentialRuntime, type SequentialRuntime } from "../runtime/methods.ts";

/**
 * A chain of layers whose shapes were checked: by the compiler as types, and again when built.
 * Hovering it shows its input and output shapes.
 */
export interface Sequential<InputShape extends Shape, OutputShape extends Shape, Layers extends readonly unknown[] = readonly AnyLayer[]>
  extends SequentialRuntime<InputShape, OutputShape> {
  readonly kind: "sequential";
  /** Input shape, batch first (`null` where unknown): `[null, 1, 28, 28]`. */
  readonly inputShape: RuntimeShapeOf<InputShape>;
  /** Output shape: `[null, 10]`. */
  readonly outputShape: RuntimeShapeOf<OutputShape>;
  readonly layers: Layers;
  /** Every layer's output shape, in order. */
  readonly trace: RuntimeShape[];
  /** Phantom: the type-level input and output shapes. */
  readonly "~shapes": readonly [InputShape, OutputShape];
}

/** The output shape of the layers on an input (the loose `Shape` when a layer does not fit: the call reports it). */
export type OutputOf<InputShape extends Shape, Layers extends readonly unknown[]> =
  Walk<InputShape, Layers> extends { readonly output: infer Output extends Shape } ? Output : Shape;

/** The output shape of a model, batch first: `[number, 10]`. */
export type OutputShape<M> = M extends { readonly "~shapes": readonly [Shape, infer Output] } ? Output : never;

/** Every layer's output shape of a model, in order: `[[number, 32, 26, 26], …, [number, 10]]`. */
export type ShapeTrace<M> = M extends { readonly "~shapes": readonly [infer InputShape extends Shape, Shape]; readonly layers: infer Layers extends readonly unknown[] }
  ? Trace<[InputShape, []], Layers>
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
export function sequential<InputShape extends Shape, const Layers extends readonly unknown[]>(
  input: Input<InputShape>,
  ...layers: CheckedLayers<InputShape, Layers>
): Sequential<InputShape, OutputOf<InputShape, Layers>, Layers> {
  const chain = layers as unknown as readonly RuntimeLayer[];
  const trace = walk(input.shape, chain);
  return {
    kind: "sequential",
    inputShape: input.shape,
    outputShape: trace.at(-1) ?? input.shape,
    layers,
    trace,
    ...sequentialRuntime,
  } as unknown as Sequential<InputShape, OutputOf<InputShape, Layers>, Layers>;
}
