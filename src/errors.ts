import type { RuntimeLayer } from "./model/layer.ts";
import type { RuntimeShape } from "./shape/dims.ts";

/**
 * A shape mistake found at run time (from JavaScript, from `any`, from a model built from data, or
 * where a dimension was unknown to the compiler). Its message is the text the compiler shows for
 * the same mistake.
 */
export class ShapeError extends Error {
  override name = "ShapeError";
  /** Index of the layer in its model, when the mistake is a layer's. */
  declare readonly layerIndex: number | undefined;
  /**
   * When a chain of layers was being checked: its input, its layers, and the output shape of every
   * layer before the one that does not fit (what `shapecheck explain` shows up to the error).
   * Not enumerable, so printing the error does not print the layers.
   */
  declare readonly partial: PartialWalk | undefined;

  constructor(message: string, options?: { layerIndex?: number; partial?: PartialWalk }) {
    super(message);
    this.layerIndex = options?.layerIndex;
    Object.defineProperty(this, "partial", { value: options?.partial }); // not enumerable, not writable (the defaults)
  }
}

/** A chain of layers checked up to a mistake: the output shapes before the layer at `layerIndex`. */
export interface PartialWalk {
  readonly input: RuntimeShape;
  readonly layers: readonly RuntimeLayer[];
  readonly shapes: readonly RuntimeShape[];
}

/** Throws the ShapeError with this message: `if (bad) fail(writeSomeMessage(…))` (src/ops/fail.ts re-exports it for the ops). */
export function fail(message: string): never {
  throw new ShapeError(message);
}

/** Throws a ShapeError with `message` unless `condition` holds. */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new ShapeError(message());
}
