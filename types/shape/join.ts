// Shapes that must agree: a residual block's output and its input, branches joined by concat,
// the operands of cat. Unknown (`number`) dimensions agree with anything (checked at run time);
// a named dimension agrees with the same name only: two different names, or a name and a number,
// are distinct (issue 13). Twin: src/shape/join.ts.
import type { Add } from "../arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "./dim-index.ts";
import type { Dim, Shape, ShowDim, ShowShape, ValueOf } from "./dims.ts";

/**
 * Whether two dimensions can be the same: `true` when either is unknown (`number`, checked at run
 * time) or both are the same size or the same name; two names, a name and a size, two sizes that
 * differ: `false`.
 */
export type DimsAgree<A, B> = number extends A
  ? true
  : number extends B
    ? true
    : [A] extends [B]
      ? [B] extends [A]
        ? true
        : false
      : false;

/** The first axis where two shapes of equal rank disagree (skipping `Skip`), or `false`; `"rank"` when the ranks differ. */
export type Disagreement<
  A extends Shape,
  B extends Shape,
  Skip extends number = -1,
  Axis extends unknown[] = [],
> = A["length"] extends B["length"]
  ? A extends readonly [infer HeadA, ...infer RestA extends Shape]
    ? B extends readonly [infer HeadB, ...infer RestB extends Shape]
      ? Axis["length"] extends Skip
        ? Disagreement<RestA, RestB, Skip, [...Axis, 0]>
        : DimsAgree<HeadA, HeadB> extends true
          ? Disagreement<RestA, RestB, Skip, [...Axis, 0]>
          : Axis["length"]
      : false
    : false
  : "rank";

/** The message when two shapes that must be equal are not: "residual(3 layers): the block's output [...] must equal its input [...]". */
export type writeShapesDifferMessage<
  Layer extends string,
  WhatA extends string,
  A extends Shape,
  WhatB extends string,
  B extends Shape,
> = `${Layer}: ${WhatA} ${ShowShape<A>} must equal ${WhatB} ${ShowShape<B>}`;

/** The shape two shapes join to when they must be equal (the more known one), or the message. */
export type EqualShapes<
  Layer extends string,
  WhatA extends string,
  A extends Shape,
  WhatB extends string,
  B extends Shape,
> = Disagreement<A, B> extends false ? Known<A, B> : writeShapesDifferMessage<Layer, WhatA, A, WhatB, B>;
/** Dimension by dimension, the known one where one is unknown. */
type Known<A extends Shape, B extends Shape> = {
  [K in keyof A]: number extends A[K] ? (K extends keyof B ? B[K] : A[K]) : A[K];
};

/** The message when shapes joined along `Axis` disagree elsewhere, saying where (`Where`: the axis, or "rank"). */
export type writeConcatMessage<
  Layer extends string,
  A extends Shape,
  B extends Shape,
  Axis extends number,
  Where = "rank",
> = `${Layer}: ${ShowShape<A>} and ${ShowShape<B>} can only be joined along dimension ${Axis} if every other dimension is equal: ${Where extends number ? `dimension ${Where} is ${ShowDim<A[Where]>} and ${ShowDim<B[Where]>}` : `the ranks ${A["length"]} and ${B["length"]} differ`}`;

/** Shapes joined along dimension `D` (negative from the end): sizes add up there, all else must agree. */
export type ConcatShapes<
  Layer extends string,
  D extends number,
  Shapes extends readonly Shape[],
> = Shapes extends readonly [infer First extends Shape, ...infer Rest extends Shape[]]
  ? DimIndex<D, First["length"]> extends infer Axis extends number
    ? ConcatAll<Layer, Axis, First, Rest>
    : writeDimRangeMessage<Layer, "dim", D, First["length"]>
  : never;
type ConcatAll<
  Layer extends string,
  Axis extends number,
  Joined extends Shape,
  Rest extends readonly Shape[],
> = Rest extends readonly [infer Next extends Shape, ...infer More extends Shape[]]
  ? Disagreement<Joined, Next, Axis> extends infer Where
    ? Where extends false
      ? ConcatAll<
          Layer,
          Axis,
          {
            [K in keyof Joined]: K extends `${Axis}`
              ? Add<ValueOf<Joined[K]>, ValueOf<Next[K & keyof Next]>> & Dim
              : Joined[K];
          },
          More
        >
      : writeConcatMessage<Layer, Joined, Next, Axis, Where>
    : never
  : Joined;
