// nn.adaptiveLogSoftmaxWithLoss: PyTorch's AdaptiveLogSoftmaxWithLoss, called on an input and a target:
// `asm.call(input, target)` → [output [batch], loss []]. Rules: adaptive-log-softmax.types.ts; twin:
// adaptive-log-softmax.ts.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem, Written } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { PositionalProblems } from "../../../types/shape/positional.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import { fail } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { callLayer, type CallableLayer } from "../../model/call.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import { checkSizes, written } from "../../shape/args.ts";
import { readOptions } from "./torch-options.ts";
import type { KindConfig } from "../layer-config.ts";
import { asmCallShapes, cutoffsProblem } from "./adaptive-log-softmax.ts";
import type { AsmCallRule, AsmInputProblem, AsmTargetProblem, CutoffsProblem } from "./adaptive-log-softmax.types.ts";

/** PyTorch's keyword arguments of AdaptiveLogSoftmaxWithLoss. */
export interface AdaptiveLogSoftmaxWithLossOptions {
  /** Default 4: cluster i's hidden size is floor(inFeatures / divValue^(i+1)); must be positive. */
  readonly divValue?: number;
  /** Default false: a bias in the head. */
  readonly headBias?: boolean;
}

type W<In, N, Cutoffs> = `adaptiveLogSoftmaxWithLoss(${In & number}, ${N & number}, ${Written<Cutoffs>})`;
/** A problem of an earlier argument hides this one's (one mistake, one error). */
type After<Earlier, Problem> = Earlier extends string ? false : Problem;

/** The message when it is used in `pipe` (it takes an input and a target). */
export type writeAsmPipeMessage<Layer extends string> =
  `${Layer}: takes an input and a target: call it on them (asm.call(input, target))`;
export const writeAsmPipeMessage = (layer: string): string =>
  `${layer}: takes an input and a target: call it on them (asm.call(input, target))`;
export interface AsmShapeRule<Layer extends string> extends ShapeRule {
  readonly "~output": writeAsmPipeMessage<Layer>;
}
export const writeDivValueMessage = (layer: string, got: number): string =>
  `${layer}: divValue must be a positive number, not ${got}`;

/** The symbolic tensors a call gives: `[output, loss]` (both unknown after a mistake; not distributive). */
type AsmResult<Rule> = [Rule] extends [readonly [infer O extends Shape, infer L extends Shape]]
  ? [Symbolic<O>, Symbolic<L>]
  : [Symbolic<Shape>, Symbolic<Shape>];

/**
 * `nn.adaptiveLogSoftmaxWithLoss(inFeatures, nClasses, cutoffs)`: called on input and target.
 *
 * @example
 * const asm = nn.adaptiveLogSoftmaxWithLoss(16, 100, [10, 50]);
 * const [output, loss] = asm.call(input([16]), input([]));
 * output; // Symbolic<[number]>
 * loss; // Symbolic<[]>
 */
export interface AdaptiveLogSoftmaxWithLoss<In, N, Cutoffs> extends Layer, RuntimeLayer {
  readonly kind: "adaptiveLogSoftmaxWithLoss";
  readonly inFeatures: In;
  readonly nClasses: N;
  readonly cutoffs: Cutoffs;
  readonly "~rule": AsmShapeRule<W<In, N, Cutoffs>>;
  /**
   * PyTorch's `asm(input, target)` on symbolic tensors: input [batch, inFeatures], target [batch]
   * (class indices, as numbers) → `[output [batch], loss []]`. A mistake is an error on its argument.
   */
  call<I extends Shape, T extends Shape>(
    input: Checked<Symbolic<I>, AsmInputProblem<W<In, N, Cutoffs>, In, I>>,
    target: Checked<
      Symbolic<T>,
      After<AsmInputProblem<W<In, N, Cutoffs>, In, I>, AsmTargetProblem<W<In, N, Cutoffs>, I, T>>
    >,
  ): AsmResult<AsmCallRule<W<In, N, Cutoffs>, In, I, T>>;
}

