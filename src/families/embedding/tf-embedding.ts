// Twin of src/families/embedding/tf-embedding.types.ts: tfjs's Embedding.
import { ShapeError } from "../../errors.ts";
import { showShape, valueOf, type RuntimeShape } from "../../shape/dims.ts";

export const writeInputLengthMessage = (layer: string, rest: RuntimeShape): string =>
  `${layer}: inputLength must match the input's dimensions after the batch ${showShape(rest)}`;

/** [batch, ...indices] → [batch, ...indices, outputDim]; `inputLength` null when not given. */
export function tfEmbeddingRule(
  layer: string,
  outputDim: number,
  inputLength: number | readonly number[] | null,
  input: RuntimeShape,
): RuntimeShape {
  if (inputLength === null) return [...input, outputDim];
  const [batch, ...rest] = input;
  const lengths = typeof inputLength === "number" ? [inputLength] : inputLength;
  const matches = lengths.length === rest.length && rest.every((dim, i) => valueOf(dim) === null || dim === lengths[i]);
  if (!matches) throw new ShapeError(writeInputLengthMessage(layer, rest));
  return [batch!, ...lengths, outputDim];
}
