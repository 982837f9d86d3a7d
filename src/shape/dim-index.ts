// Twin of types/shape/dim-index.ts: dimension arguments, negative counting from the end.
import { fail } from "../errors.ts";

/** The index a dimension argument names in a shape of rank `rank`, or `false` when out of range. */
export const dimIndex = (dim: number, rank: number): number | false =>
  Number.isInteger(dim) && dim >= -rank && dim < rank ? (dim < 0 ? rank + dim : dim) : false;

export const writeDimRangeMessage = (layer: string, name: string, dim: number, rank: number): string =>
  `${layer}: ${name} ${dim} is out of range for an input of rank ${rank} (expected -${rank} to ${rank - 1})`;

/** The index `dim` names in a shape of rank `rank`, or throws writeDimRangeMessage (`name`: the argument's name). */
export function checkedDimIndex(layer: string, name: string, dim: number, rank: number): number {
  const index = dimIndex(dim, rank);
  return index === false ? fail(writeDimRangeMessage(layer, name, dim, rank)) : index;
}
