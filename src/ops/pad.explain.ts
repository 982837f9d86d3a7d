// Explain text of ops.pad: the call as written (the mode and value as its options) and each padded dimension's
// arithmetic — its size, the pair (a negative pad crops), the result, and how the mode fills.
import { showDim, type RuntimeShape } from "../shape/dims.ts";
import type { PadMode } from "./pad.ts";

const fills: Readonly<Record<PadMode, string>> = {
  constant: "filled with",
  reflect: "mirrored at the edges (reflect)",
  replicate: "the edge values repeated (replicate)",
  circular: "wrapped around (circular), after any crop",
};

/** `ops.pad(…, [1, 1])`, `ops.pad(…, [1, -1], { mode: "reflect" })`, `ops.pad(…, [2, 2], { value: 0.5 })`. */
export function writtenPad(args: readonly unknown[]): string {
  const [pad, value, mode] = [args[0] as number[], (args[1] ?? 0) as number, (args[2] ?? "constant") as PadMode];
  const options = mode !== "constant" ? `, { mode: "${mode}" }` : value !== 0 ? `, { value: ${value} }` : "";
  return `ops.pad(…, [${pad.join(", ")}]${options})`;
}

/** One line per padded dimension, last first as F.pad's pairs: `28 + 1 + 1 = 30`, `28 − 2 + 1 = 27`. */
export function padArithmetic(args: readonly unknown[], input: RuntimeShape, output: RuntimeShape): string[] {
  const [pad, value, mode] = [args[0] as number[], (args[1] ?? 0) as number, (args[2] ?? "constant") as PadMode];
  const term = (p: number) => (p < 0 ? ` − ${-p}` : ` + ${p}`);
  const lines: string[] = [];
  for (let k = 0; 2 * k < pad.length; k++) {
    const i = input.length - 1 - k;
    lines.push(
      `dimension ${i}: ${showDim(input[i] ?? null)}${term(pad[2 * k]!)}${term(pad[2 * k + 1]!)} = ${showDim(output[i] ?? null)}`,
    );
  }
  if (pad.some((p) => p > 0)) lines.push(`padding ${fills[mode]}${mode === "constant" ? ` ${value}` : ""}`);
  if (pad.some((p) => p < 0)) lines.push("negative pads crop");
  return lines;
}
