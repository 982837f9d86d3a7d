// Twin of src/families/pool/adaptive-pool.types.ts: the spatial dimensions become `outputSize` (`null` keeps the input's size).
import { channelsFirstRule } from "../conv/conv.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

/** The adaptive pooling rule: [batch, channels, ...spatial] → [batch, channels, ...outputSize]. */
export function adaptivePoolRule(
  layer: string,
  rank: number,
  sizes: readonly (number | null)[],
  input: RuntimeShape,
): RuntimeShape {
  return channelsFirstRule(layer, rank, input, (size, i) => sizes[i] ?? size);
}
