// Twin of src/families/linear/tf-dense.types.ts: tfjs's Dense on the last axis.
import { ShapeError } from "../../errors.ts";
import { lastDim, valueOf, withoutLast, writeInputRankMessage, type RuntimeShape } from "../../shape/dims.ts";

export const writeMinRankMessage = (layer: string, minimum: number, got: number): string =>
  writeInputRankMessage(layer, `${minimum} or more`, got);

export const writeInputDimMessage = (layer: string, last: number): string =>
  `${layer}: inputDim must equal the last input dimension ${last}`;

export const writeFeaturesUnknownMessage = (layer: string): string =>
  `${layer}: the last input dimension must be known: TensorFlow.js sizes the kernel from it`;

/** [..., features] → [..., units]; `inputDim` null when not given. */
export function tfDenseRule(layer: string, units: number, inputDim: number | null, input: RuntimeShape): RuntimeShape {
  if (input.length < 2) throw new ShapeError(writeMinRankMessage(layer, 2, input.length));
  const last = valueOf(lastDim(input));
  if (last === null) throw new ShapeError(writeFeaturesUnknownMessage(layer));
  if (inputDim !== null && last !== inputDim) throw new ShapeError(writeInputDimMessage(layer, last));
  return [...withoutLast(input), units];
}
