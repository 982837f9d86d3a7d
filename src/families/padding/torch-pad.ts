// Twin of src/families/padding/torch-pad.types.ts: padding of the last N dimensions, PyTorch's rules.
import { fail } from "../../ops/fail.ts";
import { writeInputRankMessage, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export type PadMode = "constant" | "reflect" | "replicate";

export const writeReflectionPadMessage = (layer: string, index: number, pad: number, size: number): string =>
  `${layer}: padding ${pad} of dimension ${index} must be less than its size ${size}`;
export const writeEmptyPadMessage = (layer: string, index: number): string =>
  `${layer}: dimension ${index} is empty (size 0): there is nothing to repeat`;

export function padRule(
  layer: string,
  mode: PadMode,
  n: number,
  pads: readonly number[],
  input: RuntimeShape,
): RuntimeShape {
  const rank = input.length;
  const fits = mode === "constant" ? rank >= n : rank === n + 1 || rank === n + 2;
  if (!fits) fail(writeInputRankMessage(layer, mode === "constant" ? `${n} or more` : `${n + 1} or ${n + 2}`, rank));
  const output: RuntimeDim[] = [...input];
  // check from the first padded dimension to the last, as the types do
  for (let k = n - 1; k >= 0; k--) {
    const index = rank - 1 - k;
    const [left, right] = [pads[2 * k]!, pads[2 * k + 1]!];
    const size = input[index]!;
    if (typeof size !== "number") {
      output[index] = null;
      continue;
    }
    if (mode === "reflect")
      for (const pad of [left, right]) if (!(pad < size)) fail(writeReflectionPadMessage(layer, index, pad, size));
    if (mode === "replicate" && size === 0) fail(writeEmptyPadMessage(layer, index));
    output[index] = size + left + right;
  }
  return output;
}
