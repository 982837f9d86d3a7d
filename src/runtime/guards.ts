// What the typed model checks about data and options beyond shapes, before TensorFlow.js sees them
// (shapes are tensor.ts's): finite values, a non-empty batch, option values; and during `fit`, a
// guard that stops training when a step makes the loss or a weight non-finite, putting back the
// weights from before that step. No Node modules here: the runtime also runs in a browser.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { DataError } from "./errors.ts";

/** The position of element `flat` of a tensor of `shape` (row-major): `[3, 0, 14, 7]`. */
function positionOf(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis]!;
    flat = Math.floor(flat / shape[axis]!);
  }
  return index;
}

/** One number that is finite when every value of `tensor` is (0·x sums to 0, and to NaN when some x is NaN or ±∞). */
const finiteProbe = (tensors: readonly tf.Tensor[]): tf.Scalar =>
  tf.tidy(() => tf.addN(tensors.map((t) => tf.sum(tf.mul(t, tf.scalar(0, t.dtype))))) as tf.Scalar);

/** The error for a non-finite value found at `flat` in `tensor`'s `values`. */
function nonFinite(where: string, tensor: tf.Tensor, values: ArrayLike<number>): DataError {
  const flat = Array.prototype.findIndex.call(values, (v: number) => !Number.isFinite(v));
  const index = positionOf(flat, tensor.shape);
  return new DataError(
    `${where}: the value at [${index.join(", ")}] is ${values[flat]}; the data must be finite numbers`,
    index,
  );
}

/** Throws a DataError naming the first NaN or ±Infinity of a float tensor (int and bool tensors are always finite). */
export function checkFinite(where: string, tensor: tf.Tensor): void {
  if (tensor.dtype !== "float32" || tensor.size === 0) return;
  const probe = finiteProbe([tensor]);
  const finite = Number.isFinite(probe.dataSync()[0]);
  probe.dispose();
  if (!finite) throw nonFinite(where, tensor, tensor.dataSync() as Float32Array);
}

/** As checkFinite, without blocking (for fit and evaluate). */
export async function checkFiniteAsync(where: string, tensor: tf.Tensor): Promise<void> {
  if (tensor.dtype !== "float32" || tensor.size === 0) return;
  const probe = finiteProbe([tensor]);
  const finite = Number.isFinite((await probe.data())[0]);
  probe.dispose();
  if (!finite) throw nonFinite(where, tensor, (await tensor.data()) as Float32Array);
}

/** Throws a DataError when a batch has no examples (tfjs fails on it with unrelated messages, or returns no loss). */
export function checkNotEmpty(where: string, tensor: tf.Tensor): void {
  if (tensor.rank > 0 && tensor.shape[0] === 0)
    throw new DataError(`${where}: the batch is empty (0 examples, shape [${tensor.shape.join(", ")}])`);
}

/** Throws a RangeError unless `value` (when given) is an integer ≥ `least`. */
export function checkInteger(where: string, name: string, value: unknown, least: number): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < least) {
    throw new RangeError(
      `${where}: ${name} must be an integer of at least ${least}, got ${typeof value === "number" ? value : (JSON.stringify(value) ?? String(value))}`,
    );
  }
}

/** The options of fit that tfjs would ignore or misread, checked: counts are integers, validationSplit a fraction. */
export function checkFitOptions(options: {
  epochs?: unknown;
  batchSize?: unknown;
  initialEpoch?: unknown;
  validationSplit?: unknown;
  verbose?: unknown;
}): void {
  checkInteger("fit", "epochs", options.epochs, 1);
  checkInteger("fit", "batchSize", options.batchSize, 1);
  checkInteger("fit", "initialEpoch", options.initialEpoch, 0);
  const epochs = (options.epochs as number | undefined) ?? 1;
  const initialEpoch = (options.initialEpoch as number | undefined) ?? 0;
  if (initialEpoch >= epochs) {
    throw new RangeError(
      `fit: initialEpoch (${initialEpoch}) must be below epochs (${epochs}): as in tfjs, epochs is the index the training stops at, not a number of epochs to add`,
    );
  }
  const split = options.validationSplit;
  if (split !== undefined && (typeof split !== "number" || !(split >= 0 && split < 1))) {
    throw new RangeError(
      `fit: validationSplit must be a fraction from 0 up to (not including) 1, got ${typeof split === "number" ? split : (JSON.stringify(split) ?? String(split))}`,
    );
  }
  if (options.verbose !== undefined && options.verbose !== 0 && options.verbose !== 1 && options.verbose !== 2) {
    throw new RangeError(
      `fit: verbose must be 0, 1 or 2, got ${JSON.stringify(options.verbose) ?? String(options.verbose)}`,
    );
  }
}

/** Throws a RangeError when `validationSplit` of `examples` leaves no example to train on or none to validate on. */
export function checkSplit(examples: number, split: number | undefined): void {
  if (split === undefined || split === 0) return;
  const training = Math.floor(examples * (1 - split)); // as tfjs splits
  if (training === 0 || training === examples) {
    throw new RangeError(
      `fit: validationSplit ${split} of ${examples} examples leaves ${training === 0 ? "none to train on" : "none to validate on"}`,
    );
  }
}

/**
 * A tfjs callback that keeps the weights of before each training step and checks, after it, that
 * the loss and every weight are finite. When one is not, it puts the weights back, stops training
 * and keeps the error, which `fit` throws once tfjs has returned. Keeping the weights costs no copy:
 * a clone shares the tensor's data, and the optimizer writes new tensors rather than changing them.
 */
export class FiniteStepGuard extends tfl.Callback {
  /** The error to throw after fit, when a step was undone. */
  failure: DataError | null = null;
  private before: tf.Tensor[] = [];
  private epoch = 0;

  constructor(private readonly guarded: tfl.LayersModel) {
    super();
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.epoch = epoch;
  }

  override async onBatchBegin(): Promise<void> {
    this.release();
    this.before = this.guarded.weights.map((w) => tf.clone(w.read()));
  }

  override async onBatchEnd(batch: number, logs?: tfl.Logs | Record<string, number | tf.Scalar>): Promise<void> {
    const value = logs?.loss as number | tf.Scalar | undefined;
    const loss = typeof value === "number" ? value : value === undefined ? 0 : (await value.data())[0]!;
    const floats = this.guarded.weights.map((w) => w.read()).filter((w) => w.dtype === "float32");
    const probe = floats.length > 0 ? finiteProbe(floats) : null;
    const weightsFinite = probe === null || Number.isFinite((await probe.data())[0]);
    probe?.dispose();
    if (Number.isFinite(loss) && weightsFinite) return;
    this.guarded.weights.forEach((w, i) => w.write(this.before[i]!));
    this.guarded.stopTraining = true;
    const what = Number.isFinite(loss) ? "a weight became non-finite (NaN or infinite)" : `the loss became ${loss}`;
    this.failure = new DataError(
      `fit: ${what} in epoch ${this.epoch + 1}, batch ${batch + 1}; training stopped and the weights are those from before that batch ` +
        `(a learning rate too large? compile again to reset the optimizer before training on)`,
    );
  }

  override async onTrainEnd(): Promise<void> {
    this.release();
  }

  /** Frees the kept weights (also when fit fails). */
  release(): void {
    this.before.forEach((t) => t.dispose());
    this.before = [];
  }
}
