// What the runtime rules of src/ops and of the merge, reshape, preprocessing and shuffle families share: a
// ShapeError with a message, a dimension argument read as an index, an operation as messages write it, and two
// shapes walked from the end (broadcasting). A module that imports nothing of src/ops: the rules import it as
// they load, whichever module loads first.
import { showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";

/** Throws the ShapeError with this message: `if (bad) fail(writeSomeMessage(…))` (src/errors.ts's). */
export { fail } from "../errors.ts";

/**
 * A dimension argument `name` (`dim`, `axis`) as an index into a shape of rank `rank`, or the ShapeError:
 * `axisOf(op, name, dim, rank)` (src/shape/dim-index.ts's checkedDimIndex).
 */
export { checkedDimIndex as axisOf } from "../shape/dim-index.ts";

/** An operation on a tensor as messages write it: `permute(…, [0, 2, 1])`, `narrow(…, 1, 2, 5)`, `squeeze(…)`. */
export const writtenOp = (name: string, args: readonly (number | readonly RuntimeDim[])[]): string =>
  `${name}(${["…", ...args.map((arg) => (typeof arg === "number" ? arg : showShape(arg)))].join(", ")})`;

/**
 * Two shapes aligned at the end, dimension by dimension by `dim` (where one is longer, its own dimensions), or
 * the position from the end (1 for the last) of the first pair `dim` refuses (`undefined`).
 */
export function fromEnd(
  a: RuntimeShape,
  b: RuntimeShape,
  dim: (x: RuntimeDim, y: RuntimeDim) => RuntimeDim | undefined,
): RuntimeDim[] | number {
  const out: RuntimeDim[] = [];
  for (let k = 1; k <= Math.max(a.length, b.length); k++) {
    const d = k > a.length ? b.at(-k)! : k > b.length ? a.at(-k)! : dim(a.at(-k)!, b.at(-k)!);
    if (d === undefined) return k;
    out.unshift(d);
  }
  return out;
}
