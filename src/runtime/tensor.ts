// Typed tensors: a TensorFlow.js tensor whose shape the compiler knows, and the run-time check
// that data entering untyped (an array, a tensor from elsewhere) has the shape a model expects.
import * as tf from "@tensorflow/tfjs-core";
import type { Dim, Shape, ShowShape } from "../../types/shape/dims.ts";
import { ShapeError } from "../errors.ts";
import { showShape, type RuntimeShape } from "../shape/dims.ts";
import { DataError } from "./errors.ts";

/** tfjs's rank of a shape (`Rank.R4` for a shape of 4 dimensions), `Rank` when unknown. */
export type RankOf<S extends Shape> = S["length"] extends 0
  ? tf.Rank.R0
  : S["length"] extends 1
    ? tf.Rank.R1
    : S["length"] extends 2
      ? tf.Rank.R2
      : S["length"] extends 3
        ? tf.Rank.R3
        : S["length"] extends 4
          ? tf.Rank.R4
          : S["length"] extends 5
            ? tf.Rank.R5
            : S["length"] extends 6
              ? tf.Rank.R6
              : tf.Rank;

/**
 * A TensorFlow.js tensor whose shape is part of its type, batch first: `Tensor<[number, 1, 28, 28]>`.
 * It is a `tf.Tensor` (every tfjs function takes it); the shape lives in the phantom `"~shape"`.
 *
 * @example
 * const x = tensor(pixels, [64, 1, 28, 28]); // Tensor<[64, 1, 28, 28]>
 * model.predict(x);                         // Tensor<[number, 10]>
 */
export type Tensor<S extends Shape> = tf.Tensor<RankOf<S>> & { readonly "~shape": S };

/** Data a model accepts where it is not a typed tensor: a tfjs tensor or (nested) numbers, checked at run time. */
export type TensorData = tf.Tensor | tf.TensorLike;

/** The message when a tensor does not have the shape expected where it enters. */
export type writeTensorShapeMessage<
  Where extends string,
  Expected extends string,
  Given extends string,
> = `${Where}: expected a tensor of shape ${Expected}, got ${Given}`;
export const writeTensorShapeMessage = (where: string, expected: string, given: string): string =>
  `${where}: expected a tensor of shape ${expected}, got ${given}`;

/** A dimension the compiler knows to differ: both are known sizes, and not the same. */
type DimsDiffer<Given, Expected> = Expected extends number
  ? number extends Expected
    ? false
    : Given extends number
      ? number extends Given
        ? false
        : Given extends Expected
          ? false
          : true
      : false
  : false;
type ShapesDiffer<Given extends Shape, Expected extends Shape> = number extends Given["length"]
  ? false
  : Given["length"] extends Expected["length"]
    ? Given extends readonly [infer G, ...infer GivenRest extends Shape]
      ? Expected extends readonly [infer E, ...infer ExpectedRest extends Shape]
        ? DimsDiffer<G, E> extends true
          ? true
          : ShapesDiffer<GivenRest, ExpectedRest>
        : false
      : false
    : true;

/**
 * A tensor argument checked against the shape expected: the argument itself, or the message when
 * its type says it has another shape (the compiler reports it on the argument). Untyped data (a
 * `tf.Tensor`, arrays) passes here and is checked at run time with the same message.
 */
export type TensorArg<Given, Expected extends Shape, Where extends string> = Given extends {
  readonly "~shape": infer S extends Shape;
}
  ? ShapesDiffer<S, Expected> extends true
    ? writeTensorShapeMessage<Where, ShowShape<Expected>, ShowShape<S>>
    : Given
  : Given;

/** True when a tensor of shape `actual` fits `expected` (unknown and named dimensions fit any size). */
export const fits = (expected: RuntimeShape, actual: readonly number[]): boolean =>
  expected.length === actual.length && expected.every((dim, i) => typeof dim !== "number" || dim === actual[i]);

/** Throws the ShapeError for data of shape `actual` where `expected` was expected. */
export function checkShape(where: string, expected: RuntimeShape, actual: readonly number[]): void {
  if (!fits(expected, actual))
    throw new ShapeError(writeTensorShapeMessage(where, showShape(expected), showShape(actual)));
}

/**
 * The tensor for `data`, checked against `expected` before TensorFlow.js sees it. A tfjs tensor is
 * used as it is; arrays become a float32 tensor (nested arrays give their own shape; a flat array
 * or typed array is given the expected shape when every dimension but one is known). `owned` says
 * whether the caller must dispose the result.
 */
