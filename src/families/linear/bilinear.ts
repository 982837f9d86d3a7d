// Twin of bilinear.types.ts: Bilinear called on input1 [*, in1Features] and input2 [*, in2Features]
// with the same leading dimensions → [*, outFeatures]; the same checks in the same order.
import { fail } from "../../ops/fail.ts";
import { knownOf, type CallInputs } from "../../model/call.ts";
import { showDim, showShape, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import { dimsAgree } from "../../shape/join.ts";

export const writeBilinearEmptyMessage = (layer: string, arg: string, features: string): string =>
  `${layer}: ${arg} must be [..., ${features}] (got [])`;
export const writeBilinearFeaturesMessage = (
  layer: string,
  arg: string,
  got: RuntimeDim,
  features: string,
  expected: RuntimeDim,
): string => `${layer}: ${arg}'s last dimension ${showDim(got)} must equal ${features} ${showDim(expected)}`;
export const writeBilinearRankMessage = (layer: string, a: RuntimeShape, b: RuntimeShape): string =>
  `${layer}: input2 ${showShape(b)} must have as many dimensions as input1 ${showShape(a)}`;
export const writeBilinearLeadingMessage = (layer: string, index: number, got: RuntimeDim, expected: RuntimeDim) =>
  `${layer}: input2's dimension ${index} (${showDim(got)}) must equal input1's (${showDim(expected)})`;

export interface BilinearSizes {
  readonly in1Features: number;
  readonly in2Features: number;
  readonly outFeatures: number;
}

/** An argument's last dimension against the layer's features (a named dimension: accepted), or `false`. */
function featuresProblem(layer: string, arg: string, shape: RuntimeShape, features: string, expected: number) {
  if (shape.length === 0) return writeBilinearEmptyMessage(layer, arg, features);
  const last = shape.at(-1)!;
  if (typeof last === "string" || dimsAgree(last, expected)) return false;
  return writeBilinearFeaturesMessage(layer, arg, last, features, expected);
}

/** The first argument's problem (input1, then input2), or `false`. */
export function bilinearCallProblem(layer: string, sizes: BilinearSizes, a: RuntimeShape, b: RuntimeShape) {
  const first = featuresProblem(layer, "input1", a, "in1Features", sizes.in1Features);
  if (first !== false) return first;
  if (b.length === 0) return writeBilinearEmptyMessage(layer, "input2", "in2Features");
  if (a.length !== b.length) return writeBilinearRankMessage(layer, a, b);
  for (let i = 0; i < a.length - 1; i++)
    if (!dimsAgree(b[i]!, a[i]!)) return writeBilinearLeadingMessage(layer, i, b[i]!, a[i]!);
  return featuresProblem(layer, "input2", b, "in2Features", sizes.in2Features);
}

/** The call's output shape: [*, outFeatures] (each leading dimension the known one of the two). */
export function bilinearCallShapes(layer: string, sizes: BilinearSizes, inputs: CallInputs): RuntimeShape[] {
  const a = inputs["input1"]!;
  const b = inputs["input2"]!;
  const problem = bilinearCallProblem(layer, sizes, a, b);
  if (problem !== false) fail(problem);
  return [[...a.slice(0, -1).map((d, i) => knownOf(d, b[i]!)), sizes.outFeatures]];
}
