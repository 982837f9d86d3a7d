// Runtime twins of custom.types.ts, for the runtime rules users write for their own layers
// (defineLayer): a dimension is a size, `null` (unknown) or a name.
import type { RuntimeDim } from "../../shape/dims.ts";

/** Twin of `DimFits`: `true` when `dim` can be `size` (it is, or it is unknown or named). */
export const dimFits = (dim: RuntimeDim | undefined, size: number): boolean =>
  dim === null || typeof dim === "string" || dim === size;

/** Twin of `DimTimes`: the product, or `null` (unknown) when `dim` is unknown or named. */
export const dimTimes = (dim: RuntimeDim | undefined, r: number): number | null =>
  typeof dim === "number" ? dim * r : null;

/** Twin of `DimDivisible`: `true` when `r` divides `dim`, or when `dim` is unknown or named. */
export const dimDivisible = (dim: RuntimeDim | undefined, r: number): boolean =>
  typeof dim !== "number" || dim % r === 0;

/** Twin of `DimQuotient`: `dim / r` (rounded down), or `null` when `dim` is unknown or named. */
export const dimQuotient = (dim: RuntimeDim | undefined, r: number): number | null =>
  typeof dim === "number" ? Math.floor(dim / r) : null;
