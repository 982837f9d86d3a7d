// ops.pad in toOnnx (src/export/onnx/ops.ts dispatches "pad" here).
import { ExportError, writeNoFormMessage } from "../errors.ts";
import type { OnnxGraph } from "./builder.ts";

/**
 * ops.pad (args [pad, value, mode]) as ONNX Pad (opset 17: "constant", "reflect", "edge") on the positive pads,
 * then Slice for the negative ones (PyTorch pads, then crops). "circular" has no opset-17 mode ("wrap" is 19's).
 */
export function padNode(g: OnnxGraph, x: string, rank: number, args: readonly unknown[]): string {
  const pad = args[0] as readonly number[];
  const mode = (args[2] ?? "constant") as string;
  if (mode === "circular")
    throw new ExportError(
      writeNoFormMessage(
        "toOnnx",
        `ops.pad(…, [${pad.join(", ")}], { mode: "circular" })`,
        "ONNX opset 17's Pad has no circular mode (\"wrap\" is opset 19's)",
      ),
    );
  const pairs = Array.from({ length: rank }, (_, axis): [number, number] => {
    const k = rank - 1 - axis;
    return 2 * k < pad.length ? [pad[2 * k]!, pad[2 * k + 1]!] : [0, 0];
  });
  let y = x;
  if (pairs.some(([b, a]) => b > 0 || a > 0)) {
    const pads = g.ints(g.fresh("pads"), [
      ...pairs.map(([b]) => Math.max(b, 0)),
      ...pairs.map(([, a]) => Math.max(a, 0)),
    ]);
    const inputs = mode === "constant" ? [y, pads, g.scalar((args[1] ?? 0) as number)] : [y, pads];
    y = g.node("Pad", inputs, { mode: mode === "replicate" ? "edge" : mode });
  }
  const cropped = pairs
    .map(([b, a], axis) => ({ axis, b: Math.max(-b, 0), a: Math.max(-a, 0) }))
    .filter((c) => c.b > 0 || c.a > 0);
  if (cropped.length === 0) return y;
  // Slice's ends counted from the end (negative), or the largest int64 where nothing is cropped after
  return g.node("Slice", [
    y,
    g.ints(
      g.fresh("starts"),
      cropped.map((c) => c.b),
    ),
    g.ints(
      g.fresh("ends"),
      cropped.map((c) => (c.a > 0 ? -c.a : Number.MAX_SAFE_INTEGER)),
    ),
    g.ints(
      g.fresh("axes"),
      cropped.map((c) => c.axis),
    ),
  ]);
}
