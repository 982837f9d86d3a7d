// Reductions (sum, mean, amax, amin, argmax, logsumexp, std, var) over a dim or dims, with `keepdim`,
// and softmax / logSoftmax over a dim (shape kept).
import type { DimIndex, writeDimRangeMessage } from "../../types/shape/dim-index.ts";
import type { Dim, Shape, ShowShape } from "../../types/shape/dims.ts";
import type { Arg } from "../../types/shape/args.ts";
import { axisOf, fail, writtenOp } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { onTensor, operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";

/** The message when a dim is named twice. */
export type writeRepeatedDimMessage<Op extends string, D extends number> = `${Op}: dim ${D} appears more than once`;

/** The axes a reduction's dims name (a union), or the message; `Op` only written for a message. */
type Axes<
  S extends Shape,
  Dims extends readonly number[],
  Name extends string,
  Given,
  Seen = never,
> = Dims extends readonly [infer D extends number, ...infer Rest extends readonly number[]]
  ? DimIndex<D, S["length"]> extends infer Axis extends number
    ? [Axis] extends [Seen]
      ? writeRepeatedDimMessage<ReduceOp<Name, Given>, D>
      : Axes<S, Rest, Name, Given, Seen | Axis>
    : writeDimRangeMessage<ReduceOp<Name, Given>, "dim", D, S["length"]>
  : Seen;
/** A reduction as messages write it: `mean(…, -1)`, `sum(…, [2, 3])`. */
type ReduceOp<
  Name extends string,
  Dims,
> = `${Name}(…, ${Dims extends readonly number[] ? ShowShape<Dims> : Dims & number})`;
type Reduced<S extends Shape, Reduce, Keep extends boolean> = Keep extends true
  ? { -readonly [K in keyof S]: K extends `${Reduce & number}` ? 1 : S[K] }
  : Without<S, Reduce>;
type Without<S extends Shape, Reduce, Out extends Dim[] = [], Index extends 0[] = []> = S extends readonly [
  infer D extends Dim,
  ...infer Rest extends Shape,
]
  ? Without<Rest, Reduce, Index["length"] extends Reduce ? Out : [...Out, D], [...Index, 0]>
  : Out;

/** A reduction's shape: the dims (all without any) removed, or kept as 1 with `keepdim`. */
export type ReduceRule<Name extends string, S extends Shape, Dims, Keep extends boolean> =
  IsUnknownShape<S> extends true
    ? Shape
    : [Dims] extends [undefined]
      ? Keep extends true
        ? { -readonly [K in keyof S]: 1 }
        : []
      : Axes<S, Dims extends readonly number[] ? Dims : [Dims & number], Name, Dims> extends infer Reduce
        ? [Reduce] extends [string]
          ? Reduce
          : Reduced<S, Reduce, Keep>
        : never;

export function reduceShape(
  name: string,
  input: RuntimeShape,
  dims: number | readonly number[] | undefined,
  keepdim: boolean,
): RuntimeShape {
  if (dims === undefined) return keepdim ? input.map(() => 1) : [];
  const op = writtenOp(name, [dims]);
  const axes: number[] = [];
  for (const dim of typeof dims === "number" ? [dims] : dims) {
    const axis = axisOf(op, "dim", dim, input.length);
    if (axes.includes(axis)) fail(`${op}: dim ${dim} appears more than once`);
    axes.push(axis);
  }
  return keepdim ? input.map((dim, i) => (axes.includes(i) ? 1 : dim)) : input.filter((_, i) => !axes.includes(i));
}

/** The reductions, torch's names. */
export type ReduceName = "sum" | "mean" | "amax" | "amin" | "argmax" | "logsumexp" | "std" | "var";
/** Options of a reduction: `keepdim` (std and var: `correction`, 1 by default as torch's unbiased estimate). */
export interface ReduceOptions<Keep extends boolean = boolean> {
  readonly keepdim?: Keep;
  readonly correction?: number;
}
type Dims = number | readonly number[] | undefined;
type Reduction<Name extends ReduceName> = <
  S extends Shape,
  const D extends Dims = undefined,
  const Keep extends boolean = false,
  Out = ReduceRule<Name, S, D, Keep>,
>(
  x: Symbolic<S>,
  dim?: Arg<D, Problem<Out, S>>,
  options?: ReduceOptions<Keep>,
) => Symbolic<Result<Out>>;
const reduction = <Name extends ReduceName>(name: Name): Reduction<Name> =>
  ((x: unknown, dim?: Dims, options?: ReduceOptions) =>
    operation(name, [dim ?? null, options?.keepdim ?? false, options?.correction ?? 1], [x])) as never;

/**
 * torch.sum(x, dim?, { keepdim }): dims removed (kept as 1 with keepdim); no dim: every element.
 *
 * @example
 * const x = input([64, 8, 8]);
 * ops.sum(x, [2, 3]);                    // Symbolic<[number, 64]>
 * ops.mean(x, -1, { keepdim: true });    // Symbolic<[number, 64, 8, 1]>
 */
export const sum = reduction("sum");
export const mean = reduction("mean");
export const amax = reduction("amax");
export const amin = reduction("amin");
/** torch.argmax(x, dim?, { keepdim }): the index of the largest value (int32). */
export const argmax = reduction("argmax");
export const logsumexp = reduction("logsumexp");
/** torch.std(x, dim?, { keepdim, correction }): correction 1 (unbiased) by default, as torch. */
export const std = reduction("std");
const var_ = reduction("var");
export { var_ as var };

export type SoftmaxRule<Name extends string, S extends Shape, D extends number> =
  IsUnknownShape<S> extends true
    ? Shape
    : DimIndex<D, S["length"]> extends number
      ? S
      : writeDimRangeMessage<`${Name}(…, ${D})`, "dim", D, S["length"]>;
export function softmaxShape(op: string, input: RuntimeShape, dim: number): RuntimeShape {
  axisOf(op, "dim", dim, input.length);
  return input;
}

/**
 * torch.softmax(x, dim): the shape is kept; dim must be in range.
 *
 * @example
 * const scores = input([8, "seq", "seq"], { batch: "b" });
 * ops.softmax(scores, -1); // Symbolic<["b", 8, "seq", "seq"]>
 */
export const softmax: <S extends Shape, const D extends number, Out = SoftmaxRule<"softmax", S, D>>(
  x: Symbolic<S>,
  dim: Arg<D, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("softmax");
/** torch.log_softmax(x, dim). */
export const logSoftmax: <S extends Shape, const D extends number, Out = SoftmaxRule<"logSoftmax", S, D>>(
  x: Symbolic<S>,
  dim: Arg<D, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("logSoftmax");
