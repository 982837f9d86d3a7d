// Twin of src/families/reshape/tf-flatten.types.ts: tfjs's Flatten, [batch, ...dims] → [batch, product of dims].
import { fail } from "../../ops/fail.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { product } from "./flatten.ts";
import { writeMinRankMessage } from "../linear/tf-dense.ts";

export const writeFlattenUnknownMessage = (layer: string, axis: number): string =>
  `${layer}: dimension ${axis} must be known: TensorFlow.js flattens only fully known shapes`;

export function tfFlattenRule(layer: string, input: RuntimeShape): RuntimeShape {
  if (input.length < 3) fail(writeMinRankMessage(layer, 3, input.length));
  const [batch, ...rest] = input;
  const unknown = rest.findIndex((dim) => typeof dim !== "number");
  if (unknown !== -1) fail(writeFlattenUnknownMessage(layer, unknown + 1));
  return [batch!, product(rest)];
}
