// Twin of src/families/normalization/tf-normalization.types.ts: tfjs's BatchNormalization keeps the shape.
import { ShapeError } from "../../errors.ts";
import { writeRankMessage } from "../conv/conv.ts";
import { dimIndex, writeDimRangeMessage } from "../../shape/dim-index.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";

export const writeAxisUnknownMessage = (layer: string, axis: number): string =>
  `${layer}: dimension ${axis} (the axis) must be known: TensorFlow.js sizes gamma and beta from it`;

/** tfjs's normalizations take inputs of rank 2 to 4. */
export function checkTfNormRank(layer: string, input: RuntimeShape): void {
  if (input.length < 2 || input.length > 4)
    throw new ShapeError(writeRankMessage(layer, "of rank 2, 3 or 4 (TensorFlow.js)", input.length));
}

export function tfBatchNormRule(layer: string, axis: number, input: RuntimeShape): RuntimeShape {
  checkTfNormRank(layer, input);
  const index = dimIndex(axis, input.length);
  if (index === false) throw new ShapeError(writeDimRangeMessage(layer, "axis", axis, input.length));
  if (valueOf(input[index]!) === null) throw new ShapeError(writeAxisUnknownMessage(layer, index));
  return input;
}
