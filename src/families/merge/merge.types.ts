// tfjs-layers' merge layers on several inputs, as tfjs's own computeOutputShape and build check them (not NumPy's
// rules): Add, Average, Maximum, Minimum, Multiply broadcast the dimensions after the batch from the end, a size
// the compiler does not know (`number`, or a name, which tfjs sees as null) giving an unknown size; the batch sizes
// must agree where known. Concatenate joins inputs of one rank that agree exactly (unknown with unknown) except on
// its axis. Dot takes 2 inputs of rank 2 or 3. Twin: src/families/merge/merge.ts.
import type { Add } from "../../../types/arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "../../../types/shape/dim-index.ts";
import type { Dim, Shape, ShowDim, ShowShape } from "../../../types/shape/dims.ts";
import type { IsUnknownShape } from "../../ops/common.ts";

/** A size tfjs knows: a number literal (`number` and names are null to tfjs). */
type Known<D> = D extends number ? (number extends D ? false : true) : false;
/**
 * Two different dimensions that are each a size or a name (issue 13: names are distinct): a name never equals
 * another name or a size, although tfjs sees a name as null. `number` (unknown) agrees with anything.
 */
type Distinct<A, B> = A extends string ? (B extends string ? true : Known<B>) : B extends string ? Known<A> : false;
/** Whether some shape is unknown (`Shape`, after a mistake): the merge then accepts it, without a new error. */
type AnyUnknown<Shapes extends readonly unknown[]> = true extends {
  [K in keyof Shapes]: IsUnknownShape<Shapes[K]>;
}[number]
  ? true
  : false;

/** The message for too few (or, for dot, too many) inputs. */
export type writeMergeCountMessage<
  Layer extends string,
  Expected extends string,
  N extends number,
> = `${Layer}: takes ${Expected} inputs (got ${N})`;
/** The message for an input without a batch dimension (a scalar). */
export type writeNoBatchMessage<
  Layer extends string,
  I extends number,
> = `${Layer}: input ${I} is a scalar; a merge layer takes tensors with a batch dimension`;

// ---- add, average, maximum, minimum, multiply

/** The message when two known batch sizes differ (tfjs's merge layers do not broadcast the batch). */
export type writeMergeBatchMessage<
  Layer extends string,
  I extends number,
  A,
  B,
> = `${Layer}: input ${I} has batch size ${ShowDim<B>}, the inputs before it ${ShowDim<A>} (TensorFlow.js merges equal batch sizes only)`;
/** The message when an input does not broadcast with the inputs before it. */
export type writeMergeBroadcastMessage<
  Layer extends string,
  I extends number,
  S extends Shape,
  Before extends Shape,
  FromEnd extends number,
  DB,
  DA,
> = `${Layer}: input ${I} ${ShowShape<S>} does not broadcast with the inputs before it ${ShowShape<Before>}: dimension -${FromEnd} is ${ShowDim<DA>} and ${ShowDim<DB>} (sizes must be equal, or one of them 1)`;

/** tfjs's batch: an unknown one gives way to a known one; two known ones must be equal (never when they differ). */
type MergeBatch<A, B> = [A] extends [B] ? ([B] extends [A] ? A : OtherBatch<A, B>) : OtherBatch<A, B>;
type OtherBatch<A, B> =
  Distinct<A, B> extends true
    ? never
    : Known<A> extends true
      ? Known<B> extends true
        ? never
        : A
      : Known<B> extends true
        ? B
        : number;

/** tfjs's computeElementwiseOpOutputShape on one dimension: unknown if either is, 1 gives way, else equal. */
type MergeDim<A, B> = [A] extends [B] ? ([B] extends [A] ? A : OtherDim<A, B>) : OtherDim<A, B>;
type OtherDim<A, B> =
  Known<A> extends true ? (Known<B> extends true ? (A extends 1 ? B : B extends 1 ? A : never) : number) : number;
/**
 * The check of one dimension: 1 and unknown sizes give way, two known sizes must be equal. Stricter than tfjs's
 * computeOutputShape, whose unknown result lets [null, 5] and [null, 6] after it pass although its call must fail.
 */
type CheckDim<A, B> = [A] extends [B] ? ([B] extends [A] ? A : OtherCheck<A, B>) : OtherCheck<A, B>;
type OtherCheck<A, B> = A extends 1
  ? B
  : B extends 1
    ? A
    : Distinct<A, B> extends true
      ? never
      : Known<A> extends true
        ? Known<B> extends true
          ? never
          : A
        : B;

