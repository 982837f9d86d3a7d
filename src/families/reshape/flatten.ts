// Twin of src/families/reshape/flatten.types.ts: the dimensions startDim…endDim become their product.
import { axisOf, fail } from "../../ops/fail.ts";
import { dimIndex } from "../../shape/dim-index.ts";
import { showDim, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const writeFlattenOrderMessage = (layer: string): string => `${layer}: startDim cannot come after endDim`;

/** The product of dimensions, `null` when one is unknown (`null` or a name). */
export const product = (dims: readonly RuntimeDim[]): number | null =>
  dims.reduce<number | null>((total, dim) => (total === null || typeof dim !== "number" ? null : total * dim), 1);

export function flattenRule(layer: string, startDim: number, endDim: number, input: RuntimeShape): RuntimeShape {
  const start = axisOf(layer, "startDim", startDim, input.length);
  const end = axisOf(layer, "endDim", endDim, input.length);
  if (start > end) fail(writeFlattenOrderMessage(layer));
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
