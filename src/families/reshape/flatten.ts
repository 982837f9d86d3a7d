// Twin of src/families/reshape/flatten.types.ts: the dimensions startDim…endDim become their product.
import { ShapeError } from "../../errors.ts";
import { dimIndex, writeDimRangeMessage } from "../../shape/dim-index.ts";
import { showDim, valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const writeFlattenOrderMessage = (layer: string): string => `${layer}: startDim cannot come after endDim`;

/** The product of dimensions, `null` when one is unknown. */
export const product = (dims: readonly RuntimeDim[]): number | null =>
  dims.reduce<number | null>(
    (total, dim) => (total === null || valueOf(dim) === null ? null : total * valueOf(dim)!),
    1,
  );

function range(layer: string, startDim: number, endDim: number, input: RuntimeShape): [number, number] {
  const start = dimIndex(startDim, input.length);
  if (start === false) throw new ShapeError(writeDimRangeMessage(layer, "startDim", startDim, input.length));
  const end = dimIndex(endDim, input.length);
  if (end === false) throw new ShapeError(writeDimRangeMessage(layer, "endDim", endDim, input.length));
  if (start > end) throw new ShapeError(writeFlattenOrderMessage(layer));
  return [start, end];
}

export function flattenRule(layer: string, startDim: number, endDim: number, input: RuntimeShape): RuntimeShape {
  const [start, end] = range(layer, startDim, endDim, input);
  return [...input.slice(0, start), product(input.slice(start, end + 1)), ...input.slice(end + 1)];
}

/** Origins after flatten: the merged dimension's factors (`64·12·12`) when two or more are merged. */
export function flattenOrigins(startDim: number, endDim: number, input: RuntimeShape): string[] {
  const start = dimIndex(startDim, input.length);
  const end = dimIndex(endDim, input.length);
  if (start === false || end === false || end - start < 1) return [];
  return [
    ...input.slice(0, start).map(() => ""),
    input
      .slice(start, end + 1)
      .map(showDim)
      .join("·"),
  ];
}
