// tfjs-layers' Reshape and Permute. Twin: src/families/reshape/tf-reshape.ts.
//   reshape({ targetShape }): [batch, ...dims] → [batch, ...targetShape], one -1 taking what is left; the sizes
//     must multiply out (checked when the input's dimensions are known, else when the model runs, as tfjs does).
//   permute({ dims }): 1-based dims (the batch stays first): output dimension i + 1 is input dimension dims[i].
import type { Add, Compare, FloorDiv, Mod, Product, Sub } from "../../../types/arith/index.ts";
import type { Dim, IsUnknown, Shape, ValueOf } from "../../../types/shape/dims.ts";

/** The message when a target shape without -1 has a different number of elements than the input. */
export type writeReshapeSizeMessage<
  Layer extends string,
  Target,
  Total,
> = `${Layer}: the target shape has ${Target & number} elements, the input has ${Total & number}`;

/** The message when the input's elements do not divide by the target's known sizes (with a -1). */
export type writeReshapeDivideMessage<
  Layer extends string,
  Known,
  Total,
> = `${Layer}: the input's ${Total & number} elements do not divide into the target's known sizes (${Known & number})`;

type AnyUnknown<Dims extends Shape> = Dims extends readonly [infer D, ...infer Rest extends Shape]
  ? IsUnknown<D> extends true
    ? true
    : AnyUnknown<Rest>
  : false;
type WithoutFree<Target extends readonly number[], Kept extends number[] = []> = Target extends readonly [
  infer D extends number,
  ...infer Rest extends number[],
]
  ? WithoutFree<Rest, D extends -1 ? Kept : [...Kept, D]>
  : Kept;
type Fill<Target extends readonly number[], Free, Out extends Dim[] = []> = Target extends readonly [
  infer D extends number,
  ...infer Rest extends number[],
]
  ? Fill<Rest, Free, [...Out, D extends -1 ? Free & Dim : D]>
  : Out;

/**
 * [batch, ...dims] → [batch, ...targetShape] with -1 resolved, or the message when the sizes do not multiply out.
 *
 * @example
 * type R = TfReshapeRule<"reshape({ targetShape: [-1, 64] })", [-1, 64], [number, 7, 7, 64]>;
 * //=> [number, 49, 64]
 */
export type TfReshapeRule<Layer extends string, Target extends readonly number[], Input> = Input extends readonly [
  infer Batch,
  ...infer Rest extends Shape,
]
  ? AnyUnknown<Rest> extends true
    ? [Batch, ...Fill<Target, number>]
    : Product<{ [K in keyof Rest]: ValueOf<Rest[K]> }> extends infer Total
      ? Product<WithoutFree<Target>> extends infer Known
        ? -1 extends Target[number]
          ? Mod<Total, Known> extends 0
            ? [Batch, ...Fill<Target, FloorDiv<Total, Known>>]
            : writeReshapeDivideMessage<Layer, Known, Total>
          : Known extends Total
            ? [Batch, ...Fill<Target, never>]
            : writeReshapeSizeMessage<Layer, Known, Total>
        : never
      : never
  : never;

/** The message when permute's input has the wrong rank. */
export type writePermuteRankMessage<
  Layer extends string,
  Expected extends number,
  Got extends number,
> = `${Layer}: expects an input of rank ${Expected}, got rank ${Got}`;

type Permuted<Dims extends readonly number[], Rest extends Shape, Out extends Dim[] = []> = Dims extends readonly [
  infer D extends number,
  ...infer More extends number[],
]
  ? Permuted<More, Rest, [...Out, Rest[Sub<D, 1> & number]]>
  : Out;

/**
 * [batch, d1, …, dn] → [batch, d(dims[0]), …, d(dims[n−1])].
 *
 * @example
 * type P = TfPermuteRule<"permute({ dims: [2, 1] })", [2, 1], [number, 10, 64]>;
 * //=> [number, 64, 10]
 */
export type TfPermuteRule<Layer extends string, Dims extends readonly number[], Input> = Input extends readonly [
  infer Batch,
  ...infer Rest extends Shape,
]
  ? Rest["length"] extends Dims["length"]
    ? [Batch, ...Permuted<Dims, Rest>]
    : writePermuteRankMessage<Layer, Add<Dims["length"], 1> & number, Input["length"]>
  : never;

/** The message when permute's dims are not a permutation of 1…n. */
export type writePermutationMessage<
  Layer extends string,
  Count extends number,
> = `${Layer}: dims must be a permutation of 1…${Count}`;

/** True when `Dims` holds each of 1…n once. */
export type IsPermutation<
  Dims extends readonly number[],
  Rest extends readonly number[] = Dims,
  Seen extends number = never,
> = Rest extends readonly [infer D extends number, ...infer More extends number[]]
  ? [D] extends [Seen]
    ? false
    : Compare<D, 1> extends "lt"
      ? false
      : Compare<D, Dims["length"]> extends "gt"
        ? false
        : IsPermutation<Dims, More, Seen | D>
  : true;
