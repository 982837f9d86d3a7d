// PyTorch's Bilinear called on two tensors (`bilinear.call(input1, input2)`): input1 [*, in1Features]
// and input2 [*, in2Features] with the same leading dimensions → [*, outFeatures]
// (y = x1ᵀ A x2 + b per output feature). input1 is checked first (its last dimension), then input2
// (its rank, each leading dimension against input1's, its last dimension): one message, on the
// argument at fault. An argument of unknown shape (`Shape`, after a mistake) is not checked.
// Twin: src/families/linear/bilinear.ts.
import type { DimsAgree } from "../../../types/shape/join.ts";
import type { Shape, ShowDim, ShowShape } from "../../../types/shape/dims.ts";
import type { IsUnknownArg, KnownOf } from "../../../types/model/call.ts";

/** The message when an argument has no dimension (it needs at least its features). */
export type writeBilinearEmptyMessage<
  Layer extends string,
  Arg extends string,
  Features extends string,
> = `${Layer}: ${Arg} must be [..., ${Features}] (got [])`;
/** The message when an argument's last dimension is not the layer's features. */
export type writeBilinearFeaturesMessage<
  Layer extends string,
  Arg extends string,
  Got,
  Features extends string,
  Expected,
> = `${Layer}: ${Arg}'s last dimension ${ShowDim<Got>} must equal ${Features} ${ShowDim<Expected>}`;
/** The message when input2 has not as many dimensions as input1. */
export type writeBilinearRankMessage<
  Layer extends string,
  A extends Shape,
  B extends Shape,
> = `${Layer}: input2 ${ShowShape<B>} must have as many dimensions as input1 ${ShowShape<A>}`;
/** The message when a leading dimension of input2 differs from input1's. */
export type writeBilinearLeadingMessage<
  Layer extends string,
  Index extends number,
  Got,
  Expected,
> = `${Layer}: input2's dimension ${Index} (${ShowDim<Got>}) must equal input1's (${ShowDim<Expected>})`;

/** The problem of an argument's last dimension (a named dimension: checked at run time), or `false`. */
type FeaturesProblem<
  Layer extends string,
  Arg extends string,
  S,
  Features extends string,
  Expected,
> = S extends readonly [...unknown[], infer Last]
  ? Last extends string
    ? false
    : DimsAgree<Last, Expected> extends true
      ? false
      : writeBilinearFeaturesMessage<Layer, Arg, Last, Features, Expected>
  : writeBilinearEmptyMessage<Layer, Arg, Features>;

/** input1's problem: [..., in1Features]. */
export type Input1Problem<Layer extends string, In1, A> =
  IsUnknownArg<A> extends true ? false : FeaturesProblem<Layer, "input1", A, "in1Features", In1>;

/** The first leading dimension (all but the last) of B that differs from A's (`Seen`: its index), or `false`. */
type LeadingProblem<Layer extends string, A, B, Seen extends readonly unknown[] = []> = A extends readonly [
  infer DA,
  ...infer RestA,
]
  ? B extends readonly [infer DB, ...infer RestB]
    ? RestA extends readonly []
      ? false
      : DimsAgree<DB, DA> extends true
        ? LeadingProblem<Layer, RestA, RestB, [...Seen, unknown]>
        : writeBilinearLeadingMessage<Layer, Seen["length"], DB, DA>
    : false
  : false;

/** input2's problem: no dimension, then its rank against input1's, its leading dimensions, its last dimension. */
export type Input2Problem<Layer extends string, In2, A, B> =
  IsUnknownArg<B> extends true
    ? false
    : B extends readonly []
      ? writeBilinearEmptyMessage<Layer, "input2", "in2Features">
      : IsUnknownArg<A> extends true
        ? FeaturesProblem<Layer, "input2", B, "in2Features", In2>
        : A extends Shape
          ? B extends Shape
            ? A["length"] extends B["length"]
              ? LeadingProblem<Layer, A, B> extends infer P extends string
                ? P
                : FeaturesProblem<Layer, "input2", B, "in2Features", In2>
              : writeBilinearRankMessage<Layer, A, B>
            : false
          : false;

/** The leading dimensions of the output: each known one of input1's and input2's. */
type Leading<A, B> = A extends readonly [infer DA, ...infer RestA]
  ? B extends readonly [infer DB, ...infer RestB]
    ? RestA extends readonly []
      ? []
      : [KnownOf<DA, DB>, ...Leading<RestA, RestB>]
    : []
  : [];

/**
 * The output shape [*, outFeatures], or the first argument's message; `Shape` when an argument's
 * shape is unknown.
 *
 * @example
 * type S = BilinearCallRule<"bilinear(4, 5, 3)", 4, 5, 3, [number, 7, 4], [number, 7, 5]>;
 * //=> [number, 7, 3]
 */
export type BilinearCallRule<Layer extends string, In1, In2, Out, A, B> =
  Input1Problem<Layer, In1, A> extends infer P extends string
    ? P
    : Input2Problem<Layer, In2, A, B> extends infer P extends string
      ? P
      : [IsUnknownArg<A>, IsUnknownArg<B>] extends [false, false]
        ? [...Leading<A, B>, Out]
        : Shape;
