// Explain text of the merge layers (graph nodes `tfMerge`, rows written by src/ops/ops.explain.ts): concatenate's
// sum on its axis, dot's contracted dimensions; the elementwise merges' shapes alone. No parameters.
import { showDim, type RuntimeShape } from "../../shape/dims.ts";
import type { MergeSpec } from "./merge.ts";

export function mergeArithmetic(spec: MergeSpec, inputs: readonly RuntimeShape[], output: RuntimeShape): string[] {
  if (spec.kind === "Concatenate") {
    const axis = spec.axis ?? output.length - 1;
    return [
      `axis ${axis}: ${inputs.map((s) => showDim(s[axis] ?? null)).join(" + ")} = ${showDim(output[axis] ?? null)}`,
    ];
  }
  if (spec.kind === "Dot" && Array.isArray(spec.axes)) {
    const [a, b] = spec.axes as readonly [number, number];
    return [`Σ over dimension ${a} of input 0 and ${b} of input 1 (${showDim(inputs[0]?.[a] ?? null)})`];
  }
  return [];
}
