// Twin of types/shape/join.ts: shapes that must agree (residual, add) or join along a dim (concat).
import { fail } from "../errors.ts";
import { checkedDimIndex } from "./dim-index.ts";
import { showDim, showShape, valueOf, type RuntimeDim, type RuntimeShape } from "./dims.ts";

/** Whether two dimensions can be the same: true when either is unknown (null) or both are the same size or name. */
export const dimsAgree = (a: RuntimeDim, b: RuntimeDim): boolean => a === b || a === null || b === null;

/** The first axis where two shapes disagree (skipping `skip`), `false`, or "rank". */
export function disagreement(a: RuntimeShape, b: RuntimeShape, skip = -1): number | false | "rank" {
  if (a.length !== b.length) return "rank";
  const axis = a.findIndex((dim, i) => i !== skip && !dimsAgree(dim, b[i]!));
  return axis === -1 ? false : axis;
}

export const writeShapesDifferMessage = (
  layer: string,
  whatA: string,
  a: RuntimeShape,
  whatB: string,
  b: RuntimeShape,
): string => `${layer}: ${whatA} ${showShape(a)} must equal ${whatB} ${showShape(b)}`;

export function equalShapes(
  layer: string,
  whatA: string,
  a: RuntimeShape,
  whatB: string,
  b: RuntimeShape,
): RuntimeShape {
  if (disagreement(a, b) !== false) fail(writeShapesDifferMessage(layer, whatA, a, whatB, b));
  return a.map((dim, i) => dim ?? b[i]!); // a dimension unknown in a: b's
}

export const writeConcatMessage = (
  layer: string,
  a: RuntimeShape,
  b: RuntimeShape,
  axis: number,
  where: number | "rank" = "rank",
): string =>
  `${layer}: ${showShape(a)} and ${showShape(b)} can only be joined along dimension ${axis} if every other dimension is equal: ${
    typeof where === "number"
      ? `dimension ${where} is ${showDim(a[where]!)} and ${showDim(b[where]!)}`
      : `the ranks ${a.length} and ${b.length} differ`
  }`;

export function concatShapes(layer: string, dim: number, shapes: readonly RuntimeShape[]): RuntimeShape {
  const [first, ...rest] = shapes;
  const axis = checkedDimIndex(layer, "dim", dim, first!.length);
  return rest.reduce<RuntimeShape>((joined, next) => {
    const where = disagreement(joined, next, axis);
    if (where !== false) fail(writeConcatMessage(layer, joined, next, axis, where));
    const a = valueOf(joined[axis]!);
    const b = valueOf(next[axis]!);
    return joined.map((size, i) => (i === axis ? (a === null || b === null ? null : a + b) : size));
  }, first!);
}
