// Argument checks that several layer builders combine (each returns a message or `false`).
import type { FirstSizeProblem, TupleLengthProblem } from "./args.ts";

/** The first message among `Problems` (each a message or `false`), or `false`. */
export type FirstProblem<Problems extends readonly unknown[]> = Problems extends readonly [infer Problem, ...infer Rest]
  ? Problem extends string
    ? Problem
    : FirstProblem<Rest>
  : false;

/**
 * What is wrong with a per-dimension size argument (a number, or a tuple of `Rank`), or `false`.
 *
 * @example
 * type P = SizeArgProblem<"conv2d(3, 8, [3, 3, 3])", "kernelSize", [3, 3, 3], 2>;
 * //=> "conv2d(3, 8, [3, 3, 3]): kernelSize must be a number or a tuple of 2, not a tuple of 3"
 */
export type SizeArgProblem<
  Layer extends string,
  Name extends string,
  Value,
  Rank extends number,
  Minimum extends 0 | 1 = 1,
> = FirstProblem<[FirstSizeProblem<Layer, [Name], [Value], Minimum>, TupleLengthProblem<Layer, Name, Value, Rank>]>;
