// Twin of adaptive-log-softmax.types.ts: the cutoffs' checks, and the call on input [batch,
// inFeatures] and target [batch] → [output [batch], loss []]; the same checks, in the same order.
import { fail } from "../../errors.ts";
import { argProblem, knownOf, type CallInputs } from "../../model/call.ts";
import { anyDim, sameAs } from "../attention/arg-problems.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { sizeProblem, writeSizeMessage } from "../../shape/args.ts";

export const writeEmptyCutoffsMessage = (layer: string): string => `${layer}: cutoffs must not be empty`;
export const writeCutoffOrderMessage = (layer: string, index: number, c: number, previous: number): string =>
  `${layer}: cutoffs[${index}] (${c}) must be greater than the cutoff before it (${previous})`;
export const writeCutoffRangeMessage = (layer: string, index: number, c: number, nClasses: number): string =>
  `${layer}: cutoffs[${index}] (${c}) must be less than nClasses (${nClasses})`;

/** The first cutoff that does not fit, or `false`. */
export function cutoffsProblem(layer: string, nClasses: number, cutoffs: readonly unknown[]): string | false {
  if (cutoffs.length === 0) return writeEmptyCutoffsMessage(layer);
  for (let i = 0; i < cutoffs.length; i++) {
    const got = sizeProblem(cutoffs[i]);
    if (got !== false) return writeSizeMessage(layer, `cutoffs[${i}]`, 1, got);
    const c = cutoffs[i] as number;
    if (i > 0 && c <= (cutoffs[i - 1] as number)) return writeCutoffOrderMessage(layer, i, c, cutoffs[i - 1] as number);
    if (c >= nClasses) return writeCutoffRangeMessage(layer, i, c, nClasses);
  }
  return false;
}

/** The output shapes [output [batch], loss []] of a call. */
export function asmCallShapes(layer: string, inFeatures: number, inputs: CallInputs): RuntimeShape[] {
  const x = inputs["input"]!;
  const t = inputs["target"]!;
  const problem =
    argProblem(layer, "input", x, "[batch, inFeatures]", [
      anyDim("batch"),
      ["last dimension", inFeatures, "inFeatures", "size"],
    ]) || argProblem(layer, "target", t, "[batch]", [sameAs("batch", x[0]!, "input's batch")]);
  if (problem !== false) fail(problem);
  return [[knownOf(x[0]!, t[0]!)], []];
}
