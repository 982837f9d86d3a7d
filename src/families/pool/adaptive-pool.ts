// Twin of src/families/pool/adaptive-pool.types.ts: the spatial dimensions become `outputSize` (`null` keeps the input's size).
import { ShapeError } from "../../errors.ts";
import { rankText, writeRankMessage } from "../conv/conv.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

/** The adaptive pooling rule: [batch, channels, ...spatial] → [batch, channels, ...outputSize]. */
export function adaptivePoolRule(
  layer: string,
  rank: number,
  sizes: readonly (number | null)[],
  input: RuntimeShape,
): RuntimeShape {
  if (input.length !== rank + 2) throw new ShapeError(writeRankMessage(layer, rankText(rank), input.length));
  const [batch, channels, ...spatial] = input;
  return [batch!, channels!, ...spatial.map((size, i) => sizes[i] ?? size)];
}
