// Twin of src/families/reshape/tf-reshape.types.ts: tfjs's Reshape (one -1) and Permute (1-based dims).
import { fail } from "../../ops/fail.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import { product } from "./flatten.ts";

export const writeReshapeSizeMessage = (layer: string, target: number, total: number): string =>
  `${layer}: the target shape has ${target} elements, the input has ${total}`;

export const writeReshapeDivideMessage = (layer: string, known: number, total: number): string =>
  `${layer}: the input's ${total} elements do not divide into the target's known sizes (${known})`;

export function tfReshapeRule(layer: string, target: readonly number[], input: RuntimeShape): RuntimeShape {
  const [batch, ...rest] = input;
  const fill = (free: RuntimeDim) => target.map((dim) => (dim === -1 ? free : dim));
  if (rest.some((dim) => valueOf(dim) === null)) return [batch!, ...fill(null)];
  const total = product(rest)!;
  const known = product(target.filter((dim) => dim !== -1))!;
  if (target.includes(-1)) {
    if (total % known !== 0) fail(writeReshapeDivideMessage(layer, known, total));
    return [batch!, ...fill(Math.floor(total / known))];
  }
  if (known !== total) fail(writeReshapeSizeMessage(layer, known, total));
  return [batch!, ...target];
}

export const writePermuteRankMessage = (layer: string, expected: number, got: number): string =>
  `${layer}: expects an input of rank ${expected}, got rank ${got}`;

export function tfPermuteRule(layer: string, dims: readonly number[], input: RuntimeShape): RuntimeShape {
  const [batch, ...rest] = input;
  if (rest.length !== dims.length) fail(writePermuteRankMessage(layer, dims.length + 1, input.length));
  return [batch!, ...dims.map((dim) => rest[dim - 1]!)];
}

export const writePermutationMessage = (layer: string, count: number): string =>
  `${layer}: dims must be a permutation of 1…${count}`;

export const isPermutation = (dims: readonly number[]): boolean =>
  dims.every((dim, i) => Number.isInteger(dim) && dim >= 1 && dim <= dims.length && dims.indexOf(dim) === i);
