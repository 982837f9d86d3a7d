// What the runtime rules of src/ops and of the merge, reshape, preprocessing and shuffle families share: a
// ShapeError with a message, a dimension argument read as an index, and an operation as messages write it.
import { ShapeError } from "../errors.ts";
import { dimIndex, writeDimRangeMessage } from "../shape/dim-index.ts";
import { showShape, type RuntimeDim } from "../shape/dims.ts";

/** Throws the ShapeError with this message: `if (bad) fail(writeSomeMessage(…))`. */
export function fail(message: string): never {
  throw new ShapeError(message);
}

/** A dimension argument `name` (`dim`, `axis`) as an index into a shape of rank `rank`, or the ShapeError. */
export function axisOf(op: string, name: string, dim: number, rank: number): number {
  const axis = dimIndex(dim, rank);
  return axis === false ? fail(writeDimRangeMessage(op, name, dim, rank)) : axis;
}

/** An operation on a tensor as messages write it: `permute(…, [0, 2, 1])`, `narrow(…, 1, 2, 5)`, `squeeze(…)`. */
export const writtenOp = (name: string, args: readonly (number | readonly RuntimeDim[])[]): string =>
  `${name}(${["…", ...args.map((arg) => (typeof arg === "number" ? arg : showShape(arg)))].join(", ")})`;
