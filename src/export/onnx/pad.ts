// ops.pad in toOnnx (src/export/onnx/ops.ts dispatches "pad" here): opset 17's Pad ("constant", "reflect", "edge")
// on the positive pads, then a Slice for the negative ones (PyTorch pads, then crops). "circular" (Pad's "wrap" is
// opset 19's) crops first, then concatenates each padded axis's end before it and its start after it — Slices
// counted from the ends, so unknown sizes stay symbolic.
import type { OnnxGraph } from "./builder.ts";

/** Slice's end for "to the end": the largest int64 a JavaScript number writes exactly. */
const END = Number.MAX_SAFE_INTEGER;

const slice = (g: OnnxGraph, x: string, starts: number[], ends: number[], axes: number[]): string =>
  g.node("Slice", [x, g.ints(g.fresh("starts"), starts), g.ints(g.fresh("ends"), ends), g.ints(g.fresh("axes"), axes)]);

/** ops.pad's args: [pad (F.pad's list, last dimension first), value, mode]; `rank` the input's. */
export function padNode(g: OnnxGraph, x: string, rank: number, args: readonly unknown[]): string {
  const pad = args[0] as readonly number[];
  const mode = (args[2] ?? "constant") as string;
  const pairs = Array.from({ length: rank }, (_, axis): [number, number] => {
    const k = rank - 1 - axis;
    return 2 * k < pad.length ? [pad[2 * k]!, pad[2 * k + 1]!] : [0, 0];
  });
  const grows = pairs.some(([b, a]) => b > 0 || a > 0);
  const cropped = pairs
    .map(([b, a], axis) => ({ axis, b: Math.max(-b, 0), a: Math.max(-a, 0) }))
    .filter((c) => c.b > 0 || c.a > 0);
  const crop = (y: string): string =>
    cropped.length === 0
      ? y
      : slice(
          g,
          y,
          cropped.map((c) => c.b),
          cropped.map((c) => (c.a > 0 ? -c.a : END)),
          cropped.map((c) => c.axis),
        );
  if (mode === "circular") {
    let y = crop(x);
    pairs.forEach(([b, a], axis) => {
      if (b <= 0 && a <= 0) return;
      const parts = [
        ...(b > 0 ? [slice(g, y, [-b], [END], [axis])] : []),
        y,
        ...(a > 0 ? [slice(g, y, [0], [a], [axis])] : []),
      ];
      y = g.node("Concat", parts, { axis });
    });
    return y;
  }
  if (!grows) return crop(x);
  const pads = g.ints(g.fresh("pads"), [
    ...pairs.map(([b]) => Math.max(b, 0)),
    ...pairs.map(([, a]) => Math.max(a, 0)),
  ]);
  const inputs = mode === "constant" ? [x, pads, g.scalar((args[1] ?? 0) as number)] : [x, pads];
  return crop(g.node("Pad", inputs, { mode: mode === "replicate" ? "edge" : mode }));
}
