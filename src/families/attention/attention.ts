// Twin of src/families/attention/attention.types.ts: [batch, seq, embedDim] → the same shape.
import { fail } from "../../errors.ts";
import { writeRankMessage } from "../conv/conv.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { sequenceRankText, writeLastDimMessage } from "../recurrent/recurrent.ts";

/**
 * The self-attention rule: [batch, seq, embedDim] → [batch, seq, embedDim] (`name`: how embedDim is called; the
 * transformer's encoders have the same rule with dModel).
 */
export function attentionRule(layer: string, embedDim: number, input: RuntimeShape, name = "embedDim"): RuntimeShape {
  if (input.length !== 3) fail(writeRankMessage(layer, sequenceRankText(name), input.length));
  const [batch, seq, features] = input;
  if (typeof features === "string") return input;
  if (features === null) return [batch!, seq!, embedDim];
  if (features !== embedDim) fail(writeLastDimMessage(layer, name, features!));
  return input;
}