/** The config of adaptiveLogSoftmaxWithLoss (its runtime object), PyTorch's defaults filled in. */
export interface AdaptiveLogSoftmaxWithLossConfig extends KindConfig<"adaptiveLogSoftmaxWithLoss"> {
  readonly callShapes: CallableLayer["callShapes"];
  readonly inFeatures: number;
  readonly nClasses: number;
  readonly cutoffs: readonly number[];
  readonly divValue: number;
  readonly headBias: boolean;
}

/** Cluster i's hidden size (PyTorch: int(in_features // div_value ** (i + 1))). */
export const clusterHidden = (inFeatures: number, divValue: number, i: number): number =>
  Math.floor(inFeatures / divValue ** (i + 1));

/**
 * PyTorch's `nn.AdaptiveLogSoftmaxWithLoss(in_features, n_classes, cutoffs, div_value=4.0, head_bias=False)`:
 * the head scores the shortlist (classes below cutoffs[0]) and one entry per cluster; cluster i (classes
 * cutoffs[i] … the next cutoff or nClasses) has its projection. Called on input and target
 * (`.call(input, target)`) → `[output, loss]`, not in `pipe`. Cutoffs: positive integers, increasing, below nClasses.
 *
 * @example
 * nn.adaptiveLogSoftmaxWithLoss(16, 100, [10, 10]); // error: cutoffs[1] (10) must be greater than the cutoff before it (10)
 */
export function adaptiveLogSoftmaxWithLoss<
  const In extends number,
  const N extends number,
  const Cutoffs extends readonly number[],
  const Fourth extends number | boolean | string | object = {},
  const Fifth extends number | boolean | string | object = {},
  const Options extends object = {},
  // PyTorch's divValue and headBias positionally (`nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], 2, true)`), then options
  Problems extends ArgProblems = {} extends Fourth & Fifth & Options
    ? [false, false, false]
    : PositionalProblems<
        W<In, N, Cutoffs>,
        "nn.adaptiveLogSoftmaxWithLoss",
        ["divValue", "headBias"],
        [Fourth, Fifth, Options],
        keyof AdaptiveLogSoftmaxWithLossOptions,
        { divValue: number; headBias: boolean },
        { divValue: "a number"; headBias: "true or false" }
      >,
>(
  inFeatures: Arg<In, FirstSizeProblem<W<In, N, Cutoffs>, ["inFeatures"], [In]>>,
  nClasses: Arg<N, FirstSizeProblem<W<In, N, Cutoffs>, ["nClasses"], [N]>>,
  cutoffs: Checked<Cutoffs, CutoffsProblem<W<In, N, Cutoffs>, N, Cutoffs>>,
  divValueOrOptions?: Checked<Fourth, Problems[0]>,
  headBiasOrOptions?: Checked<Fifth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
): AdaptiveLogSoftmaxWithLoss<In, N, Cutoffs> {
  const [inSize, n] = [inFeatures as number, nClasses as number];
  const layer = `adaptiveLogSoftmaxWithLoss(${inSize}, ${n}, ${written(cutoffs)})`;
  checkSizes(layer, { inFeatures: inSize, nClasses: n });
  const list = [...(cutoffs as readonly number[])];
  const problem = cutoffsProblem(layer, n, list);
  if (problem !== false) fail(problem);
  const names = ["divValue", "headBias"];
  const given: AdaptiveLogSoftmaxWithLossOptions = readOptions(
    layer,
    "adaptiveLogSoftmaxWithLoss",
    arguments,
    ["inFeatures", "nClasses", "cutoffs"],
    names,
    names,
  );
  const divValue = given.divValue ?? 4;
  if (!(divValue > 0)) fail(writeDivValueMessage(layer, divValue));
  const runtime: AdaptiveLogSoftmaxWithLossConfig & { call(...args: unknown[]): unknown } = {
    kind: "adaptiveLogSoftmaxWithLoss",
    written: layer,
    inFeatures: inSize,
    nClasses: n,
    cutoffs: list,
    divValue,
    headBias: given.headBias ?? false,
    outputShape: () => {
      fail(writeAsmPipeMessage(layer));
    },
    callShapes: (inputs) => asmCallShapes(layer, inSize, inputs),
    call: (input: unknown, target: unknown) => callLayer(runtime, { input, target }),
  };
  return runtime as never;
}