/** The dimensions after the batch, checked from the end (the longer shape's leading dimensions kept). */
type CheckDims<
  Layer extends string,
  I extends number,
  S extends Shape,
  Before extends Shape,
  RestA extends Shape,
  RestB extends Shape,
  Out extends Dim[],
> = RestA extends readonly [...infer LeadA extends Shape, infer DA]
  ? RestB extends readonly [...infer LeadB extends Shape, infer DB]
    ? [CheckDim<DA, DB>] extends [never]
      ? writeMergeBroadcastMessage<Layer, I, S, Before, [...Out, 0]["length"], DB, DA>
      : CheckDims<Layer, I, S, Before, LeadA, LeadB, [CheckDim<DA, DB> & Dim, ...Out]>
    : [...RestA, ...Out]
  : [...RestB, ...Out];

/** The inputs one by one against what those before them require; the message, or `true`. */
type CheckFold<
  Layer extends string,
  Shapes extends readonly Shape[],
  Before extends Shape,
  Index extends unknown[],
> = Shapes extends readonly [infer S extends Shape, ...infer Rest extends Shape[]]
  ? S extends readonly [infer Batch, ...infer Dims extends Shape]
    ? Before extends readonly [infer BeforeBatch, ...infer BeforeDims extends Shape]
      ? [MergeBatch<BeforeBatch, Batch>] extends [never]
        ? writeMergeBatchMessage<Layer, Index["length"], BeforeBatch, Batch>
        : CheckDims<Layer, Index["length"], S, Before, BeforeDims, Dims, []> extends infer Merged
          ? Merged extends Dim[]
            ? CheckFold<Layer, Rest, [MergeBatch<BeforeBatch, Batch> & Dim, ...Merged], [...Index, 0]>
            : Merged
          : never
      : never
    : writeNoBatchMessage<Layer, Index["length"]>
  : true;

/** tfjs's output shape (once checked): its batch, and its computeElementwiseOpOutputShape from the end. */
type TfjsDims<RestA extends Shape, RestB extends Shape, Out extends Dim[]> = RestA extends readonly [
  ...infer LeadA extends Shape,
  infer DA,
]
  ? RestB extends readonly [...infer LeadB extends Shape, infer DB]
    ? TfjsDims<LeadA, LeadB, [MergeDim<DA, DB> & Dim, ...Out]>
    : [...RestA, ...Out]
  : [...RestB, ...Out];
type TfjsFold<Shapes extends readonly Shape[], Before extends Shape> = Shapes extends readonly [
  readonly [infer Batch, ...infer Dims extends Shape],
  ...infer Rest extends Shape[],
]
  ? Before extends readonly [infer BeforeBatch, ...infer BeforeDims extends Shape]
    ? TfjsFold<Rest, [MergeBatch<BeforeBatch, Batch> & Dim, ...TfjsDims<BeforeDims, Dims, []>]>
    : never
  : Before;

/**
 * add, average, maximum, minimum, multiply: at least 2 inputs, broadcast as tfjs's Merge does.
 *
 * @example
 * type M = MergeRule<"add()", [[number, 3, 4], [number, 4]]>;
 * //=> [number, 3, 4]
 */
export type MergeRule<Layer extends string, Shapes extends readonly Shape[]> =
  AnyUnknown<Shapes> extends true
    ? Shape
    : Shapes extends readonly [infer First extends Shape, Shape, ...Shape[]]
      ? First extends readonly [unknown, ...unknown[]]
        ? Shapes extends readonly [unknown, ...infer Rest extends Shape[]]
          ? CheckFold<Layer, Rest, First, [0]> extends infer Checked
            ? Checked extends true
              ? TfjsFold<Rest, First>
              : Checked
            : never
          : never
        : writeNoBatchMessage<Layer, 0>
      : writeMergeCountMessage<Layer, "at least 2", Shapes["length"]>;

// ---- concatenate

/** The message when an input's rank differs from the first input's. */
export type writeConcatenateRankMessage<
  Layer extends string,
  I extends number,
  S extends Shape,
  First extends Shape,
