// The two checks every runtime rule of src/ops and of the merge, reshape, preprocessing and shuffle families
// writes: a ShapeError with a message, and a dimension argument read as an index.
import { ShapeError } from "../errors.ts";
import { dimIndex, writeDimRangeMessage } from "../shape/dim-index.ts";

/** Throws the ShapeError with this message: `if (bad) fail(writeSomeMessage(…))`. */
export function fail(message: string): never {
  throw new ShapeError(message);
}

/** A dimension argument `name` (`dim`, `axis`) as an index into a shape of rank `rank`, or the ShapeError. */
export function axisOf(op: string, name: string, dim: number, rank: number): number {
  const axis = dimIndex(dim, rank);
  return axis === false ? fail(writeDimRangeMessage(op, name, dim, rank)) : axis;
}
