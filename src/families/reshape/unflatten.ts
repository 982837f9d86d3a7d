// Twin of src/families/reshape/unflatten.types.ts: dimension `dim` becomes `sizes` (one -1 inferred), whose product must be its size.
import { axisOf, fail } from "../../ops/fail.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const writeUnflattenProductMessage = (layer: string, axis: number, size: number, product: number): string =>
  `${layer}: the sizes multiply to ${product}, not to the size ${size} of input dimension ${axis}`;

export const writeUnflattenInferMessage = (layer: string, axis: number, size: number, known: number): string =>
  `${layer}: the size ${size} of input dimension ${axis} is not divisible by ${known}, the product of the sizes other than -1`;

/** The new dimensions in place of one of size `size` (`null` for an inferred size when `size` is unknown). */
export function unflattenSizes(layer: string, axis: number, size: RuntimeDim, sizes: readonly number[]): RuntimeDim[] {
  const known = sizes.filter((one) => one !== -1).reduce((total, one) => total * one, 1);
  const value = valueOf(size);
  if (!sizes.includes(-1)) {
    if (value !== null && known !== value) fail(writeUnflattenProductMessage(layer, axis, value, known));
    return [...sizes];
  }
  if (value !== null && value % known !== 0) fail(writeUnflattenInferMessage(layer, axis, value, known));
  return sizes.map((one) => (one === -1 ? (value === null ? null : value / known) : one));
}

/** The unflatten rule: [..., n, ...] → [..., ...sizes, ...] with product(sizes) = n. */
export function unflattenRule(layer: string, dim: number, sizes: readonly number[], input: RuntimeShape): RuntimeShape {
  const axis = axisOf(layer, "dim", dim, input.length);
  return [...input.slice(0, axis), ...unflattenSizes(layer, axis, input[axis]!, sizes), ...input.slice(axis + 1)];
}