> = `${Layer}: input ${I} ${ShowShape<S>} has rank ${S["length"]} and input 0 ${ShowShape<First>} rank ${First["length"]} (TensorFlow.js concatenates tensors of one rank)`;
/** The message when a dimension other than the axis differs. */
export type writeConcatenateMessage<
  Layer extends string,
  I extends number,
  S extends Shape,
  First extends Shape,
  Position extends number,
  D,
  F,
> = `${Layer}: input ${I} ${ShowShape<S>} and input 0 ${ShowShape<First>} differ in dimension ${Position} (${ShowDim<D>} and ${ShowDim<F>}); they must agree on every dimension but the axis (an unknown size with an unknown size only)`;

/** The message for concatenate's axis on the batch. */
export type writeConcatenateBatchMessage<
  Layer extends string,
  Axis extends number,
> = `${Layer}: axis ${Axis} is the batch (dimension 0); a layer of a model keeps the batch`;

/** tfjs's Concatenate compares dimensions as written: equal, or both unknown to tfjs (the result then unknown). */
type SameDim<A, B> = [A] extends [B] ? ([B] extends [A] ? A : OtherSame<A, B>) : OtherSame<A, B>;
type OtherSame<A, B> =
  Known<A> extends true ? never : Known<B> extends true ? never : Distinct<A, B> extends true ? never : number;
type SumDim<A, B> = Known<A> extends true ? (Known<B> extends true ? Add<A & number, B & number> : number) : number;

type ConcatenateDims<
  Layer extends string,
  Axis extends number,
  I extends number,
  S extends Shape,
  First extends Shape,
  A extends Shape,
  B extends Shape,
  Out extends Dim[],
> = A extends readonly [infer DA, ...infer RestA extends Shape]
  ? B extends readonly [infer DB, ...infer RestB extends Shape]
    ? Out["length"] extends Axis
      ? ConcatenateDims<Layer, Axis, I, S, First, RestA, RestB, [...Out, SumDim<DA, DB> & Dim]>
      : [SameDim<DA, DB>] extends [never]
        ? writeConcatenateMessage<Layer, I, S, First, Out["length"], DB, First[Out["length"]]>
        : ConcatenateDims<Layer, Axis, I, S, First, RestA, RestB, [...Out, SameDim<DA, DB> & Dim]>
    : Out
  : Out;

type ConcatenateFold<
  Layer extends string,
  Axis extends number,
  Shapes extends readonly Shape[],
  First extends Shape,
  Before extends Shape,
  Index extends unknown[],
> = Shapes extends readonly [infer S extends Shape, ...infer Rest extends Shape[]]
  ? S["length"] extends First["length"]
    ? ConcatenateDims<Layer, Axis, Index["length"], S, First, Before, S, []> extends infer Joined
      ? Joined extends Dim[]
        ? ConcatenateFold<Layer, Axis, Rest, First, Joined, [...Index, 0]>
        : Joined
      : never
    : writeConcatenateRankMessage<Layer, Index["length"], S, First>
  : Before;

/**
 * concatenate({ axis = -1 }): at least 2 inputs of one rank, joined on `axis` (negative from the end).
 *
 * @example
 * type C = ConcatenateRule<"concatenate()", -1, [[number, 8, 3], [number, 8, 5]]>;
 * //=> [number, 8, 8]
 */
export type ConcatenateRule<Layer extends string, Axis extends number, Shapes extends readonly Shape[]> =
  AnyUnknown<Shapes> extends true
    ? Shape
    : Shapes extends readonly [infer First extends Shape, Shape, ...infer Rest extends Shape[]]
      ? DimIndex<Axis, First["length"]> extends infer Index extends number
        ? Index extends 0
          ? writeConcatenateBatchMessage<Layer, Axis>
          : ConcatenateFold<
              Layer,
              Index,
              Shapes extends readonly [unknown, ...infer Others extends Shape[]] ? Others : Rest,
              First,
              First,
              [0]
            >
        : writeDimRangeMessage<Layer, "axis", Axis, First["length"]>
      : writeMergeCountMessage<Layer, "at least 2", Shapes["length"]>;

// ---- dot

/** The message for an input of another rank than 2 or 3 (tfjs's Dot and batchDot take those only). */
export type writeDotRankMessage<
  Layer extends string,
  I extends number,
  S extends Shape,