export function toTensor(
  where: string,
  given: TensorData,
  expected: RuntimeShape,
  dtype?: tf.DataType,
): { tensor: tf.Tensor; owned: boolean } {
  if (given instanceof tf.Tensor) {
    if (given.isDisposed) throw new DataError(`${where}: the tensor has been disposed`);
    checkNumeric(where, given.dtype);
    checkShape(where, expected, given.shape);
    return { tensor: given, owned: false };
  }
  const data = supportedArray(where, given, dtype);
  const flat = ArrayBuffer.isView(data) || (Array.isArray(data) && !data.some(Array.isArray));
  let tensor: tf.Tensor;
  if (flat && expected.length !== 1) {
    const length = (data as ArrayLike<number>).length;
    const shape = fillShape(expected, length);
    if (shape === null)
      throw new ShapeError(writeTensorShapeMessage(where, showShape(expected), `a flat array of ${length} numbers`));
    tensor = tf.tensor(data as tf.TensorLike, shape, dtype);
  } else {
    try {
      tensor = tf.tensor(data, undefined, dtype);
    } catch (error) {
      throw new ShapeError(
        `${where}: the array is not a tensor of shape ${showShape(expected)} (${(error as Error).message})`,
      );
    }
  }
  if (tensor.dtype === "string" || !fits(expected, tensor.shape)) {
    tensor.dispose();
    checkNumeric(where, tensor.dtype);
    checkShape(where, expected, tensor.shape);
  }
  return { tensor, owned: true };
}

/** Throws a DataError for a tensor of strings or complex numbers, which no model takes. */
function checkNumeric(where: string, dtype: tf.DataType): void {
  if (dtype === "string" || dtype === "complex64")
    throw new DataError(`${where}: expected numbers (a float32 or int32 tensor), got a ${dtype} tensor`);
}

/**
 * The typed arrays tfjs takes (Float32Array, Int32Array, Uint8Array) as they are; the others are
 * copied into one it takes: Float64Array and other integer arrays into a Float32Array (an Int32Array
 * for an int32 tensor), as tfjs's own arrays of numbers are.
 */
function supportedArray(where: string, data: tf.TensorLike, dtype: tf.DataType | undefined): tf.TensorLike {
  const view: unknown = data;
  if (
    !ArrayBuffer.isView(view) ||
    view instanceof Float32Array ||
    view instanceof Int32Array ||
    view instanceof Uint8Array
  )
    return data;
  if (view instanceof DataView || view instanceof BigInt64Array || view instanceof BigUint64Array) {
    throw new DataError(
      `${where}: a ${view.constructor.name} is not tensor data; give a Float32Array, Float64Array, Int32Array or an array of numbers`,
    );
  }
  const numbers = data as unknown as ArrayLike<number>;
  return dtype === "int32" ? Int32Array.from(numbers) : Float32Array.from(numbers);
}

/** The shape a flat array of `length` numbers takes in `expected` (one unknown dimension inferred), or null. */
function fillShape(expected: RuntimeShape, length: number): number[] | null {
  const unknown = expected.filter((dim) => typeof dim !== "number").length;
  const known = expected.reduce<number>((total, dim) => (typeof dim === "number" ? total * dim : total), 1);
  if (unknown > 1 || known === 0 || length % known !== 0) return null;
  if (unknown === 0 && length !== known) return null;
  return expected.map((dim) => (typeof dim === "number" ? dim : length / known));
}

/** `null` (unknown) in a shape as the type writes it: `number`. */
type ShapeOf<Dims extends readonly (number | null | string)[]> = {
  -readonly [K in keyof Dims]: Dims[K] extends null ? number : Dims[K] & Dim;
};

/**
 * A typed tensor from data, checked at run time: a tfjs tensor must have the shape given; arrays
 * become a tensor of that shape (`null` is a dimension of any size, inferred for a flat array).
 * Throws a ShapeError naming both shapes when they differ.
 *
 * @example
 * tensor(new Float32Array(64 * 784), [null, 1, 28, 28]); // Tensor<[number, 1, 28, 28]>, shape [64, 1, 28, 28]
 * tensor(tf.zeros([64, 784]), [null, 1, 28, 28]);      // ShapeError: tensor: expected a tensor of shape [number, 1, 28, 28], got [64, 784]
 */
export function tensor<const Dims extends readonly (number | null | string)[]>(
  data: TensorData,
  shape: Dims,
  dtype?: tf.DataType,
): Tensor<ShapeOf<Dims>> {
  return toTensor("tensor", data, shape, dtype).tensor as Tensor<ShapeOf<Dims>>;
}
