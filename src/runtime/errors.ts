// The runtime's own errors besides ShapeError: a saved model's files (ModelFileError) and the
// values of data given to a model (DataError). Both are thrown before TensorFlow.js sees the input.

/** A model could not be saved or loaded: the message names the file and what is wrong with it. */
export class ModelFileError extends Error {
  override name = "ModelFileError";
  /** The file or directory concerned. */
  readonly path: string;
  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
  }
}

/**
 * Data a model cannot use although its shape fits: a non-finite value (NaN, ±Infinity), a string
 * tensor, a disposed tensor, an empty batch. `index` is the first bad element, when there is one.
 */
export class DataError extends Error {
  override name = "DataError";
  readonly index: readonly number[] | undefined;
  constructor(message: string, index?: readonly number[]) {
    super(message);
    this.index = index;
  }
}