> = `${Layer}: input ${I} ${ShowShape<S>} has rank ${S["length"]}; TensorFlow.js's Dot takes inputs of rank 2 or 3 (batch included)`;
/** The message for an axis on the batch. */
export type writeDotBatchAxisMessage<Layer extends string> = `${Layer}: axes must not name the batch (dimension 0)`;
/** The message for a negative axis in a pair (tfjs's Dot reads it as written: no such dimension). */
export type writeDotPairMessage<Layer extends string> =
  `${Layer}: a pair of axes counts from the start (TensorFlow.js's Dot does not read a negative axis of a pair from the end)`;
/** The message when the two dimensions multiplied together differ. */
export type writeDotMessage<
  Layer extends string,
  IA extends number,
  A extends Shape,
  IB extends number,
  B extends Shape,
> = `${Layer}: dimension ${IA} of input 0 ${ShowShape<A>} is ${ShowDim<A[IA]>} and dimension ${IB} of input 1 ${ShowShape<B>} is ${ShowDim<B[IB]>}; they must be equal (an unknown size with an unknown size only)`;

/** The message when the two inputs' batch sizes differ (tfjs's batchDot multiplies example by example). */
export type writeDotBatchMessage<
  Layer extends string,
  A,
  B,
> = `${Layer}: input 1 has batch size ${ShowDim<B>} and input 0 ${ShowDim<A>}; a dot multiplies example by example (one batch size)`;

type DotRank<R> = R extends 2 | 3 ? true : false;
/** The shape without its dimension `I` (rank ≤ 3). */
type Without<S extends Shape, I extends number> = S extends readonly [infer D0, infer D1, infer D2]
  ? I extends 0
    ? [D1, D2]
    : I extends 1
      ? [D0, D2]
      : [D0, D1]
  : S extends readonly [infer D0, infer D1]
    ? I extends 0
      ? [D1]
      : [D0]
    : [];
type DotOutput<A extends Shape, B extends Shape, IA extends number, IB extends number> =
  Without<B, IB> extends readonly [unknown, ...infer RestB extends Dim[]]
    ? [...Without<A, IA>, ...RestB] extends infer Out extends Dim[]
      ? Out["length"] extends 1
        ? [...Out, 1]
        : Out
      : never
    : never;
type DotChecked<Layer extends string, A extends Shape, B extends Shape, X extends number, Y extends number> =
  DimIndex<X, A["length"]> extends infer IA extends number
    ? DimIndex<Y, B["length"]> extends infer IB extends number
      ? IA extends 0
        ? writeDotBatchAxisMessage<Layer>
        : IB extends 0
          ? writeDotBatchAxisMessage<Layer>
          : [SameDim<A[IA], B[IB]>] extends [never]
            ? writeDotMessage<Layer, IA, A, IB, B>
            : [MergeBatch<A[0], B[0]>] extends [never]
              ? writeDotBatchMessage<Layer, A[0], B[0]>
              : DotOutput<A, B, IA, IB>
      : writeDimRangeMessage<Layer, "axes", Y, B["length"]>
    : writeDimRangeMessage<Layer, "axes", X, A["length"]>;

/**
 * dot({ axes }): 2 inputs of rank 2 or 3; the dimensions `axes` names (one per input, or the same for both) are
 * multiplied together and summed; the output is input 0 without its axis, then input 1 without its batch and
 * axis (a single dimension gets a 1 after it).
 *
 * @example
 * type D = DotRule<"dot({ axes: [2, 1] })", [2, 1], [[number, 4, 8], [number, 8, 5]]>;
 * //=> [number, 4, 5]
 */
export type DotRule<Layer extends string, Axes, Shapes extends readonly Shape[]> =
  AnyUnknown<Shapes> extends true
    ? Shape
    : Shapes extends readonly [infer A extends Shape, infer B extends Shape]
      ? DotRank<A["length"]> extends false
        ? writeDotRankMessage<Layer, 0, A>
        : DotRank<B["length"]> extends false
          ? writeDotRankMessage<Layer, 1, B>
          : Axes extends readonly [infer X extends number, infer Y extends number]
            ? `${X}${Y}` extends `${string}-${string}`
              ? writeDotPairMessage<Layer>
              : DotChecked<Layer, A, B, X, Y>
            : Axes extends number
              ? DotChecked<Layer, A, B, Axes, Axes>
              : Shape
      : writeMergeCountMessage<Layer, "exactly 2", Shapes["length"]>;
