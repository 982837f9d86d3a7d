// Twin of types/shape/matmul.ts: [..., n, k] × [..., k, m] → [..., n, m].
import { ShapeError } from "../errors.ts";
import { showShape, type RuntimeShape } from "./dims.ts";
import { dimsAgree, disagreement } from "./join.ts";

export const writeMatmulMessage = (a: RuntimeShape, b: RuntimeShape): string =>
  `matmul: ${showShape(a)} × ${showShape(b)}: the first's last dimension must equal the second's next-to-last, and the leading dimensions must agree`;

export function matmulRule(a: RuntimeShape, b: RuntimeShape): RuntimeShape {
  const fits = a.length >= 2 && b.length >= 2 && dimsAgree(a.at(-1)!, b.at(-2)!) && disagreement(a.slice(0, -2), b.slice(0, -2)) === false;
  if (!fits) throw new ShapeError(writeMatmulMessage(a, b));
  return [...a.slice(0, -1), b.at(-1)!];
}
