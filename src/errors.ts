/**
 * A shape mistake found at run time (from JavaScript, from `any`, from a model built from data, or
 * where a dimension was unknown to the compiler). Its message is the text the compiler shows for
 * the same mistake.
 */
export class ShapeError extends Error {
  override name = "ShapeError";
  /** Index of the layer in its model, when the mistake is a layer's. */
  readonly layerIndex: number | undefined;

  constructor(message: string, options?: { layerIndex?: number }) {
    super(message);
    this.layerIndex = options?.layerIndex;
  }
}

/** Throws a ShapeError with `message` unless `condition` holds. */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new ShapeError(message());
}
