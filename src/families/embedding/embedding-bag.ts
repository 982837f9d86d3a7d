// Twin of src/families/embedding/embedding-bag.types.ts: [bags, n] → [bags, embeddingDim].
import { fail } from "../../ops/fail.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage } from "../conv/conv.ts";

export const writeEmbeddingBagOffsetsMessage = (layer: string): string =>
  `${layer}: a 1-d input needs offsets (PyTorch's second argument), which a layer of a model does not take; give [bags, n] (rank 2)`;

export function embeddingBagRule(layer: string, embeddingDim: number, input: RuntimeShape): RuntimeShape {
  if (input.length === 1) fail(writeEmbeddingBagOffsetsMessage(layer));
  if (input.length !== 2) fail(writeRankMessage(layer, "[bags, n] (rank 2)", input.length));
  return [input[0]!, embeddingDim];
}
