// PyTorch's AdaptiveLogSoftmaxWithLoss: its cutoffs (made) and its call on an input and a target
// (`asm.call(input, target)`): input [batch, inFeatures], target [batch] (class indices) → [output
// [batch] (each row's log-probability of its target), loss [] (the mean of −output)]. Cutoffs must be
// positive integers, increasing, each below nClasses (PyTorch 1.13 refuses the rest). Each argument
// is checked on its own (types/model/call.ts). Twin: src/families/activation/adaptive-log-softmax.ts.
import type { Compare } from "../../../types/arith/index.ts";
import type { ArgProblem, KnownOf } from "../../../types/model/call.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { SizeProblem } from "../../../types/shape/args.ts";

/** The messages of a cutoff that does not fit. */
export type writeEmptyCutoffsMessage<Layer extends string> = `${Layer}: cutoffs must not be empty`;
export type writeCutoffMessage<
  Layer extends string,
  Index extends number,
  Got extends string,
> = `${Layer}: cutoffs[${Index}] must be a positive integer, not ${Got}`;
export type writeCutoffOrderMessage<
  Layer extends string,
  Index extends number,
  C,
  Previous,
> = `${Layer}: cutoffs[${Index}] (${C & number}) must be greater than the cutoff before it (${Previous & number})`;
export type writeCutoffRangeMessage<
  Layer extends string,
  Index extends number,
  C,
  NClasses,
> = `${Layer}: cutoffs[${Index}] (${C & number}) must be less than nClasses (${NClasses & number})`;

/**
 * The first cutoff that does not fit (a positive integer, greater than the one before, less than
 * nClasses), or `false`; a cutoff or nClasses unknown to the compiler (`number`) is checked at run time.
 *
 * @example
 * type P = CutoffsProblem<"adaptiveLogSoftmaxWithLoss(8, 10, [4, 2])", 10, [4, 2]>;
 * //=> "adaptiveLogSoftmaxWithLoss(8, 10, [4, 2]): cutoffs[1] (2) must be greater than the cutoff before it (4)"
 */
export type CutoffsProblem<Layer extends string, NClasses, Cutoffs> = Cutoffs extends readonly []
  ? writeEmptyCutoffsMessage<Layer>
  : EachCutoff<Layer, NClasses, Cutoffs>;
type EachCutoff<
  Layer extends string,
  NClasses,
  Rest,
  Previous = never,
  Seen extends readonly unknown[] = [],
> = Rest extends readonly [infer C, ...infer Others]
  ? SizeProblem<C> extends infer Got extends string
    ? writeCutoffMessage<Layer, Seen["length"], Got>
    : number extends C
      ? EachCutoff<Layer, NClasses, Others, number, [...Seen, unknown]>
      : [Previous] extends [never]
        ? RangeThen<Layer, NClasses, C, Others, Seen>
        : number extends Previous
          ? RangeThen<Layer, NClasses, C, Others, Seen>
          : Compare<C, Previous> extends "gt"
            ? RangeThen<Layer, NClasses, C, Others, Seen>
            : writeCutoffOrderMessage<Layer, Seen["length"], C, Previous>
  : false;
type RangeThen<Layer extends string, NClasses, C, Others, Seen extends readonly unknown[]> = number extends NClasses
  ? EachCutoff<Layer, NClasses, Others, C, [...Seen, unknown]>
  : Compare<C, NClasses> extends "lt"
    ? EachCutoff<Layer, NClasses, Others, C, [...Seen, unknown]>
    : writeCutoffRangeMessage<Layer, Seen["length"], C, NClasses>;

type Dim0<S> = S extends readonly [infer D, ...unknown[]] ? D : unknown;

export type AsmInputProblem<Layer extends string, InFeatures, I> = ArgProblem<
  Layer,
  "input",
  I,
  "[batch, inFeatures]",
  [["batch", unknown, "", "same"], ["last dimension", InFeatures, "inFeatures", "size"]]
>;
export type AsmTargetProblem<Layer extends string, I, T> = ArgProblem<
  Layer,
  "target",
  T,
  "[batch]",
  [["batch", Dim0<I>, "input's batch", "same"]]
>;

/**
 * The output shapes `[output [batch], loss []]`, or the first argument's message; `[Shape, Shape]`
 * when an argument's shape is unknown.
 *
 * @example
 * type T = AsmCallRule<"adaptiveLogSoftmaxWithLoss(8, 10, [4])", 8, [number, 8], [number]>;
 * //=> [[number], []]
 */
export type AsmCallRule<Layer extends string, InFeatures, I, T> =
  AsmInputProblem<Layer, InFeatures, I> extends infer P extends string
    ? P
    : AsmTargetProblem<Layer, I, T> extends infer P extends string
      ? P
      : [I, T] extends [readonly [infer Batch, unknown], readonly [infer TBatch]]
        ? [[KnownOf<Batch, TBatch>], []]
        : [Shape, Shape];
