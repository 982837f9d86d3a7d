// tfjs-layers' Embedding: [batch, ...indices] → [batch, ...indices, outputDim]; with `inputLength` (a number, or one
// size per dimension after the batch) the input must match it, and the output takes its sizes.
// Twin: src/families/embedding/tf-embedding.ts.
import type { Dim, IsUnknown, Shape, ShowShape } from "../../../types/shape/dims.ts";

/** The message when the input does not match `inputLength`. */
export type writeInputLengthMessage<
  Layer extends string,
  Rest extends Shape,
> = `${Layer}: inputLength must match the input's dimensions after the batch ${ShowShape<Rest>}`;

/** `inputLength` matches when it has one size per dimension and each known dimension equals it. */
type Matches<Lengths extends readonly unknown[], Rest extends Shape> = Lengths extends readonly [
  infer Length,
  ...infer MoreLengths,
]
  ? Rest extends readonly [infer D, ...infer MoreDims extends Shape]
    ? IsUnknown<D> extends true
      ? Matches<MoreLengths, MoreDims>
      : D extends Length
        ? Matches<MoreLengths, MoreDims>
        : false
    : false
  : Rest extends readonly []
    ? true
    : false;

/**
 * [batch, ...indices] → [batch, ...indices, OutputDim]. `InputLength` is `undefined` when not given.
 *
 * @example
 * type E = TfEmbeddingRule<"embedding({ inputDim: 1000, outputDim: 64 })", 64, undefined, [number, 10]>;
 * //=> [number, 10, 64]
 */
export type TfEmbeddingRule<Layer extends string, OutputDim, InputLength, Input> = [InputLength] extends [undefined]
  ? Input extends Shape
    ? [...Input, OutputDim]
    : never
  : Input extends readonly [infer Batch, ...infer Rest extends Shape]
    ? (InputLength extends readonly unknown[] ? InputLength : [InputLength]) extends infer Lengths extends
        readonly unknown[]
      ? Matches<Lengths, Rest> extends true
        ? [Batch, ...{ -readonly [K in keyof Lengths]: Lengths[K] & Dim }, OutputDim]
        : writeInputLengthMessage<Layer, Rest>
      : never
    : never;
