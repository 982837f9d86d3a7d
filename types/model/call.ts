// The per-argument checks of a layer called on several symbolic tensors (`mha.call(q, k, v)`):
// each argument's rank and each of its dimensions against what the layer (a size: `kdim 512`) or
// another argument (`key's seq 10`) says. One message per argument, on that argument; an argument
// of unknown shape (`Shape`, after a mistake) is not checked. Twin: src/model/call.ts (`argProblem`).
import type { DimsAgree } from "../shape/join.ts";
import type { Shape, ShowDim, ShowShape } from "../shape/dims.ts";

/**
 * What one dimension of an argument must be: its name in messages (`seq`), the dimension it must
 * equal (`unknown`: anything), what that is (`kdim`, `key's seq`), and whether it is a layer's size
 * (`"size"`: a named dimension is accepted, its size is checked at run time) or another argument's
 * dimension (`"same"`: names must match, as in joins).
 */
export type DimSpec = readonly [name: string, expected: unknown, what: string, kind: "size" | "same"];

/** The message when an argument has the wrong number of dimensions. */
export type writeArgRankMessage<
  Layer extends string,
  Arg extends string,
  Pattern extends string,
  S extends Shape,
> = `${Layer}: ${Arg} must be ${Pattern} (got ${ShowShape<S>})`;

/** The message when one dimension of an argument is not what it must be. */
export type writeArgDimMessage<
  Layer extends string,
  Arg extends string,
  S extends Shape,
  Name extends string,
  Got,
  What extends string,
  Expected,
> = `${Layer}: ${Arg} ${ShowShape<S>}: its ${Name} ${ShowDim<Got>} must equal ${What} ${ShowDim<Expected>}`;

/** Whether a shape is unknown to the compiler (`Shape` itself, after a mistake). */
export type IsUnknownArg<S> = S extends readonly unknown[] ? (number extends S["length"] ? true : false) : true;

/** The argument's message, or `false` when it fits (or is of unknown shape). */
export type ArgProblem<
  Layer extends string,
  Arg extends string,
  S,
  Pattern extends string,
  Spec extends readonly DimSpec[],
> =
  IsUnknownArg<S> extends true
    ? false
    : S extends Shape
      ? S["length"] extends Spec["length"]
        ? DimProblem<Layer, Arg, S, S, Spec>
        : writeArgRankMessage<Layer, Arg, Pattern, S>
      : false;

type DimProblem<Layer extends string, Arg extends string, S extends Shape, Rest, Spec> = Spec extends readonly [
  readonly [infer Name extends string, infer Expected, infer What extends string, infer Kind],
  ...infer RestSpec,
]
  ? Rest extends readonly [infer D, ...infer RestDims]
    ? (Kind extends "size" ? (D extends string ? true : DimsAgree<D, Expected>) : DimsAgree<D, Expected>) extends true
      ? DimProblem<Layer, Arg, S, RestDims, RestSpec>
      : writeArgDimMessage<Layer, Arg, S, Name, D, What, Expected>
    : false
  : false;

/** The first of several problems (each a message or `false`). */
export type FirstArgProblem<Problems extends readonly unknown[]> = Problems extends readonly [infer P, ...infer Rest]
  ? P extends string
    ? P
    : FirstArgProblem<Rest>
  : false;

/** A known dimension of two (the first when both are known, the other when the first is `number`). */
export type KnownOf<A, B> = number extends A ? B : A;
