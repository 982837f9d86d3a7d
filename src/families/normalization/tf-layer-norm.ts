// Twin of src/families/normalization/tf-layer-norm.types.ts: tfjs's LayerNormalization keeps the shape.
import { ShapeError } from "../../errors.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";
import { checkedAxes } from "../activation/tf-activation.ts";
import { checkTfNormRank, writeAxisUnknownMessage } from "./tf-normalization.ts";

export const writeBatchAxisMessage = (layer: string): string =>
  `${layer}: axis 0 is the batch: TensorFlow.js sizes gamma and beta from the axes, so they must come after it`;

export function tfLayerNormRule(layer: string, axis: number | readonly number[], input: RuntimeShape): RuntimeShape {
  const axes = checkedAxes(layer, "axis", typeof axis === "number" ? [axis] : axis, input.length);
  checkTfNormRank(layer, input);
  for (const index of axes) {
    if (index === 0) throw new ShapeError(writeBatchAxisMessage(layer));
    if (valueOf(input[index]!) === null) throw new ShapeError(writeAxisUnknownMessage(layer, index));
  }
  return input;
}
