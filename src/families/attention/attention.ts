// Twin of src/families/attention/attention.types.ts: [batch, seq, embedDim] → the same shape.
import { ShapeError } from "../../errors.ts";
import { writeRankMessage } from "../conv/conv.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { sequenceRankText } from "../recurrent/recurrent.ts";

export const writeEmbedDimMessage = (layer: string, features: number): string =>
  `${layer}: embedDim must equal the last input dimension ${features}`;

/** The self-attention rule: [batch, seq, embedDim] → [batch, seq, embedDim]. */
export function attentionRule(layer: string, embedDim: number, input: RuntimeShape): RuntimeShape {
  if (input.length !== 3) throw new ShapeError(writeRankMessage(layer, sequenceRankText("embedDim"), input.length));
  const [batch, seq, features] = input;
  if (typeof features === "string") return input;
  if (features === null) return [batch!, seq!, embedDim];
  if (features !== embedDim) throw new ShapeError(writeEmbedDimMessage(layer, features!));
  return input;
}
